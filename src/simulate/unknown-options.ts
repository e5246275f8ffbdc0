import * as t from 'io-ts'
import { unwrapCodec } from '../model/codec-words.js'
import { quoteId, toPointer } from '../model/errors.js'
import { suggestName } from '../model/suggest.js'

/** A field the codecs do not define, with where it is and the known field it is most likely a typo of. @internal */
export interface UnknownField {
  readonly path: string
  readonly message: string
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** " Did you mean 'x'?" for the candidate closest to `name`, or nothing. @internal */
export const didYouMean = (name: string, candidates: Iterable<string>): string => suggestName(name, candidates)

/** " Did you mean 'x'?" for the candidate closest to `name`, or else every candidate: " It must be one of 'a', 'b'." @internal */
export const didYouMeanOrList = (name: string, candidates: Iterable<string>): string => suggestName(name, candidates, 'It must be one of')

/** The fields an object codec defines (through intersections), or `undefined` for another codec. */
const fieldsOf = (codec: t.Decoder<unknown, unknown>): ReadonlyMap<string, t.Decoder<unknown, unknown>> | undefined => {
  const inner = unwrapCodec(codec)
  if (inner instanceof t.InterfaceType || inner instanceof t.PartialType) return new Map(Object.entries(inner.props as t.Props))
  if (!(inner instanceof t.IntersectionType)) return undefined
  const fields = new Map<string, t.Decoder<unknown, unknown>>()
  for (const member of inner.types as ReadonlyArray<t.Decoder<unknown, unknown>>) for (const [key, field] of fieldsOf(member) ?? []) fields.set(key, field)
  return fields
}

/**
 * Every field of `value` (an option object, spec or parameter set written by hand)
 * that `codec` does not define, with its JSON Pointer (under `base`) and a "did you
 * mean" where a defined field is close: a misspelt `raiseRte` is an error, not a
 * parameter quietly left at its default. Follows objects, lists and, for a union, the
 * first member the value is; records and `unknown` fields are not looked into. An
 * explicit stack, so deep input cannot overflow it. O(size of the value).
 * @internal
 */
export const unknownFields = (codec: t.Decoder<unknown, unknown>, value: unknown, base: ReadonlyArray<string | number>): ReadonlyArray<UnknownField> => {
  const found: UnknownField[] = []
  const stack: Array<readonly [t.Decoder<unknown, unknown>, unknown, ReadonlyArray<string | number>]> = [[codec, value, base]]
  while (stack.length > 0) {
    const [type, item, path] = stack.pop()!
    const inner = unwrapCodec(type)
    if (inner instanceof t.UnionType) {
      const member = (inner.types as ReadonlyArray<t.Type<unknown>>).find((candidate) => candidate.is(item))
      if (member !== undefined) stack.push([member, item, path])
      continue
    }
    if (inner instanceof t.ReadonlyArrayType || inner instanceof t.ArrayType) {
      if (Array.isArray(item)) for (let index = item.length - 1; index >= 0; index--) stack.push([inner.type as t.Decoder<unknown, unknown>, item[index], [...path, index]])
      continue
    }
    const fields = fieldsOf(inner)
    if (fields === undefined || !isRecord(item)) continue
    const keys = Object.keys(item)
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index]!
      const field = fields.get(key)
      if (field !== undefined) stack.push([field, item[key], [...path, key]])
    }
    for (const key of keys) {
      if (fields.has(key)) continue
      const pointer = toPointer([...path, key])
      found.push({ path: pointer, message: `${quoteId(key)} at ${pointer} is not an option here.${didYouMean(key, fields.keys())}` })
    }
  }
  return found
}
