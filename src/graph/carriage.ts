import type { AssetId } from '../model/primitives.js'
import { type CompiledGraph, channelReadingOf } from './compile.js'
import { forEachEdgeByChannel } from './edge-data.js'

/**
 * Where each knowledge asset travels: the one definition of what a channel carries,
 * read by traced loops, the diagnosis, the simulation and the diagrams alike.
 *
 * An asset travels only from an actor that has it (its holder, or an actor it has
 * reached) over an active channel that lists it in `carries`. A channel that lists an
 * asset its sender never has carries nothing of it; `carries: []` carries nothing.
 *
 * Assets are numbered in model order. For asset `a`, the actors that have it are
 * `reachActors[reachOffsets[a] .. reachOffsets[a+1]-1]`, its holder first, then in
 * breadth-first order; `reachHops` gives each one's distance in channels from the
 * holder and `reachEdge` the edge it was first reached by (`-1` for the holder). The
 * edges that carry `a` are `carrierEdges[carrierOffsets[a] .. carrierOffsets[a+1]-1]`,
 * with `carrierFrom`/`carrierTo` the positions of their ends within `a`'s reach list,
 * grouped by sender in reach-list order (`carrierFrom` never decreases; a sender's
 * edges in edge order), which is not edge order.
 * @category Graph
 */
export interface Carriage {
  readonly graph: CompiledGraph
  readonly assetCount: number
  /** Asset id → asset number (the first asset with an id). */
  readonly assetIndex: ReadonlyMap<AssetId, number>
  /** Actor index of each asset's holder in `graph`, `-1` when the holder is not an actor of it. */
  readonly holder: Int32Array
  readonly reachOffsets: Int32Array
  readonly reachActors: Int32Array
  readonly reachHops: Int32Array
  readonly reachEdge: Int32Array
  readonly carrierOffsets: Int32Array
  readonly carrierEdges: Int32Array
  readonly carrierFrom: Int32Array
  readonly carrierTo: Int32Array
}

/**
 * What each edge's channel lists, by edge: the compile's reading when it kept one (see
 * `compileGraphReading`), else read in model order of the channels.
 */
const carriedByEdge = (graph: CompiledGraph): ReadonlyArray<ReadonlyArray<AssetId>> => {
  const reading = channelReadingOf(graph)
  if (reading !== undefined) return reading.carried
  const carried = new Array<ReadonlyArray<AssetId>>(graph.edgeCount)
  forEachEdgeByChannel(graph, (e, channel) => {
    carried[e] = channel.carries
  })
  return carried
}

/**
 * Every (asset, edge) pair where the edge's channel lists the asset, grouped by asset
 * and, within it, by sender. A `carries` list that a sender's channels share (as builders
 * and generators make them) is looked up once for all of them. The arrays are plain ones,
 * not typed: they are thrown away as soon as the carriage is built, and typed arrays
 * count as memory outside the heap, every 64 MB of which makes V8 collect the whole heap
 * (hundreds of megabytes on a large model).
 */
const listedPairs = (graph: CompiledGraph, assetIndex: ReadonlyMap<AssetId, number>, assetCount: number) => {
  const carried = carriedByEdge(graph)
  const m = graph.edgeCount
  // The assets edge e lists are resolved[listStart[e] .. listEnd[e]-1].
  const listStart: number[] = new Array(m).fill(0)
  const listEnd: number[] = new Array(m).fill(0)
  const resolved: number[] = []
  const counts: number[] = new Array(assetCount + 1).fill(0)
  for (let v = 0; v < graph.actorCount; v++) {
    let last = -1
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const carries = carried[e]!
      if (carries.length === 0) continue
      if (last >= 0 && carries === carried[last]) {
        listStart[e] = listStart[last]!
        listEnd[e] = listEnd[last]!
        for (let i = listStart[e]!; i < listEnd[e]!; i++) counts[resolved[i]! + 1]!++
        continue
      }
      listStart[e] = resolved.length
      for (let i = 0; i < carries.length; i++) {
        const a = assetIndex.get(carries[i]!)
        if (a === undefined) continue
        resolved.push(a)
        counts[a + 1]!++
      }
      listEnd[e] = resolved.length
      last = e
    }
  }
  for (let a = 0; a < assetCount; a++) counts[a + 1]! += counts[a]!
  const edges: number[] = new Array(counts[assetCount]!).fill(0)
  const cursor = counts.slice(0, assetCount)
  // Edges are numbered by sender, so filling in edge order keeps each asset's list in sender order.
  for (let e = 0; e < m; e++) {
    for (let i = listStart[e]!; i < listEnd[e]!; i++) edges[cursor[resolved[i]!]!++] = e
  }
  return { offsets: counts, edges }
}

