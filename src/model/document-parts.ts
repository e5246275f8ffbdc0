import type * as t from 'io-ts'
import { Actor, Channel, DeclaredLoop, KnowledgeAsset } from './codecs.js'
import type { ModelError } from './errors.js'
import { ActorId, AssetId } from './primitives.js'
import type { AssetReferences, ChannelReferences, DecodedCollection, DecodedParts, LoopReferences } from './references.js'
import { isPlainObject } from './unknown-fields.js'

/** The id an item was written with, if it is a non-empty string. */
const writtenId = (item: unknown): string | undefined => {
  const id = isPlainObject(item) ? item['id'] : undefined
  return typeof id === 'string' && id.length > 0 ? id : undefined
}

/** The value if `codec` accepts it, else `undefined`. */
const decodedOrUndefined = <T>(codec: t.Decoder<unknown, T>, value: unknown): T | undefined => {
  const decoded = codec.decode(value)
  return decoded._tag === 'Right' ? decoded.right : undefined
}

/** A list item by item, `undefined` in place of an item `codec` refuses; `undefined` when it is not a list. */
const decodedList = <T>(codec: t.Decoder<unknown, T>, list: unknown): ReadonlyArray<T | undefined> | undefined =>
  Array.isArray(list) ? list.map((value: unknown) => decodedOrUndefined(codec, value)) : undefined

/** The references in an item whose shape is wrong elsewhere, each read on its own. */
const referencesIn = {
  assets: (item: Readonly<Record<string, unknown>>): AssetReferences =>
    ({ holder: decodedOrUndefined(ActorId, item['holder']), derivedFrom: decodedList(AssetId, item['derivedFrom']) }),
  channels: (item: Readonly<Record<string, unknown>>): ChannelReferences =>
    ({ from: decodedOrUndefined(ActorId, item['from']), to: decodedOrUndefined(ActorId, item['to']), carries: decodedList(AssetId, item['carries']) }),
  loops: (item: Readonly<Record<string, unknown>>): LoopReferences =>
    ({ through: decodedList(ActorId, item['through']), source: decodedOrUndefined(AssetId, item['source']) }),
}

const decodeEach = <T extends { readonly id: string }, R>(
  document: Readonly<Record<string, unknown>>,
  key: string,
  codec: t.Decoder<unknown, T>,
  references?: (item: Readonly<Record<string, unknown>>) => R,
): DecodedCollection<T | R> | undefined => {
  // A missing `loops` is the empty list; any other collection must be a list to be checked.
  const raw = key === 'loops' && document[key] === undefined ? [] : document[key]
  if (!Array.isArray(raw)) return undefined
  const broken = new Set<number>()
  const items = raw.map((item: unknown, index): T | R | undefined => {
    const decoded = decodedOrUndefined(codec, item)
    if (decoded !== undefined) return decoded
    broken.add(index)
    return references !== undefined && isPlainObject(item) ? references(item) : undefined
  })
  return { items, idAt: (index) => writtenId(raw[index]), hasShapeError: (index) => broken.has(index) }
}

/**
 * The parts of a document whose shape is wrong somewhere, each collection item decoded
 * on its own, so that the references of every item that is right can still be checked,
 * and, in an item that is wrong, each reference that is right on its own (a declared
 * loop whose `promises` is misspelt still has its `source` checked). An item that is
 * wrong still counts as having the id it was written with. Used only when the whole
 * document fails to decode. O(size of the document).
 * @internal
 */
export const partsOfDocument = (document: unknown): DecodedParts => {
  if (!isPlainObject(document)) return {}
  const actors = decodeEach(document, 'actors', Actor)
  const assets = decodeEach(document, 'assets', KnowledgeAsset, referencesIn.assets)
  const channels = decodeEach(document, 'channels', Channel, referencesIn.channels)
  const loops = decodeEach(document, 'loops', DeclaredLoop, referencesIn.loops)
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
