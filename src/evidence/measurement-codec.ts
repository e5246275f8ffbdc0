import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describeContext, errorSegments } from '../model/codec-words.js'
import { toPointer } from '../model/errors.js'
import type { EvidenceError } from './errors.js'
import type { BadInputReason } from './events.js'
import { Stage } from './mapping.js'
import { measurementFormat, type MeasurementSummary } from './measure-summary.js'

const count = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0, 'a whole number, 0 or more')
const numbers = t.readonlyArray(t.number)
const RiskSet = t.type({ times: numbers, events: numbers, censored: numbers })
const Sketch = t.type({ relativeAccuracy: t.number, count, zeros: count, indices: numbers, counts: numbers, min: t.number, max: t.number })
const Group = t.type({
  key: t.string,
  items: count,
  outcomes: t.type({ open: count, heard: count, decided: count, did: count }),
  closure: t.type({ heard: RiskSet, decided: RiskSet, did: RiskSet }),
  funnel: numbers,
  transitions: t.readonlyArray(t.type({ from: Stage, to: Stage, latency: Sketch })),
  stopsAt: t.readonlyArray(t.type({ actor: t.string, items: count })),
})
const reasons: Readonly<Record<BadInputReason, null>> = {
  'unreadable-row': null,
  'missing-field': null,
  'bad-timestamp': null,
  'unknown-activity': null,
  'unknown-resource': null,
  'unknown-level': null,
  'unknown-channel': null,
  'unknown-outcome': null,
  'time-backwards': null,
  'duplicate-event': null,
  'missing-raise': null,
  'unknown-reference': null,
  'reference-cycle': null,
}
const groups = t.readonlyArray(Group)
const time = t.union([t.number, t.null])

/** The shape of a {@link MeasurementSummary}, checked when one is read back from a file. */
const MeasurementSummaryCodec: t.Decoder<unknown, MeasurementSummary> = t.type({
  format: t.literal(measurementFormat),
  model: t.string,
  resolutionDays: t.number,
  relativeAccuracy: t.number,
  events: t.type({ read: count, used: count, ignored: count }),
  observedFrom: time,
  observedUntil: time,
  badInput: t.readonlyArray(t.type({ reason: t.keyof(reasons), count, rows: numbers })),
  overall: Group,
  groups: t.type({ levels: groups, actors: groups, raisers: groups, channels: groups, tags: groups, sources: groups, loops: groups }),
  unmodelledFlows: t.readonlyArray(t.type({ from: t.string, to: t.string, items: count })),
})

/**
 * Check a measurement summary read back from JSON (a shard's `orgintel measure
 * --summary` file) before it is merged or reported: every field a summary has, with its
 * type, each wrong one reported once with its JSON Pointer path. A summary of another
 * format version is refused at `/format`. O(size of the summary).
 * @category Evidence
 */
export const decodeMeasurementSummary = (input: unknown): E.Either<ReadonlyArray<EvidenceError>, MeasurementSummary> => {
  const decoded = MeasurementSummaryCodec.decode(input)
  if (E.isRight(decoded)) return E.right(decoded.right)
  const errors: EvidenceError[] = []
  const seen = new Set<string>()
  for (const error of decoded.left) {
    const path = toPointer(errorSegments(error))
    if (seen.has(path) || error.context.length === 0) continue
    seen.add(path)
    errors.push({ code: 'invalid-summary', path, message: `The measurement summary value at ${path === '' ? '(the document)' : path} must be ${describeContext(error.context)}.` })
  }
  return E.left(errors)
}
