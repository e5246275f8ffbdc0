import * as t from 'io-ts'
import { describeForbiddenCharacter, forbiddenIdCharacterOffset, loneSurrogateOffset } from './characters.js'
import { errorSegments, namedExpectations } from './codec-words.js'
import { DefaultsType } from './primitives.js'
import { type ModelError, type ModelErrorCode, quoteId, toPointer } from './errors.js'
import { closestName } from './suggest.js'

/** Look through wrappers that do not change the shape of a value. */
const unwrap = (type: t.Decoder<unknown, unknown>): t.Decoder<unknown, unknown> => {
  let current: t.Decoder<unknown, unknown> = type
  for (;;) {
    if (current instanceof DefaultsType) current = current.inner
    else if (current instanceof t.ReadonlyType) current = current.type
    else if (current instanceof t.RefinementType && !isBrandedLeaf(current)) current = current.type
    else return current
  }
}

function isBrandedLeaf(type: t.Decoder<unknown, unknown>): boolean {
  return namedExpectations.has(type.name)
}

const idCodecs: ReadonlySet<string> = new Set(['ActorId', 'AssetId', 'ChannelId', 'LoopId'])
const textCodecs: ReadonlySet<string> = new Set(['NonEmptyText', 'Text'])
/** The JSON type of the named leaves that are not text. */
const leafJsonTypes: ReadonlyMap<string, string> = new Map([
  ['Levels', 'array'],
  ['NonNegative', 'number'],
  ['Probability', 'number'],
  ['PositiveCount', 'number'],
  ['Int', 'number'],
])

const jsonTypeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value

const describeActual = (value: unknown): string => {
  switch (jsonTypeOf(value)) {
    case 'undefined':
      return 'it is missing'
    case 'null':
      return 'it is null'
    case 'array':
      return (value as ReadonlyArray<unknown>).length === 0 ? 'it is an empty list' : 'it is a list'
    case 'object':
      return 'it is an object'
    case 'string':
      return (value as string).length === 0 ? 'it is empty' : 'it is text'
    default:
      return `it is ${String(value)}`
  }
}

/** What a codec accepts, in words, the JSON type it needs, and its closed vocabulary if it has one. */
interface Expectation {
  readonly words: string
  readonly json: string
  readonly allowed?: ReadonlyArray<string>
}

const expectation = (type: t.Decoder<unknown, unknown>): Expectation => {
  const leaf = namedExpectations.get(type.name)
  if (leaf !== undefined) return { words: leaf, json: leafJsonTypes.get(type.name) ?? 'string' }
  const inner = unwrap(type)
  if (inner instanceof t.KeyofType) {
    const allowed = Object.keys(inner.keys)
    return { words: `one of ${allowed.map((k) => `'${k}'`).join(', ')}`, json: 'string', allowed }
  }
  if (inner instanceof t.LiteralType) return { words: `'${String(inner.value)}'`, json: typeof inner.value }
  if (inner instanceof t.StringType) return { words: 'text', json: 'string' }
  if (inner instanceof t.NumberType) return { words: 'a number', json: 'number' }
  if (inner instanceof t.BooleanType) return { words: 'true or false', json: 'boolean' }
  if (inner instanceof t.ArrayType || inner instanceof t.ReadonlyArrayType) return { words: 'a list', json: 'array' }
  return { words: 'an object', json: 'object' }
}

const classify = (type: t.Decoder<unknown, unknown>, actual: unknown, json: string): ModelErrorCode => {
  if (actual === undefined) return 'missing-field'
  if (unwrap(type) instanceof t.LiteralType) return 'unsupported-schema'
  if (jsonTypeOf(actual) !== json) return 'invalid-type'
  if (type.name === 'NonNegative' || type.name === 'Probability') return 'out-of-range'
  if (type.name === 'PositiveCount') return Number.isInteger(actual) ? 'out-of-range' : 'invalid-value'
  if (idCodecs.has(type.name) && actual !== '') return 'invalid-id'
  return 'invalid-value'
}

/** A value shaped like a vocabulary word (lower case, digits, `-`, `+`, `/`, `.`, `_`): never a person's name. */
const vocabularyShaped = /^[a-z0-9][a-z0-9+\-/._]{0,39}$/

/**
 * Whether a value is shaped like a vocabulary word or a kebab-case id (lower case,
 * digits, `-`, `+`, `/`, `.`, `_`, at most 40 characters), so that quoting it in a
 * message cannot quote a person's name. @internal
 */
export const isWordShaped = (value: string): boolean => vocabularyShaped.test(value)

/**
 * What was received in a field with a closed vocabulary: the value quoted when it is
 * close to an allowed value, or shaped like a vocabulary word, never when it may be
 * free text such as a name (`'Patient'` is quoted, `Jane` is not); a "did you mean"
 * for a near miss (`'Patient'` → `'patient'`); and, for an item of a list that holds
 * several allowed values run together, how to give them.
 */
const describeVocabularyMiss = (value: string, allowed: ReadonlyArray<string>, inList: boolean): string => {
  if (value.length === 0) return 'it is empty'
  const suggestion = closestName(value.trim(), allowed)
  const parts = value.split(/[|,;/\s]+/).filter((part) => part.length > 0)
  const several = inList && parts.length > 1 && parts.every((part) => allowed.includes(part))
  const quoted = suggestion !== undefined || several || vocabularyShaped.test(value) ? `it is ${quoteId(value)}` : 'it is other text'
  if (suggestion !== undefined) return `${quoted}. Did you mean '${suggestion}'?`
  return several ? `${quoted}. Give each value as its own item of the list (in a spreadsheet cell, separate them with '|')` : quoted
}

