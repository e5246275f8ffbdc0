import type { AssetId } from '../model/primitives.js'
import type { AssetKind } from '../model/vocabulary.js'
import { type Carriage, firstCarrierAt } from './carriage.js'
import { edgeTimingOf, levelBit } from './edge-data.js'
import { IndexHeap } from './heap.js'
import type { Provenance } from './provenance.js'
import type { TracedStep } from './trace-types.js'

/**
 * Fastest routes of knowledge through a carriage. A state is (actor, asset): an actor
 * that has the asset, numbered by the asset's reach list (`reachOffsets[a] + position`).
 * A search node is a state, how far the route to it has gone (0 heard, 1 a decision,
 * plan or strategy made on the way, 2 a change or experiment) and whether it has passed
 * something made by an actor other than the source's holder ({@link nodeOf}), so a
 * route can be asked to have gone that far: a loop that closes with `did` is timed by
 * a route that passes the change, and a reply the holder writes itself counts only when
 * made from what someone else made of the source. Knowledge moves along a channel that
 * carries the asset (the channel's latency), or becomes an asset made from it at that
 * asset's holder (no delay). Scratch arrays are shared by every search, reset by
 * stamps, so one route costs only what it visits.
 * @internal
 */
export interface RouteFinder {
  /**
   * Dijkstra from the source's holder, over the assets stamped with `trace` in `member`.
   * Stops at the first node for which `isTarget` holds and returns it, or `-1` when no
   * target is reachable. Adds the work done to `work.count`. Edges `e` with
   * `blocked[e] === 1`, when given, are not taken.
   */
  search(source: number, trace: number, member: Int32Array, isTarget: (node: number) => boolean, work: { count: number }, blocked?: Uint8Array): number
  /** The asset of a node the last search reached. */
  assetOf(node: number): number
  /** Shortest distance (days) of a node found by the last search. */
  distance(node: number): number
  /**
   * The channel moves from the source to `node`, the product of their reliabilities, and
   * the levels of their channels as a mask (bit `i` for `levels[i]`).
   */
  route(node: number): { readonly steps: ReadonlyArray<TracedStep>; readonly reliability: number; readonly levelMask: number }
  /** The edges of the route from the source to `node`, in route order (an edge once for each asset it carries on the route). */
  routeEdges(node: number): number[]
}

/** The search node of a state, how far the route has gone (0–2) and whether it has passed something another actor made (0 or 1). @internal */
export const nodeOf = (state: number, level: number, away: number): number => state * 6 + level * 2 + away
/** The state of a search node. @internal */
export const stateOfNode = (node: number): number => (node / 6) | 0
/** How far the route to a search node has gone: 0 heard, 1 decided, 2 did. @internal */
export const levelOfNode = (node: number): number => ((node % 6) / 2) | 0
/** `1` when the route to a search node has passed something made by an actor other than the source's holder. @internal */
export const awayOfNode = (node: number): number => node % 2

/** How far a route has gone once it reaches an asset of this kind: 2 a change or experiment, 1 a decision, plan or strategy, else 0. @internal */
export const routeLevelOf = (kind: AssetKind): number =>
  kind === 'change' || kind === 'experiment' ? 2 : kind === 'decision' || kind === 'plan' || kind === 'strategy' ? 1 : 0

/** A growable per-search table: the nodes one search reaches, numbered from 0 (slots). */
class Slots {
  count = 0
  state = new Int32Array(64)
  /** The slot of another node of the same state (another level), or -1. */
  next = new Int32Array(64)
  asset = new Int32Array(64)
  previous = new Int32Array(64)
  viaEdge = new Int32Array(64)
  done = new Uint8Array(64)
  dist = new Float64Array(64)

  add(node: number, asset: number, next: number): number {
    if (this.count === this.state.length) this.grow()
    const slot = this.count++
    this.state[slot] = node
    this.next[slot] = next
    this.asset[slot] = asset
    this.done[slot] = 0
    return slot
  }

  private grow(): void {
    const size = this.state.length * 2
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T => (to.set(from), to)
    this.state = widen(this.state, new Int32Array(size))
    this.next = widen(this.next, new Int32Array(size))
    this.asset = widen(this.asset, new Int32Array(size))
    this.previous = widen(this.previous, new Int32Array(size))
    this.viaEdge = widen(this.viaEdge, new Int32Array(size))
    this.done = widen(this.done, new Uint8Array(size))
    this.dist = widen(this.dist, new Float64Array(size))
  }
}

/**
 * Memory: two integers per state of the carriage (the slot of its first node in the
 * current search, and which search numbered it; a state's nodes at other levels are
 * chained from it); everything else is per slot, sized by the largest trace. On a large model every array the size of the carriage costs a garbage
 * collection of the whole heap, so there are as few as that.
 * @internal
 */
