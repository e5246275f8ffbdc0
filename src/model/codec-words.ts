import * as t from 'io-ts'
import { DefaultsType } from './primitives.js'

/**
 * What a codec accepts and where an io-ts error lies, in words a user reads: shared by
 * the messages about simulation options, experiment specs and diagnosis configs.
 * @packageDocumentation
 */

/** Peel the wrappers that do not change what a codec accepts (readonly, exact, refinement, defaults). @internal */
export const unwrapCodec = (type: t.Decoder<unknown, unknown>): t.Decoder<unknown, unknown> => {
  let current = type
  for (;;) {
    if (current instanceof DefaultsType) current = current.inner
    else if (current instanceof t.ReadonlyType || current instanceof t.ExactType || current instanceof t.RefinementType) current = current.type
    else return current
  }
}

// A document with many faults repeats the same few codecs: work each out once.
const compositeByType = new WeakMap<t.Decoder<unknown, unknown>, boolean>()

/** Whether io-ts puts a member index (not a key of the value) in the context below this codec. */
const isComposite = (type: t.Decoder<unknown, unknown>): boolean => {
  let composite = compositeByType.get(type)
  if (composite === undefined) {
    const inner = unwrapCodec(type)
    composite = inner instanceof t.UnionType || inner instanceof t.IntersectionType
    compositeByType.set(type, composite)
  }
  return composite
}

/** The keys from the root of the value to where an io-ts error arose, without union and intersection member indices. @internal */
export const errorSegments = (error: t.ValidationError): ReadonlyArray<string> => {
  const segments: string[] = []
  let parent: t.Decoder<unknown, unknown> | undefined
  for (const entry of error.context) {
    if (parent !== undefined && !isComposite(parent)) segments.push(entry.key)
    parent = entry.type
  }
  return segments
}

/** A name we wrote as words ("a number, 0 or more"), not one io-ts made up ("number", "{ day: … }", "Intervention"). */
const isPlainWords = (name: string): boolean => name.includes(' ') && !/^[{([]|[<|]/.test(name)

/** Codecs of the model and io-ts whose names are identifiers, in words. @internal */
export const namedExpectations: ReadonlyMap<string, string> = new Map([
  ['ActorId', 'a non-empty id'],
  ['AssetId', 'a non-empty id'],
  ['ChannelId', 'a non-empty id'],
  ['LoopId', 'a non-empty id'],
  ['NonEmptyText', 'non-empty text'],
  ['Text', 'text'],
  ['PositiveCount', 'a whole number, 1 or more'],
  ['NonNegative', 'a number, 0 or more'],
  ['Probability', 'a number from 0 to 1'],
  ['Levels', 'a list of at least one level'],
  ['Int', 'a whole number'],
])

const listOfWords = (words: ReadonlyArray<string>): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]!}`

/**
 * The values of the tag of a tagged union (`kind` of an intervention), in member order.
 * Walks the codecs, never the value. @internal
 */
export const tagOf = (type: t.Decoder<unknown, unknown>): { readonly tag: string; readonly values: ReadonlyArray<string> } | undefined => {
  const union = unwrapCodec(type)
  if (!(union instanceof t.TaggedUnionType)) return undefined
  const tag = (union as t.TaggedUnionType<string, [t.Mixed, t.Mixed, ...t.Mixed[]]>).tag
  const values: string[] = []
  const pending: Array<t.Decoder<unknown, unknown>> = [...(union.types as ReadonlyArray<t.Decoder<unknown, unknown>>)]
  while (pending.length > 0) {
    const member = unwrapCodec(pending.shift()!)
    if (member instanceof t.IntersectionType || member instanceof t.UnionType) pending.unshift(...(member.types as ReadonlyArray<t.Decoder<unknown, unknown>>))
    else if (member instanceof t.InterfaceType) {
      const codec = unwrapCodec((member.props as t.Props)[tag] ?? t.unknown)
      if (codec instanceof t.LiteralType) values.push(String(codec.value))
      else if (codec instanceof t.KeyofType) values.push(...Object.keys(codec.keys))
    }
  }
  return { tag, values: [...new Set(values)] }
}

/**
 * What a codec accepts, in plain words: its name where we wrote one ("a number, 0 or
 * more"), otherwise its shape ("a list", "one of fixed, exponential, uniform"), never
 * an io-ts name such as `Probability`, `UnknownRecord` or `boolean`. Follows the codecs
 * (a few levels deep), never the value. @internal
 */
export const describeExpected = (type: t.Decoder<unknown, unknown>): string => {
  let current = type
  for (;;) {
    if (isPlainWords(current.name)) return current.name
    const named = namedExpectations.get(current.name)
    if (named !== undefined) return named
    const inner = unwrapCodec(current)
    if (inner === current) break
    current = inner
  }
  const tagged = tagOf(current)
  if (tagged !== undefined) return `an object whose ${tagged.tag} is one of ${tagged.values.join(', ')}`
  if (current instanceof t.UnionType) return listOfWords([...new Set((current.types as ReadonlyArray<t.Decoder<unknown, unknown>>).map(describeExpected))])
  if (current instanceof t.ReadonlyArrayType || current instanceof t.ArrayType || current instanceof t.AnyArrayType || current instanceof t.TupleType) return 'a list'
  if (current instanceof t.KeyofType) return `one of ${Object.keys(current.keys).join(', ')}`
  if (current instanceof t.LiteralType) return JSON.stringify(current.value)
  if (current instanceof t.StringType) return 'text'
  if (current instanceof t.NumberType) return 'a number'
  if (current instanceof t.BooleanType) return 'true or false'
  if (current instanceof t.NullType) return 'null'
  if (current instanceof t.FunctionType) return 'a function'
  const isObject = current instanceof t.InterfaceType || current instanceof t.PartialType || current instanceof t.IntersectionType ||
    current instanceof t.DictionaryType || current instanceof t.AnyDictionaryType
  return isObject ? 'an object' : current.name
}

/**
 * What was expected where an io-ts error arose: the failing codec in words, or, when
 * that codec is one member of a plain union (`number | string | boolean`), the union,
 * since any member would do. @internal
 */
export const describeContext = (context: t.Context): string => {
  const last = context[context.length - 1]?.type
  if (last === undefined) return 'a value'
  const owner = context[context.length - 2]?.type
  const union = owner === undefined ? undefined : unwrapCodec(owner)
  return union instanceof t.UnionType && !(union instanceof t.TaggedUnionType) ? describeExpected(union) : describeExpected(last)
}
