import type * as t from 'io-ts'
import { Actor, Channel, DeclaredLoop, KnowledgeAsset } from './codecs.js'
import type { ModelError } from './errors.js'
import type { DecodedCollection, DecodedParts } from './references.js'
import { isPlainObject } from './unknown-fields.js'

/** The id an item was written with, if it is a non-empty string. */
const writtenId = (item: unknown): string | undefined => {
  const id = isPlainObject(item) ? item['id'] : undefined
  return typeof id === 'string' && id.length > 0 ? id : undefined
}

const decodeEach = <T extends { readonly id: string }>(
  document: Readonly<Record<string, unknown>>,
  key: string,
  codec: t.Decoder<unknown, T>,
): DecodedCollection<T> | undefined => {
  // A missing `loops` is the empty list; any other collection must be a list to be checked.
  const raw = key === 'loops' && document[key] === undefined ? [] : document[key]
  if (!Array.isArray(raw)) return undefined
  const items = raw.map((item: unknown) => {
    const decoded = codec.decode(item)
    return decoded._tag === 'Right' ? decoded.right : undefined
  })
  return { items, idAt: (index) => items[index]?.id ?? writtenId(raw[index]) }
}

/**
 * The parts of a document whose shape is wrong somewhere, each collection item decoded
 * on its own, so that the references of every item that is right can still be checked
 * (and an item that is wrong still counts as having its id). Used only when the whole
 * document fails to decode. O(size of the document).
 * @internal
 */
export const partsOfDocument = (document: unknown): DecodedParts => {
  if (!isPlainObject(document)) return {}
  const actors = decodeEach(document, 'actors', Actor)
  const assets = decodeEach(document, 'assets', KnowledgeAsset)
  const channels = decodeEach(document, 'channels', Channel)
  const loops = decodeEach(document, 'loops', DeclaredLoop)
  return {
    ...(actors === undefined ? {} : { actors }),
    ...(assets === undefined ? {} : { assets }),
    ...(channels === undefined ? {} : { channels }),
    ...(loops === undefined ? {} : { loops }),
  }
}

const collectionOrder: ReadonlyMap<string, number> = new Map([
  ['actors', 1],
  ['assets', 2],
  ['channels', 3],
  ['loops', 4],
])

/** Where an error lies, for ordering: the document's own fields first, then each item in collection order. */
const placeOf = (path: string): readonly [number, number] => {
  const [, collection = '', index = ''] = path.split('/', 3)
  const order = collectionOrder.get(collection)
  return order === undefined || !/^\d+$/.test(index) ? [0, 0] : [order, Number(index)]
}

/**
 * Shape errors from separate checks (the codecs, the unknown-field walk) in document
 * order: the model's own fields, then item by item. Stable, so each check's order within
 * an item is kept. O(e log e) for e errors (at most a few thousand: both are capped).
 * @internal
 */
export const inDocumentOrder = (errors: ReadonlyArray<ModelError>): ReadonlyArray<ModelError> => {
  const places = new Map(errors.map((error) => [error, placeOf(error.path)] as const))
  return [...errors].sort((a, b) => {
    const [collectionA, indexA] = places.get(a)!
    const [collectionB, indexB] = places.get(b)!
    return collectionA - collectionB || indexA - indexB
  })
}
