import type { AssetId } from '../model/primitives.js'
import { type Carriage, firstCarrierFrom } from './carriage.js'
import { edgeTimingOf } from './edge-data.js'
import { IndexHeap } from './heap.js'
import type { Provenance } from './provenance.js'
import type { TracedStep } from './trace-types.js'

/**
 * Fastest routes of knowledge through a carriage. A state is (actor, asset): an actor
 * that has the asset, numbered by the asset's reach list (`reachOffsets[a] + position`).
 * Knowledge moves along a channel that carries the asset (the channel's latency), or
 * becomes an asset made from it at that asset's holder (no delay). Scratch arrays are
 * shared by every search, reset by stamps, so one route costs only what it visits.
 * @internal
 */
export interface RouteFinder {
  /**
   * Dijkstra from the source's holder, over the assets stamped with `trace` in `member`.
   * Stops at the first state for which `isTarget` holds and returns it, or `-1` when no
   * target is reachable. Adds the work done to `work.count`.
   */
  search(source: number, trace: number, member: Int32Array, isTarget: (state: number) => boolean, work: { count: number }): number
  /** The asset of a state. */
  assetOf(state: number): number
  /** Shortest distance (days) of a state found by the last search. */
  distance(state: number): number
  /** The channel moves from the source to `state`, and the product of their reliabilities. */
  route(state: number): { readonly steps: ReadonlyArray<TracedStep>; readonly reliability: number }
}

/** @internal */
export const createRouteFinder = (carriage: Carriage, provenance: Provenance): RouteFinder => {
  const { graph, reachOffsets, reachActors } = carriage
  const { latencyDays, reliability } = edgeTimingOf(graph)
  const states = reachActors.length
  const stateAsset = new Int32Array(states)
  for (let a = 0; a < carriage.assetCount; a++) stateAsset.fill(a, reachOffsets[a]!, reachOffsets[a + 1]!)
  const dist = new Float64Array(states)
  const seen = new Int32Array(states).fill(-1)
  const done = new Int32Array(states).fill(-1)
  const previous = new Int32Array(states)
  const viaEdge = new Int32Array(states)
  const heap = new IndexHeap(64)
  let searchNumber = 0
  // One frozen one-asset `carries` list per asset, shared by every step that carries it.
  const carried: Array<ReadonlyArray<AssetId> | undefined> = new Array(carriage.assetCount)
  const carriesOf = (a: number): ReadonlyArray<AssetId> => (carried[a] ??= Object.freeze([graph.model.assets[a]!.id]))

  const relax = (state: number, distance: number, from: number, edge: number): void => {
    if (seen[state] === searchNumber && dist[state]! <= distance) return
    seen[state] = searchNumber
    dist[state] = distance
    previous[state] = from
    viaEdge[state] = edge
    heap.push(state, distance)
  }

  return {
    search(source, trace, member, isTarget, work) {
      searchNumber++
      heap.clear()
      relax(reachOffsets[source]!, 0, -1, -1)
      while (heap.size > 0) {
        const key = heap.peekKey()
        const state = heap.pop()
        if (done[state] === searchNumber || dist[state]! < key) continue
        done[state] = searchNumber
        work.count++
        if (isTarget(state)) return state
        const a = stateAsset[state]!
        const position = state - reachOffsets[a]!
        const v = reachActors[state]!
        // Channels from v that carry a: entries of a's carrier list are in edge order, so v's are contiguous.
        const end = graph.offsets[v + 1]!
        for (let i = firstCarrierFrom(carriage, a, v); i < carriage.carrierOffsets[a + 1]!; i++) {
          const e = carriage.carrierEdges[i]!
          if (e >= end) break
          work.count++
          relax(reachOffsets[a]! + carriage.carrierTo[i]!, key + latencyDays[e]!, state, e)
        }
        for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
          const c = provenance.children[i]!
          if (provenance.childAt[i] !== position || member[c] !== trace) continue
          work.count++
          relax(reachOffsets[c]!, key, state, -1)
        }
      }
      return -1
    },
    assetOf: (state) => stateAsset[state]!,
    distance: (state) => dist[state]!,
    route(state) {
      const steps: TracedStep[] = []
      let chance = 1
      for (let s = state; previous[s]! >= 0; s = previous[s]!) {
        const e = viaEdge[s]!
        if (e < 0) continue
        const channel = graph.model.channels[graph.edgeChannel[e]!]!
        chance *= reliability[e]!
        steps.push({ from: channel.from, to: channel.to, channel: channel.id, carries: carriesOf(stateAsset[s]!) })
      }
      steps.reverse()
      return { steps, reliability: chance }
    },
  }
}