/** Why the value was refused, after "but". */
const describeMiss = (type: t.Decoder<unknown, unknown>, code: ModelErrorCode, value: unknown, expected: Expectation, inList: boolean): string => {
  if (typeof value !== 'string' || value === '') return describeActual(value)
  if (code === 'invalid-id') {
    const offset = forbiddenIdCharacterOffset(value)
    if (offset >= 0) {
      return `it ${describeForbiddenCharacter(value, offset)} (ids may not contain control characters, U+FFFE, U+FFFF or lone surrogates, which XML and UTF-8 cannot carry)`
    }
  }
  if (textCodecs.has(type.name)) {
    const offset = loneSurrogateOffset(value)
    if (offset >= 0) return `it ${describeForbiddenCharacter(value, offset)}, which UTF-8 cannot carry`
  }
  if (expected.allowed !== undefined && code === 'invalid-value') return describeVocabularyMiss(value, expected.allowed, inList)
  return describeActual(value)
}

const collectionNames: ReadonlyMap<string, string> = new Map([
  ['actors', 'actor'],
  ['assets', 'asset'],
  ['channels', 'channel'],
  ['loops', 'declared loop'],
])

/**
 * "Channel 'c4'", or "Channel at /channels/3" when the item has no usable id (the same
 * index as its path, never counted from 1), or "The model", from the raw input.
 * @internal
 */
export const subjectOf = (root: unknown, segments: ReadonlyArray<string>): string => {
  const [collection, index] = segments
  const singular = collection === undefined ? undefined : collectionNames.get(collection)
  if (singular === undefined || index === undefined || segments.length < 2) return 'The model'
  const label = singular[0]!.toUpperCase() + singular.slice(1)
  const item = (root as Record<string, ReadonlyArray<unknown>>)[collection!]?.[Number(index)]
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined
  const usable = typeof id === 'string' && id.length > 0 && forbiddenIdCharacterOffset(id) < 0
  return usable ? `${label} ${quoteId(id)}` : `${label} at ${toPointer([collection!, index])}`
}

const fieldOf = (segments: ReadonlyArray<string>): string => {
  const rest = collectionNames.has(segments[0] ?? '') && segments.length >= 2 ? segments.slice(2) : segments
  if (rest.length === 0) return ''
  return rest.map((segment, i) => (/^\d+$/.test(segment) && i > 0 ? `[${segment}]` : `${i > 0 ? '.' : ''}${segment}`)).join('')
}

/**
 * Turn io-ts validation errors into {@link ModelError}s with JSON Pointer paths (no
 * union or intersection member indices), stable codes and plain-English messages.
 * Errors at the same path with the same code are reported once. Only the first
 * `limit` errors get a message; the rest are counted (deduplicated the same way) and
 * returned as `more`, so a document with a million faults costs little more than the
 * io-ts pass itself.
 * @internal
 */
export const shapeErrorsUpTo = (
  root: unknown,
  errors: t.Errors,
  limit: number,
): { readonly errors: ReadonlyArray<ModelError>; readonly more: number } => {
  // Equal paths lie in the same collection item, and io-ts reports an item's errors
  // together, so the set of an item's paths is cleared when the next item starts: a
  // document with a million faulty items never holds a million keys. Paths outside
  // any item (the few top-level fields) are kept for the whole run.
  const seenInItem = new Set<string>()
  const seenOutside = new Set<string>()
  let item = ''
  const result: ModelError[] = []
  let more = 0
  // A document with many faults repeats the same few codecs: work each out once.
  const expectationByType = new Map<t.Decoder<unknown, unknown>, Expectation>()
  const expectationCached = (type: t.Decoder<unknown, unknown>): Expectation => {
    let expected = expectationByType.get(type)
    if (expected === undefined) {
      expected = expectation(type)
      expectationByType.set(type, expected)
    }
    return expected
  }
  for (const error of errors) {
    const segments = errorSegments(error)
    const last = error.context[error.context.length - 1]
    if (last === undefined) continue
    const expected = expectationCached(last.type)
    const code = classify(last.type, error.value, expected.json)
    const path = toPointer(segments)
    const itemOfError = segments.length >= 2 ? `${segments[0]}/${segments[1]}` : ''
    if (itemOfError !== '' && itemOfError !== item) {
      seenInItem.clear()
      item = itemOfError
    }
    const seen = itemOfError === '' ? seenOutside : seenInItem
    const key = `${code}\u0000${path}`
    if (seen.has(key)) continue
    seen.add(key)
    if (result.length >= limit) {
      more++
      continue
    }
    const field = fieldOf(segments)
    const subject = subjectOf(root, segments)
    const what =
      field === '' && subject === 'The model'
        ? 'The document'
        : field === ''
          ? subject
          : `${subject}: '${field}'`
    const inList = /^\d+$/.test(segments[segments.length - 1] ?? '') && segments.length > 2
    const miss = describeMiss(last.type, code, error.value, expected, inList)
    result.push({ code, path, message: `${what} must be ${expected.words}, but ${miss}${miss.endsWith('?') ? '' : '.'}` })
  }
  return { errors: result, more }
}
