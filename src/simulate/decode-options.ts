import * as t from 'io-ts'
import { quoteId, toPointer } from '../model/errors.js'
import { Intervention } from './interventions.js'
import type { SimulationIssue } from './issues.js'
import { SimulationParameters } from './parameters.js'

const unwrap = (type: t.Decoder<unknown, unknown>): t.Decoder<unknown, unknown> => {
  let current = type
  while (current instanceof t.ReadonlyType || current instanceof t.ExactType) current = current.type
  return current
}

const isComposite = (type: t.Decoder<unknown, unknown>): boolean => {
  const inner = unwrap(type)
  return inner instanceof t.UnionType || inner instanceof t.IntersectionType
}

const expectedText = (type: t.Decoder<unknown, unknown>): string => {
  const inner = unwrap(type)
  if (inner instanceof t.ReadonlyArrayType || inner instanceof t.ArrayType) return 'a list'
  if (inner instanceof t.InterfaceType || inner instanceof t.PartialType || inner instanceof t.IntersectionType) return 'an object'
  if (inner instanceof t.KeyofType) return `one of ${Object.keys(inner.keys).join(', ')}`
  if (inner instanceof t.LiteralType) return JSON.stringify(inner.value)
  switch (inner.name) {
    case 'NonNegative':
      return 'a number, 0 or more'
    case 'Probability':
      return 'a number from 0 to 1'
    case 'Id':
      return 'a non-empty id'
    default:
      return inner.name
  }
}

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

/** Segments of each io-ts error (without the member indices of unions and intersections). */
const segmentsOf = (errors: t.Errors): ReadonlyArray<{ readonly segments: ReadonlyArray<string>; readonly error: t.ValidationError }> =>
  errors.map((error) => {
    const segments: string[] = []
    let parent: t.Decoder<unknown, unknown> | undefined
    for (const entry of error.context) {
      if (parent !== undefined && !isComposite(parent)) segments.push(entry.key)
      parent = entry.type
    }
    return { segments, error }
  })

const issuesOf = (errors: t.Errors, base: ReadonlyArray<string | number>): ReadonlyArray<SimulationIssue> => {
  const seen = new Set<string>()
  const issues: SimulationIssue[] = []
  for (const { segments, error } of segmentsOf(errors)) {
    const path = toPointer([...base, ...segments])
    const last = error.context[error.context.length - 1]
    if (seen.has(path) || last === undefined) continue
    seen.add(path)
    issues.push({ code: 'invalid-option', path, message: `The option at ${path} must be ${expectedText(last.type)}, but it is ${actualText(error.value)}.` })
  }
  return issues
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value)

const interventionKinds = Intervention.types.map((member) => {
  const inner = unwrap(member)
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
  const decoded = SimulationParameters.decode(input)
  if (decoded._tag === 'Right') return { parameters: decoded.right, actorIndices: (decoded.right.actors ?? []).map((_, index) => index) }
  issues.push(...issuesOf(decoded.left, ['parameters']))
  // Leave out each field with a fault (for `actors`, each faulty entry) and keep the rest.
  const badFields = new Set<string>()
  const badActors = new Set<string>()
  for (const { segments } of segmentsOf(decoded.left)) {
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
 * an entry of `parameters.actors`. Every fault is an `invalid-option` issue whose path
 * is a JSON Pointer into the options. Never throws. O(size of the options). @internal
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
      const decoded = codec.decode(input)
      if (decoded._tag === 'Right') interventions.push({ index, intervention: decoded.right })
      else issues.push(...issuesOf(decoded.left, ['interventions', index]))
    })
  }
  return { parameters, interventions, issues }
}
