import * as t from 'io-ts'
import { describeContext, errorSegments, unwrapCodec } from '../model/codec-words.js'
import { quoteId, toPointer } from '../model/errors.js'
import { Intervention } from './interventions.js'
import type { SimulationIssue } from './issues.js'
import { SimulationParameters } from './parameters.js'
import { unknownFields } from './unknown-options.js'

const actualText = (value: unknown): string =>
  value === undefined
    ? 'missing'
    : value === null
      ? 'null'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'string'
          ? quoteId(value)
          : typeof value === 'object'
            ? 'an object'
            : String(value)

const issuesOf = (errors: t.Errors, base: ReadonlyArray<string | number>): ReadonlyArray<SimulationIssue> => {
  const seen = new Set<string>()
  const issues: SimulationIssue[] = []
  for (const error of errors) {
    const path = toPointer([...base, ...errorSegments(error)])
    if (seen.has(path) || error.context.length === 0) continue
    seen.add(path)
    issues.push({ code: 'invalid-option', path, message: `The option at ${path} must be ${describeContext(error.context)}, but it is ${actualText(error.value)}.` })
  }
  return issues
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value)

const interventionKinds = Intervention.types.map((member) => {
  const inner = unwrapCodec(member)
  const shape = inner instanceof t.IntersectionType ? (inner.types[0] as t.InterfaceType<t.Props>) : (inner as t.InterfaceType<t.Props>)
  return [(shape.props['kind'] as t.LiteralType<string>).value, member as t.Decoder<unknown, Intervention>] as const
})
const codecOfKind = new Map<unknown, t.Decoder<unknown, Intervention>>(interventionKinds)

interface DecodedParameters {
  readonly parameters: SimulationParameters
  /** Where each of `parameters.actors` was in the options. */
  readonly actorIndices: ReadonlyArray<number>
}

const decodeParameters = (input: unknown, issues: SimulationIssue[]): DecodedParameters => {
  if (input === undefined) return { parameters: {}, actorIndices: [] }
  if (!isRecord(input)) {
    issues.push({ code: 'invalid-option', path: '/parameters', message: `The option at /parameters must be an object, but it is ${actualText(input)}.` })
    return { parameters: {}, actorIndices: [] }
  }
  for (const field of unknownFields(SimulationParameters, input, ['parameters'])) issues.push({ code: 'unknown-option', ...field })
  const decoded = SimulationParameters.decode(input)
  if (decoded._tag === 'Right') return { parameters: decoded.right, actorIndices: (decoded.right.actors ?? []).map((_, index) => index) }
  issues.push(...issuesOf(decoded.left, ['parameters']))
  // Leave out each field with a fault (for `actors`, each faulty entry) and keep the rest.
  const badFields = new Set<string>()
  const badActors = new Set<string>()
  for (const segments of decoded.left.map(errorSegments)) {
    if (segments[0] === 'actors' && segments.length >= 2 && Array.isArray(input['actors'])) badActors.add(segments[1]!)
    else if (segments[0] !== undefined) badFields.add(segments[0])
  }
  const kept: Record<string, unknown> = Object.fromEntries(Object.entries(input).filter(([field]) => !badFields.has(field)))
  const actorIndices: number[] = []
  if (Array.isArray(kept['actors'])) {
    kept['actors'].forEach((_: unknown, index: number) => {
      if (!badActors.has(String(index))) actorIndices.push(index)
    })
    kept['actors'] = actorIndices.map((index) => (kept['actors'] as ReadonlyArray<unknown>)[index])
  }
  const again = SimulationParameters.decode(kept)
  // What is left decodes by construction; the fallback only guards the invariant.
  return again._tag === 'Right' ? { parameters: again.right, actorIndices } : { parameters: {}, actorIndices: [] }
}

/**
 * Decode untyped simulation options with their codecs. An intervention that does not
 * decode is left out; so is a parameter field that does not (the default applies), or
 * an entry of `parameters.actors`. Every fault is an `invalid-option` issue, and every
 * field the codecs do not define an `unknown-option` issue (with a "did you mean"),
 * whose path is a JSON Pointer into the options. Never throws. O(size of the options). @internal
 */
export const decodeSimulationOptions = (options: {
  readonly parameters?: unknown
  readonly interventions?: unknown
}): {
  readonly parameters: DecodedParameters
  readonly interventions: ReadonlyArray<{ readonly index: number; readonly intervention: Intervention }>
  readonly issues: ReadonlyArray<SimulationIssue>
} => {
  const issues: SimulationIssue[] = []
  const parameters = decodeParameters(options.parameters, issues)
  const interventions: Array<{ readonly index: number; readonly intervention: Intervention }> = []
  const given = options.interventions ?? []
  if (!Array.isArray(given)) issues.push({ code: 'invalid-option', path: '/interventions', message: `The option at /interventions must be a list, but it is ${actualText(given)}.` })
  else {
    given.forEach((input: unknown, index) => {
      const codec = isRecord(input) ? codecOfKind.get(input['kind']) : undefined
      if (codec === undefined) {
        const where = isRecord(input) ? ['interventions', index, 'kind'] : ['interventions', index]
        const expected = isRecord(input) ? `one of ${interventionKinds.map(([kind]) => kind).join(', ')}` : 'an object'
        const actual = isRecord(input) ? input['kind'] : input
        issues.push({ code: 'invalid-option', path: toPointer(where), message: `The option at ${toPointer(where)} must be ${expected}, but it is ${actualText(actual)}.` })
        return
      }
      for (const field of unknownFields(codec, input, ['interventions', index])) issues.push({ code: 'unknown-option', ...field })
      const decoded = codec.decode(input)
      if (decoded._tag === 'Right') interventions.push({ index, intervention: decoded.right })
      else issues.push(...issuesOf(decoded.left, ['interventions', index]))
    })
  }
  return { parameters, interventions, issues }
}
