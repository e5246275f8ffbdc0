import type { Channel } from '../model/codecs.js'
import type { AssetId } from '../model/primitives.js'
import { type AssetKind, type Level, assetKinds, levels } from '../model/vocabulary.js'
import type { CompiledGraph } from './compile.js'

/**
 * Bit `1 << rank` of a level (rank in `levels`), as in {@link EdgeAttributes.flags} and a
 * traced loop's route levels; by comparison rather than hashing: it runs once per edge of
 * graphs with millions. @internal
 */
export const levelBit = (level: Level): number => (level === levels[0] ? 1 : level === levels[1] ? 2 : 4)

/**
 * Bit of {@link EdgeAttributes.flags} set when the edge's channel is `active`.
 * @category Graph
 */
export const activeFlag = 8

/** The flags of a channel's edge: its level's bit, and {@link activeFlag} when active. */
const flagOf = (channel: Channel): number => levelBit(channel.level) | (channel.status === 'active' ? activeFlag : 0)

/**
 * The bit of an asset kind in {@link EdgeAttributes.carriedKinds}: `1 << i` for kind
 * `assetKinds[i]` (the codec's order, see `assetKinds` in the model vocabulary).
 * @category Graph
 */
export const assetKindBit = (kind: AssetKind): number => 1 << assetKinds.indexOf(kind)

/**
 * Per-edge figures of a compiled graph, read once from its channels into typed arrays
 * so that algorithms never touch channel objects in their inner loops.
 * @category Graph
 */
export interface EdgeAttributes {
  /** Bit `1 << rank` of the channel's level (rank in `levels`), plus `activeFlag` when active. */
  readonly flags: Uint8Array
  /** `latencyDays`, absent as 0. */
  readonly latencyDays: Float64Array
  /** `reliability`, absent as 1. */
  readonly reliability: Float64Array
  /** `1` for `+`, `-1` for `-`, `0` when absent. */
  readonly polarity: Int8Array
  /** Bit per kind of the carried assets that exist (see {@link assetKindBit}). */
  readonly carriedKinds: Uint16Array
}

const flagCache = new WeakMap<CompiledGraph, Uint8Array>()
const edgeByChannelCache = new WeakMap<CompiledGraph, Int32Array>()

/**
 * Visit every edge of a graph with its channel, in model order of the channels rather than
 * edge order: reads in memory order, where edge order misses the cache on each of a million
 * channel objects. The channel-to-edge table is built once per graph. O(channels).
 * @internal
 */
export const forEachEdgeByChannel = (graph: CompiledGraph, visit: (e: number, channel: Channel) => void): void => {
  let byChannel = edgeByChannelCache.get(graph)
  if (byChannel === undefined) {
    byChannel = new Int32Array(graph.model.channels.length).fill(-1)
    for (let e = 0; e < graph.edgeCount; e++) byChannel[graph.edgeChannel[e]!] = e
    edgeByChannelCache.set(graph, byChannel)
  }
  const channels = graph.model.channels
  for (let c = 0; c < channels.length; c++) if (byChannel[c]! >= 0) visit(byChannel[c]!, channels[c]!)
}
const timingCache = new WeakMap<CompiledGraph, EdgeTiming>()

/**
 * The latency and reliability of every edge (absent latency as 0, absent reliability as
 * 1), cached per compiled graph: what routes need, without resolving carried assets.
 * O(E) once.
 * @category Graph
 */
export interface EdgeTiming {
  readonly latencyDays: Float64Array
  readonly reliability: Float64Array
}

/** @category Graph */
export const edgeTimingOf = (graph: CompiledGraph): EdgeTiming => {
  const known = timingCache.get(graph)
  if (known !== undefined) return known
  const latencyDays = new Float64Array(graph.edgeCount)
  const reliability = new Float64Array(graph.edgeCount)
  // The flags too, while each channel is at hand, when nothing has asked for them yet:
  // whoever times routes reads levels as well, and a second pass misses the cache again.
  const flags = flagCache.has(graph) ? undefined : new Uint8Array(graph.edgeCount)
  forEachEdgeByChannel(graph, (e, channel) => {
    latencyDays[e] = channel.latencyDays ?? 0
    reliability[e] = channel.reliability ?? 1
    if (flags !== undefined) flags[e] = flagOf(channel)
  })
  if (flags !== undefined) flagCache.set(graph, flags)
  const timing = { latencyDays, reliability }
  timingCache.set(graph, timing)
  return timing
}
const attributeCache = new WeakMap<CompiledGraph, EdgeAttributes>()

/**
 * The level-and-status flags of every edge (see {@link EdgeAttributes.flags}), computed
 * on first use and cached per compiled graph. O(E) once.
 * @category Graph
 */
export const edgeFlagsOf = (graph: CompiledGraph): Uint8Array => {
  const known = flagCache.get(graph)
  if (known !== undefined) return known
  const flags = new Uint8Array(graph.edgeCount)
  forEachEdgeByChannel(graph, (e, channel) => {
    flags[e] = flagOf(channel)
  })
  flagCache.set(graph, flags)
  return flags
}

/**
 * The mask an edge's flags must contain to count for loops, paths and repairs: active,
 * and at `level` when one is given.
 * @category Graph
 */
export const loopFlagMask = (level: Level | undefined): number =>
  activeFlag | (level === undefined ? 0 : levelBit(level))

/**
 * Whether every edge of the graph already counts for loop analysis at `level` (its scope
 * keeps only active channels, at that level when one is given), so no edge needs a test.
 * @category Graph
 */
export const scopeKeepsOnlyLoopChannels = (graph: CompiledGraph, level: Level | undefined): boolean =>
  graph.scope.includeInactive !== true && (level === undefined || graph.scope.level === level)

/**
 * The {@link EdgeAttributes} of a compiled graph, computed on first use and cached per
 * graph (a `WeakMap`, so they go when the graph goes). Carried asset ids are resolved
 * to kinds through the model's assets (the first asset with an id wins; unknown ids are
 * ignored). O(E + A + carried ids) once.
 * @category Graph
 */
export const edgeAttributesOf = (graph: CompiledGraph): EdgeAttributes => {
  const known = attributeCache.get(graph)
  if (known !== undefined) return known
  const kindBit = new Map<AssetId, number>()
  for (const asset of graph.model.assets) if (!kindBit.has(asset.id)) kindBit.set(asset.id, assetKindBit(asset.kind))
  const { latencyDays, reliability } = edgeTimingOf(graph)
  const polarity = new Int8Array(graph.edgeCount)
  const carriedKinds = new Uint16Array(graph.edgeCount)
  forEachEdgeByChannel(graph, (e, channel) => {
    polarity[e] = channel.polarity === '+' ? 1 : channel.polarity === '-' ? -1 : 0
    let bits = 0
    for (const id of channel.carries) bits |= kindBit.get(id) ?? 0
    carriedKinds[e] = bits
  })
  const attributes = { flags: edgeFlagsOf(graph), latencyDays, reliability, polarity, carriedKinds }
  attributeCache.set(graph, attributes)
  return attributes
}
