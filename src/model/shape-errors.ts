import * as t from 'io-ts'
import { errorSegments, namedExpectations } from './codec-words.js'
import { DefaultsType } from './primitives.js'
import { type ModelError, type ModelErrorCode, quoteId, toPointer } from './errors.js'

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
    case 'number':
      return `it is ${String(value)}`
    case 'boolean':
      return `it is ${String(value)}`
    default:
      return `it is a ${typeof value}`
  }
}

/** What a codec accepts, in words, and the JSON type it needs. */
const expectation = (type: t.Decoder<unknown, unknown>): { words: string; json: string } => {
  const leaf = namedExpectations.get(type.name)
  if (leaf !== undefined) {
    const json = type.name === 'Levels' ? 'array' : type.name === 'NonNegative' || type.name === 'Probability' ? 'number' : 'string'
    return { words: leaf, json }
  }
  const inner = unwrap(type)
  if (inner instanceof t.KeyofType) {
    return { words: `one of ${Object.keys(inner.keys).map((k) => `'${k}'`).join(', ')}`, json: 'string' }
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
  return 'invalid-value'
}

const collectionNames: ReadonlyMap<string, string> = new Map([
  ['actors', 'actor'],
  ['assets', 'asset'],
  ['channels', 'channel'],
  ['loops', 'loop'],
])

/** "Channel 'c4'" or "Channel at /channels/3", from the raw input. */
const subjectOf = (root: unknown, segments: ReadonlyArray<string>): string => {
  const [collection, index] = segments
  const singular = collection === undefined ? undefined : collectionNames.get(collection)
  if (singular === undefined || index === undefined || segments.length < 2) return 'The model'
  const label = singular[0]!.toUpperCase() + singular.slice(1)
  const item = (root as Record<string, ReadonlyArray<unknown>>)[collection!]?.[Number(index)]
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined
  return typeof id === 'string' && id.length > 0 ? `${label} ${quoteId(id)}` : `${label} ${Number(index) + 1}`
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
  const expectationByType = new Map<t.Decoder<unknown, unknown>, { words: string; json: string }>()
  const expectationCached = (type: t.Decoder<unknown, unknown>): { words: string; json: string } => {
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
    const { words, json } = expectationCached(last.type)
    const code = classify(last.type, error.value, json)
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
    result.push({ code, path, message: `${what} must be ${words}, but ${describeActual(error.value)}.` })
  }
  return { errors: result, more }
}