/** First position in `edges[lo..hi)` whose sender is at least `v` (edges sorted by sender). */
const firstFrom = (graph: CompiledGraph, edges: ReadonlyArray<number>, lo: number, hi: number, v: number): number => {
  const start = graph.offsets[v]!
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (edges[mid]! < start) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Work out where every asset of `graph.model` travels over `graph`'s channels (compile
 * with the default scope: every actor, active channels only). Each asset is a
 * breadth-first search over the channels that list it, finding a sender's channels by
 * binary search. O(L log L + Σ reach) time and memory, where L is the number of
 * (channel, listed asset) pairs.
 * @category Graph
 */
export const compileCarriage = (graph: CompiledGraph): Carriage => {
  const assets = graph.model.assets
  // Set from the last asset to the first, so the first asset with an id wins in one operation each.
  const assetIndex = new Map<AssetId, number>()
  for (let a = assets.length - 1; a >= 0; a--) assetIndex.set(assets[a]!.id, a)
  const assetCount = assets.length
  const holder = new Int32Array(assetCount)
  for (let a = 0; a < assetCount; a++) holder[a] = graph.indexOf.get(assets[a]!.holder) ?? -1
  const listed = listedPairs(graph, assetIndex, assetCount)

  // An asset reaches its holder and at most one actor per channel that lists it.
  let bound = 0
  for (let a = 0; a < assetCount; a++) {
    if (holder[a]! >= 0) bound += Math.min(graph.actorCount, 1 + listed.offsets[a + 1]! - listed.offsets[a]!)
  }
  const reachOffsets = new Int32Array(assetCount + 1)
  const carrierOffsets = new Int32Array(assetCount + 1)
  const reachActors = new Int32Array(bound)
  const reachHops = new Int32Array(bound)
  const reachEdge = new Int32Array(bound)
  const carrierEdges = new Int32Array(listed.edges.length)
  const carrierFrom = new Int32Array(listed.edges.length)
  const carrierTo = new Int32Array(listed.edges.length)
  // Position of an actor in the current asset's reach list, valid where `stamp` is the asset's.
  const position = new Int32Array(graph.actorCount)
  const stamp = new Int32Array(graph.actorCount).fill(-1)
  let size = 0
  let carried = 0
  for (let a = 0; a < assetCount; a++) {
    const start = size
    const h = holder[a]!
    if (h >= 0) {
      stamp[h] = a
      position[h] = 0
      reachActors[size] = h
      reachHops[size] = 0
      reachEdge[size++] = -1
      const lo = listed.offsets[a]!
      const hi = listed.offsets[a + 1]!
      for (let head = start; head < size; head++) {
        const v = reachActors[head]!
        const end = graph.offsets[v + 1]!
        for (let i = firstFrom(graph, listed.edges, lo, hi, v); i < hi; i++) {
          const e = listed.edges[i]!
          if (e >= end) break
          const w = graph.targets[e]!
          if (stamp[w] !== a) {
            stamp[w] = a
            position[w] = size - start
            reachActors[size] = w
            reachHops[size] = reachHops[head]! + 1
            reachEdge[size++] = e
          }
          carrierEdges[carried] = e
          carrierFrom[carried] = head - start
          carrierTo[carried++] = position[w]!
        }
      }
    }
    reachOffsets[a + 1] = size
    carrierOffsets[a + 1] = carried
  }
  return {
    graph,
    assetCount,
    assetIndex,
    holder,
    reachOffsets,
    reachActors: reachActors.subarray(0, size),
    reachHops: reachHops.subarray(0, size),
    reachEdge: reachEdge.subarray(0, size),
    carrierOffsets,
    carrierEdges: carrierEdges.subarray(0, carried),
    carrierFrom: carrierFrom.subarray(0, carried),
    carrierTo: carrierTo.subarray(0, carried),
  }
}

/**
 * The first entry of asset `a`'s carrier list whose sender is the actor at `position` in
 * `a`'s reach list: the carriers from that actor are the entries from here while
 * `carrierFrom` stays `position`. A carrier list is grouped by sender in reach-list
 * order (a sender's channels in edge order), not in edge order, so this searches
 * `carrierFrom`. O(log carriers).
 * @internal
 */
export const firstCarrierAt = (carriage: Carriage, a: number, position: number): number => {
  let lo = carriage.carrierOffsets[a]!
  let hi = carriage.carrierOffsets[a + 1]!
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (carriage.carrierFrom[mid]! < position) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Position of actor `v` in asset `a`'s reach list, or `-1` when `a` never reaches `v`.
 * O(reach of a).
 * @category Graph
 */
export const reachPosition = (carriage: Carriage, a: number, v: number): number => {
  const start = carriage.reachOffsets[a]!
  const end = carriage.reachOffsets[a + 1]!
  for (let i = start; i < end; i++) if (carriage.reachActors[i] === v) return i - start
  return -1
}
