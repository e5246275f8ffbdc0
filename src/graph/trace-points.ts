import type { ActorId, AssetId, ChannelId } from '../model/primitives.js'
import type { TraceIndex } from './trace.js'
import { createRouteFinder } from './trace-route.js'
import { closureOf, createScratch } from './trace-source.js'

/** The channels and actors every route closing one loop passes through. @internal */
export interface LoopDependency {
  /** The source, by its number in the model's assets. */
  readonly source: number
  /** Channels whose loss leaves the loop closing less well, or not at all, in route order. */
  readonly channels: ReadonlyArray<ChannelId>
  /** Actors (not the source's holder) whose loss does the same, in route order. */
  readonly actors: ReadonlyArray<ActorId>
}

/**
 * What each closed loop hangs on: for every source in `sources` whose loop closes, the
 * channels and actors without which it would close less well (a loop that closes with
 * `did` answered only without the change) or not at all. Every such point lies on the
 * fastest closing route, so each channel and actor of that route is tried: the search
 * of that source runs again with the channel (or every channel into the actor) blocked,
 * and the point is one when no closing route is left. Loops that stay open, or close at
 * the holder with no channel, hang on nothing. O(Σ over sources of route length × the
 * source's trace), bounded by `budget` units of work (`truncated` says a source was left
 * out; the dependencies of the sources before it are complete).
 * @internal
 */
export const loopDependencies = (
  index: TraceIndex,
  sources: ReadonlyArray<number>,
  budget: number,
): { readonly dependencies: ReadonlyArray<LoopDependency>; readonly truncated: boolean } => {
  const { graph, carriage, provenance } = index
  const finder = createRouteFinder(carriage, provenance)
  const scratch = createScratch(index)
  const { member, work } = scratch
  const blocked = new Uint8Array(graph.edgeCount)
  const dependencies: LoopDependency[] = []
  for (const s of sources) {
    if (work.count > budget) return { dependencies, truncated: true }
    const { outcome, isClosure } = closureOf(index, finder, s, scratch)
    if (outcome < 0) continue
    const target = finder.search(s, s, member, isClosure, work)
    if (target < 0) continue
    const edges = [...new Set(finder.routeEdges(target))]
    const h = carriage.holder[s]!
    const channels: ChannelId[] = []
    const actors: ActorId[] = []
    const lost = (): boolean => finder.search(s, s, member, isClosure, work, blocked) < 0
    for (const e of edges) {
      if (work.count > budget) return { dependencies, truncated: true }
      blocked[e] = 1
      if (lost()) channels.push(graph.model.channels[graph.edgeChannel[e]!]!.id)
      blocked[e] = 0
    }
    for (const v of new Set(edges.map((e) => graph.targets[e]!))) {
      if (v === h) continue
      if (work.count > budget) return { dependencies, truncated: true }
      const setInto = (value: number) => {
        for (let r = graph.reverseOffsets[v]!; r < graph.reverseOffsets[v + 1]!; r++) blocked[graph.reverseEdge[r]!] = value
      }
      setInto(1)
      if (lost()) actors.push(graph.actors[v]!.id)
      setInto(0)
    }
    if (channels.length > 0 || actors.length > 0) dependencies.push({ source: s, channels, actors })
  }
  return { dependencies, truncated: work.count > budget }
}

/**
 * A timer of round trips over one trace index: for a source (its number in the model's
 * assets), the fastest round trip of its loop that has gone at least as far as `level`
 * (0 heard, 1 decided, 2 did), and what closes it; `undefined` when no route closes it
 * that well. With `through` (a declared loop's actors, in order), only routes over its
 * steps count: each declared loop of a source is timed on its own way round, not on
 * another's. What a declared loop's budget is held to. Scratch is shared by every call;
 * each costs O(the source's trace + the declared steps' channels).
 * @internal
 */
export const closureTimer = (index: TraceIndex) => {
  const { graph } = index
  const finder = createRouteFinder(index.carriage, index.provenance)
  const scratch = createScratch(index)
  let last: { readonly source: number; readonly members: ReadonlyArray<number> } | undefined
  // Every edge blocked but those of the declared steps being timed, opened and closed again per call.
  let blocked: Uint8Array | undefined
  const stepEdges = (through: ReadonlyArray<ActorId>): number[] => {
    const edges: number[] = []
    for (let k = 0; k + 1 < through.length; k++) {
      const v = graph.indexOf.get(through[k]!)
      const w = graph.indexOf.get(through[k + 1]!)
      if (v === undefined || w === undefined) continue
      for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) if (graph.targets[e] === w) edges.push(e)
    }
    return edges
  }
  return (source: number, level: number, through?: ReadonlyArray<ActorId>): { readonly latencyDays: number; readonly closedBy: AssetId } | undefined => {
    // The trace stamps what it reaches with its source: asked again about the same source
    // (a second declared loop naming it), it starts from clean stamps, or it would find
    // nothing made from the source.
    if (last?.source === source) for (const a of last.members) scratch.member[a] = -1
    const { members, outcome, isClosure } = closureOf(index, finder, source, scratch, level)
    last = { source, members }
    if (outcome < level) return undefined
    const open = through === undefined ? [] : stepEdges(through)
    if (through !== undefined) {
      blocked ??= new Uint8Array(graph.edgeCount).fill(1)
      for (const e of open) blocked[e] = 0
    }
    const target = finder.search(source, source, scratch.member, isClosure, scratch.work, through === undefined ? undefined : blocked)
    if (blocked !== undefined) for (const e of open) blocked[e] = 1
    return target < 0 ? undefined : { latencyDays: finder.distance(target), closedBy: graph.model.assets[finder.assetOf(target)]!.id }
  }
}
