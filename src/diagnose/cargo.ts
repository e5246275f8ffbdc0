import type { Model } from '../model/codecs.js'
import type { AssetId, ChannelId } from '../model/primitives.js'
import { maskOf } from './flow.js'

/**
 * What a model's channels carry (and which have no polarity), read from the channel
 * objects in one pass, so that asset flows and the rules never scan them again.
 * @category Diagnosis
 */
export interface ChannelCargo {
  /** For each channel (by model position), the kinds of the known assets it carries. */
  readonly kindsOfChannel: Uint16Array
  /** For each asset (by model position), `1` when an active channel carries its id. */
  readonly carriedByActive: Uint8Array
  /** Asset id → the ids of the channels that are not active and carry it, in model order. */
  readonly idleChannels: ReadonlyMap<AssetId, ReadonlyArray<ChannelId>>
  /** Asset id → model position of the last asset with that id. */
  readonly positionOf: ReadonlyMap<AssetId, number>
  /** Ids of the channels with no `polarity`. */
  readonly unsignedChannels: ReadonlySet<ChannelId>
}

/**
 * Read every channel's `carries` once. An asset id names the last asset with that id (a
 * valid model has one); ids of no asset add no kind. O(channels × carried + assets).
 * @category Diagnosis
 */
export const readChannelCargo = (model: Model): ChannelCargo => {
  const { assets, channels } = model
  const positionOf = new Map<AssetId, number>()
  const kindBit = new Uint16Array(assets.length)
  for (let k = 0; k < assets.length; k++) {
    positionOf.set(assets[k]!.id, k)
    kindBit[k] = maskOf(assets[k]!.kind)
  }
  const kindsOfChannel = new Uint16Array(channels.length)
  const carriedId = new Uint8Array(assets.length)
  const idleChannels = new Map<AssetId, ChannelId[]>()
  const unsignedChannels = new Set<ChannelId>()
  for (let c = 0; c < channels.length; c++) {
    const channel = channels[c]!
    if (channel.polarity === undefined) unsignedChannels.add(channel.id)
    const carries = channel.carries
    if (carries.length === 0) continue
    const active = channel.status === 'active'
    let mask = 0
    for (let i = 0; i < carries.length; i++) {
      const id = carries[i]!
      const k = positionOf.get(id)
      if (k !== undefined) {
        mask |= kindBit[k]!
        if (active) carriedId[k] = 1
      }
      if (!active) {
        const list = idleChannels.get(id)
        if (list === undefined) idleChannels.set(id, [channel.id])
        else list.push(channel.id)
      }
    }
    kindsOfChannel[c] = mask
  }
  const carriedByActive = new Uint8Array(assets.length)
  for (let k = 0; k < assets.length; k++) carriedByActive[k] = carriedId[positionOf.get(assets[k]!.id)!]!
  return { kindsOfChannel, carriedByActive, idleChannels, positionOf, unsignedChannels }
}
