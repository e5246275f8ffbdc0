import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describeContext, errorSegments } from '../model/codec-words.js'
import { toPointer } from '../model/errors.js'
import type { EvidenceError } from './errors.js'
import { measuredLoopsFormat } from './measure.js'

const ids = t.readonlyArray(t.string, 'a list of ids')

/** The part of a measured-loops report that the diagnosis reads: its model and its conformance findings. @category Evidence */
export const MeasuredFindings = t.readonly(
  t.type({
    format: t.literal(measuredLoopsFormat),
    model: t.string,
    conformance: t.type({
      findings: t.readonlyArray(
        t.intersection([
          t.type({
            rule: t.keyof({ 'measured-unmodelled-flow': null, 'measured-unused-channel': null, 'measured-loop-below-promise': null, 'measured-loop-never-closes': null }),
            severity: t.keyof({ error: null, warning: null, info: null }),
            message: t.string,
            actors: ids,
            channels: ids,
            assets: ids,
          }),
          t.partial({ loop: t.string }),
        ]),
      ),
    }),
  }),
  'a measured-loops report (orgintel measure --format json)',
)
/** @category Evidence */
export type MeasuredFindings = t.TypeOf<typeof MeasuredFindings>

/**
 * Read the findings of a measured-loops report from untrusted input (a file written by
 * `orgintel measure --format json`), with every shape error and its JSON Pointer path.
 * O(size of the report).
 * @category Evidence
 */
export const decodeMeasuredFindings = (input: unknown): E.Either<ReadonlyArray<EvidenceError>, MeasuredFindings> => {
  const decoded = MeasuredFindings.decode(input)
  if (E.isRight(decoded)) return decoded
  const seen = new Set<string>()
  const errors: EvidenceError[] = []
  for (const error of decoded.left) {
    const path = toPointer(errorSegments(error))
    if (seen.has(path)) continue
    seen.add(path)
    errors.push({ code: 'invalid-log', path, message: `The value at ${path === '' ? '(the report)' : path} must be ${describeContext(error.context)}.` })
  }
  return E.left(errors)
}
