import type { AssetId } from '../model/primitives.js'
import type { Carriage } from './carriage.js'
import { assetKindBit } from './edge-data.js'

/*
 * What each channel actually carries, read off a carriage: for the diagrams, which
 * label channels with their cargo, and for calibration, which reads lanes by kind.
 */

/**
 * The ids of the assets each active channel actually carries (listed, and had by its
 * sender), by channel id; a channel that carries nothing is absent. O(carried pairs).
 * @category Graph
 */
export const carriedAssetsByChannel = (carriage: Carriage): ReadonlyMap<string, ReadonlyArray<AssetId>> => {
  const { graph } = carriage
  const byChannel = new Map<string, AssetId[]>()
  for (let a = 0; a < carriage.assetCount; a++) {
    const id = graph.model.assets[a]!.id
    for (let i = carriage.carrierOffsets[a]!; i < carriage.carrierOffsets[a + 1]!; i++) {
      const channel = graph.model.channels[graph.edgeChannel[carriage.carrierEdges[i]!]!]!.id
      const list = byChannel.get(channel)
      if (list === undefined) byChannel.set(channel, [id])
      else if (list[list.length - 1] !== id) list.push(id)
    }
  }
  return byChannel
}

/**
 * For each edge of the carriage's graph, the kind bits (`assetKindBit`) of the assets its
 * channel actually carries: listed, and had by its sender. The simulation's lanes read
 * this, so it and the diagnosis agree on what travels. O(carried pairs).
 * @category Graph
 */
export const carriedKindsByEdge = (carriage: Carriage): Uint16Array => {
  const kinds = new Uint16Array(carriage.graph.edgeCount)
  const assets = carriage.graph.model.assets
  for (let a = 0; a < carriage.assetCount; a++) {
    const bit = assetKindBit(assets[a]!.kind)
    for (let i = carriage.carrierOffsets[a]!; i < carriage.carrierOffsets[a + 1]!; i++) kinds[carriage.carrierEdges[i]!]! |= bit
  }
  return kinds
}
