import type { AssetId } from '../model/primitives.js'
import { type Carriage, firstCarrierAt } from './carriage.js'
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
  /** The asset of a state the last search reached. */
  assetOf(state: number): number
  /** Shortest distance (days) of a state found by the last search. */
  distance(state: number): number
  /** The channel moves from the source to `state`, and the product of their reliabilities. */
  route(state: number): { readonly steps: ReadonlyArray<TracedStep>; readonly reliability: number }
}

/** A growable per-search table: the states one search reaches, numbered from 0 (slots). */
class Slots {
  count = 0
  state = new Int32Array(64)
  asset = new Int32Array(64)
  previous = new Int32Array(64)
  viaEdge = new Int32Array(64)
  done = new Uint8Array(64)
  dist = new Float64Array(64)

  add(state: number, asset: number): number {
    if (this.count === this.state.length) this.grow()
    const slot = this.count++
    this.state[slot] = state
    this.asset[slot] = asset
    this.done[slot] = 0
    return slot
  }

  private grow(): void {
    const size = this.state.length * 2
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T => (to.set(from), to)
    this.state = widen(this.state, new Int32Array(size))
    this.asset = widen(this.asset, new Int32Array(size))
    this.previous = widen(this.previous, new Int32Array(size))
    this.viaEdge = widen(this.viaEdge, new Int32Array(size))
    this.done = widen(this.done, new Uint8Array(size))
    this.dist = widen(this.dist, new Float64Array(size))
  }
}

/**
 * Memory: two integers per state of the carriage (which slot a state has in the current
 * search, and which search numbered it); everything else is per slot, sized by the
 * largest trace. On a large model every array the size of the carriage costs a garbage
 * collection of the whole heap, so there are as few as that.
 * @internal
 */
export const createRouteFinder = (carriage: Carriage, provenance: Provenance): RouteFinder => {
  const { graph, reachOffsets, reachActors } = carriage
  const { latencyDays, reliability } = edgeTimingOf(graph)
  const states = reachActors.length
  const slotOf = new Int32Array(states)
  const slotSearch = new Int32Array(states).fill(-1)
  const slots = new Slots()
  const heap = new IndexHeap(64)
  let searchNumber = 0
  // One frozen one-asset `carries` list per asset, shared by every step that carries it.
  const carried: Array<ReadonlyArray<AssetId> | undefined> = new Array(carriage.assetCount)
  const carriesOf = (a: number): ReadonlyArray<AssetId> => (carried[a] ??= Object.freeze([graph.model.assets[a]!.id]))

  const relax = (state: number, asset: number, distance: number, from: number, edge: number): void => {
    let slot: number
    if (slotSearch[state] === searchNumber) {
      slot = slotOf[state]!
      if (slots.dist[slot]! <= distance) return
    } else {
      slotSearch[state] = searchNumber
      slot = slotOf[state] = slots.add(state, asset)
    }
    slots.dist[slot] = distance
    slots.previous[slot] = from
    slots.viaEdge[slot] = edge
    heap.push(slot, distance)
  }

  return {
    search(source, trace, member, isTarget, work) {
      searchNumber++
      slots.count = 0
      heap.clear()
      relax(reachOffsets[source]!, source, 0, -1, -1)
      while (heap.size > 0) {
        const key = heap.peekKey()
        const slot = heap.pop()
        if (slots.done[slot] === 1 || slots.dist[slot]! < key) continue
        slots.done[slot] = 1
        work.count++
        const state = slots.state[slot]!
        if (isTarget(state)) return state
        const a = slots.asset[slot]!
        const position = state - reachOffsets[a]!
        // Channels from this actor that carry a: a's carrier list is grouped by sender, in reach-list order.
        for (let i = firstCarrierAt(carriage, a, position); i < carriage.carrierOffsets[a + 1]!; i++) {
          if (carriage.carrierFrom[i] !== position) break
          const e = carriage.carrierEdges[i]!
          work.count++
          relax(reachOffsets[a]! + carriage.carrierTo[i]!, a, key + latencyDays[e]!, slot, e)
        }
        for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
          const c = provenance.children[i]!
          if (provenance.childAt[i] !== position || member[c] !== trace) continue
          work.count++
          relax(reachOffsets[c]!, c, key, slot, -1)
        }
      }
      return -1
    },
    assetOf: (state) => slots.asset[slotOf[state]!]!,
    distance: (state) => slots.dist[slotOf[state]!]!,
    route(state) {
      const steps: TracedStep[] = []
      let chance = 1
      for (let slot = slotOf[state]!; slots.previous[slot]! >= 0; slot = slots.previous[slot]!) {
        const e = slots.viaEdge[slot]!
        if (e < 0) continue
        const channel = graph.model.channels[graph.edgeChannel[e]!]!
        chance *= reliability[e]!
        steps.push({ from: channel.from, to: channel.to, channel: channel.id, carries: carriesOf(slots.asset[slot]!) })
      }
      steps.reverse()
      return { steps, reliability: chance }
    },
  }
}