export const createRouteFinder = (carriage: Carriage, provenance: Provenance): RouteFinder => {
  const { graph, reachOffsets, reachActors } = carriage
  const { latencyDays, reliability } = edgeTimingOf(graph)
  const states = reachActors.length
  const slotOf = new Int32Array(states)
  const slotSearch = new Int32Array(states).fill(-1)
  const levelOf = new Int8Array(carriage.assetCount)
  for (let a = 0; a < carriage.assetCount; a++) levelOf[a] = routeLevelOf(graph.model.assets[a]!.kind)
  const slots = new Slots()
  const heap = new IndexHeap(64)
  let searchNumber = 0
  // One frozen one-asset `carries` list per asset, shared by every step that carries it.
  const carried: Array<ReadonlyArray<AssetId> | undefined> = new Array(carriage.assetCount)
  const carriesOf = (a: number): ReadonlyArray<AssetId> => (carried[a] ??= Object.freeze([graph.model.assets[a]!.id]))

  /** The slot of a node in the current search, or -1. */
  const slotOfNode = (node: number): number => {
    const state = stateOfNode(node)
    if (slotSearch[state] !== searchNumber) return -1
    let slot = slotOf[state]!
    while (slot >= 0 && slots.state[slot] !== node) slot = slots.next[slot]!
    return slot
  }

  const relax = (node: number, asset: number, distance: number, from: number, edge: number): void => {
    let slot = slotOfNode(node)
    if (slot >= 0) {
      if (slots.dist[slot]! <= distance) return
    } else {
      const state = stateOfNode(node)
      const first = slotSearch[state] === searchNumber ? slotOf[state]! : -1
      slotSearch[state] = searchNumber
      slot = slotOf[state] = slots.add(node, asset, first)
    }
    slots.dist[slot] = distance
    slots.previous[slot] = from
    slots.viaEdge[slot] = edge
    heap.push(slot, distance)
  }

  return {
    search(source, trace, member, isTarget, work, blocked) {
      searchNumber++
      slots.count = 0
      heap.clear()
      const holder = carriage.holder[source]!
      relax(nodeOf(reachOffsets[source]!, levelOf[source]!, 0), source, 0, -1, -1)
      while (heap.size > 0) {
        const key = heap.peekKey()
        const slot = heap.pop()
        if (slots.done[slot] === 1 || slots.dist[slot]! < key) continue
        slots.done[slot] = 1
        work.count++
        const node = slots.state[slot]!
        if (isTarget(node)) return node
        const level = levelOfNode(node)
        const away = awayOfNode(node)
        const a = slots.asset[slot]!
        const position = stateOfNode(node) - reachOffsets[a]!
        // Channels from this actor that carry a: a's carrier list is grouped by sender, in reach-list order.
        for (let i = firstCarrierAt(carriage, a, position); i < carriage.carrierOffsets[a + 1]!; i++) {
          if (carriage.carrierFrom[i] !== position) break
          const e = carriage.carrierEdges[i]!
          work.count++
          if (blocked !== undefined && blocked[e] === 1) continue
          relax(nodeOf(reachOffsets[a]! + carriage.carrierTo[i]!, level, away), a, key + latencyDays[e]!, slot, e)
        }
        for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
          const c = provenance.children[i]!
          if (provenance.childAt[i] !== position || member[c] !== trace) continue
          work.count++
          relax(nodeOf(reachOffsets[c]!, Math.max(level, levelOf[c]!), away | (carriage.holder[c] !== holder ? 1 : 0)), c, key, slot, -1)
        }
      }
      return -1
    },
    assetOf: (node) => slots.asset[slotOfNode(node)]!,
    distance: (node) => slots.dist[slotOfNode(node)]!,
    route(node) {
      const steps: TracedStep[] = []
      let chance = 1
      let levelMask = 0
      for (let slot = slotOfNode(node); slots.previous[slot]! >= 0; slot = slots.previous[slot]!) {
        const e = slots.viaEdge[slot]!
        if (e < 0) continue
        const channel = graph.model.channels[graph.edgeChannel[e]!]!
        chance *= reliability[e]!
        levelMask |= levelBit(channel.level)
        steps.push({ from: channel.from, to: channel.to, channel: channel.id, carries: carriesOf(slots.asset[slot]!) })
      }
      steps.reverse()
      return { steps, reliability: chance, levelMask }
    },
    routeEdges(node) {
      const edges: number[] = []
      for (let slot = slotOfNode(node); slots.previous[slot]! >= 0; slot = slots.previous[slot]!) if (slots.viaEdge[slot]! >= 0) edges.push(slots.viaEdge[slot]!)
      return edges.reverse()
    },
  }
}
