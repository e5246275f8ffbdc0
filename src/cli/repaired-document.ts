import { type Channel, type KnowledgeAsset, type Model, schemaVersion } from '../model/codecs.js'
import { withoutByteOrderMark } from '../model/decode.js'

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The items of a document's list when they line up, one for one and id for id, with the model's. */
const itemsLike = (document: JsonObject, key: 'channels' | 'assets', items: ReadonlyArray<{ readonly id: string }>): JsonObject[] | undefined => {
  const list = document[key]
  if (!Array.isArray(list) || list.length !== items.length) return undefined
  for (let i = 0; i < list.length; i++) if (!isObject(list[i]) || (list[i] as JsonObject)['id'] !== items[i]!.id) return undefined
  return list as JsonObject[]
}

/** A new channel as an author would write it: no `status` (active is the default). */
const newChannel = (channel: Channel): JsonObject => {
  const { status: _active, ...written } = channel
  return written
}

/** A new asset as an author would write it: no `acknowledged` (true is the default), `derivedFrom` when it has one. */
const newAsset = (asset: KnowledgeAsset): JsonObject => {
  const { acknowledged: _true, derivedFrom, ...written } = asset
  return derivedFrom === undefined ? written : { ...written, derivedFrom }
}

/**
 * The repaired model as the author's own document, changed only where the repairs change
 * it: each channel a repair brings back or adds to gets `status: "active"` and its new
 * `carries`, new channels and assets are appended, and a v1 document is marked v2 (all
 * it needs). Every other field stays as written, defaults unwritten, so the repairs are
 * the whole diff. `undefined` when the document does not line up with the model (never
 * for the text the model was read from): write `encodeModel(repaired)` then.
 * `repaired` must be `applyRepairs(model, …)`, which keeps the model's channels and
 * assets in place and appends the new ones. @internal
 */
export const repairedDocument = (text: string, model: Model, repaired: Model): unknown => {
  let document: unknown
  try {
    document = JSON.parse(withoutByteOrderMark(text))
  } catch {
    return undefined
  }
  if (!isObject(document)) return undefined
  const channels = itemsLike(document, 'channels', model.channels)
  const assets = itemsLike(document, 'assets', model.assets)
  if (channels === undefined || assets === undefined) return undefined
  for (let i = 0; i < channels.length; i++) {
    const before = model.channels[i]!
    const after = repaired.channels[i]!
    if (after === before) continue
    if (after.status !== before.status) channels[i]!['status'] = after.status
    if (after.carries.length !== before.carries.length) channels[i]!['carries'] = [...after.carries]
  }
  for (const channel of repaired.channels.slice(model.channels.length)) channels.push(newChannel(channel))
  for (const asset of repaired.assets.slice(model.assets.length)) assets.push(newAsset(asset))
  return document['schema'] === schemaVersion ? document : { ...document, schema: schemaVersion }
}
