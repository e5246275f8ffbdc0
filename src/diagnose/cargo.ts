import type { Model } from '../model/codecs.js'
import type { AssetId, ChannelId } from '../model/primitives.js'
import { maskOf } from './flow.js'

/**
 * What a model's channels carry (and which have no polarity), each figure read from the
 * channel objects on first use and kept, so that asset flows and the rules never scan
 * them again and a diagnosis pays only for the figures its rules ask for.
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

const positionsOf = (model: Model): Map<AssetId, number> => {
  const positionOf = new Map<AssetId, number>()
  for (let k = 0; k < model.assets.length; k++) positionOf.set(model.assets[k]!.id, k)
  return positionOf
}

const kindsOfChannels = (model: Model, positionOf: ReadonlyMap<AssetId, number>): Uint16Array => {
  const kindBit = Uint16Array.from(model.assets, (asset) => maskOf(asset.kind))
  const kinds = new Uint16Array(model.channels.length)
  for (let c = 0; c < model.channels.length; c++) {
    let mask = 0
    for (const id of model.channels[c]!.carries) {
      const k = positionOf.get(id)
      if (k !== undefined) mask |= kindBit[k]!
    }
    kinds[c] = mask
  }
  return kinds
}

const carriedByActiveOf = (model: Model, positionOf: ReadonlyMap<AssetId, number>): Uint8Array => {
  const carriedId = new Uint8Array(model.assets.length)
  for (const channel of model.channels) {
    if (channel.status !== 'active') continue
    for (const id of channel.carries) {
      const k = positionOf.get(id)
      if (k !== undefined) carriedId[k] = 1
    }
  }
  // An asset whose id a later asset repeats counts as carried when that one is.
  return Uint8Array.from(model.assets, (asset) => carriedId[positionOf.get(asset.id)!]!)
}

const idleChannelsOf = (model: Model): Map<AssetId, ChannelId[]> => {
  const idle = new Map<AssetId, ChannelId[]>()
  for (const channel of model.channels) {
    if (channel.status === 'active') continue
    for (const id of channel.carries) {
      const list = idle.get(id)
      if (list === undefined) idle.set(id, [channel.id])
      else list.push(channel.id)
    }
  }
  return idle
}

const unsignedChannelsOf = (model: Model): Set<ChannelId> => {
  const unsigned = new Set<ChannelId>()
  for (const channel of model.channels) if (channel.polarity === undefined) unsigned.add(channel.id)
  return unsigned
}

/**
 * What a model's channels carry, each figure read on first use. An asset id names the
 * last asset with that id (a valid model has one); ids of no asset add no kind.
 * O(channels × carried + assets) per figure, once. `positions` may return an asset index
 * already built (id → position of the last asset with the id), or `undefined` for none.
 * @category Diagnosis
 */
export const readChannelCargo = (model: Model, positions?: () => ReadonlyMap<AssetId, number> | undefined): ChannelCargo => {
  const cache: Partial<{ -readonly [K in keyof ChannelCargo]: ChannelCargo[K] }> = {}
  const positionOf = (): ReadonlyMap<AssetId, number> => (cache.positionOf ??= positions?.() ?? positionsOf(model))
  return {
    get positionOf() {
      return positionOf()
    },
    get kindsOfChannel() {
      return (cache.kindsOfChannel ??= kindsOfChannels(model, positionOf()))
    },
    get carriedByActive() {
      return (cache.carriedByActive ??= carriedByActiveOf(model, positionOf()))
    },
    get idleChannels() {
      return (cache.idleChannels ??= idleChannelsOf(model))
    },
    get unsignedChannels() {
      return (cache.unsignedChannels ??= unsignedChannelsOf(model))
    },
  }
}
