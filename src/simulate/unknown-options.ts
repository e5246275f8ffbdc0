import type * as t from 'io-ts'
import { quoteId, toPointer } from '../model/errors.js'
import { suggestName } from '../model/suggest.js'
import { findUnknownFields } from '../model/unknown-fields.js'

/** A field the codecs do not define, with where it is and the known field it is most likely a typo of. @internal */
export interface UnknownField {
  readonly path: string
  readonly message: string
}

/** " Did you mean 'x'?" for the candidate closest to `name`, or nothing. @internal */
export const didYouMean = (name: string, candidates: Iterable<string>): string => suggestName(name, candidates)

/** " Did you mean 'x'?" for the candidate closest to `name`, or else every candidate: " It must be one of 'a', 'b'." @internal */
export const didYouMeanOrList = (name: string, candidates: Iterable<string>): string => suggestName(name, candidates, 'It must be one of')

/**
 * Every field of `value` (an option object, spec or parameter set written by hand)
 * that `codec` does not define, with its JSON Pointer (under `base`) and a "did you
 * mean" where a defined field is close: a misspelt `raiseRte` is an error, not a
 * parameter quietly left at its default. The walk is the model's (`findUnknownFields`).
 * O(size of the value).
 * @internal
 */
export const unknownFields = (codec: t.Decoder<unknown, unknown>, value: unknown, base: ReadonlyArray<string | number>): ReadonlyArray<UnknownField> =>
  findUnknownFields(codec, value, Number.POSITIVE_INFINITY, ({ path, key, fields }) => {
    const pointer = toPointer([...base, ...path, key])
    return { path: pointer, message: `${quoteId(key)} at ${pointer} is not an option here.${didYouMean(key, fields.keys())}` }
  }).found
