import type { Model } from '../model/codecs.js'
import type { ActorId, ChannelId } from '../model/primitives.js'
import type { Level } from '../model/vocabulary.js'
import { isLoopChannel } from './adjacency.js'
import { type CompiledGraph, compileGraph } from './compile.js'
import { IndexHeap } from './heap.js'

/**
 * A path through active channels: `actors` from the first to the last (for a loop, the
 * first actor again at the end), `channels` one per step, `hops` steps, and the sum of
 * the channels' `latencyDays` (absent counts as 0).
 * @category Graph
 */
export interface ReturnPath {
  readonly actors: ReadonlyArray<ActorId>
  readonly channels: ReadonlyArray<ChannelId>
  readonly hops: number
  readonly latencyDays: number
}

/**
 * `weight`: `hops` (fewest steps, the default) or `latency` (fewest days). `level`:
 * only channels at that level.
 * @category Graph
 */
export interface ReturnPathOptions {
  readonly weight?: 'hops' | 'latency'
  readonly level?: Level
}

const latencyOf = (graph: CompiledGraph, edge: number): number =>
  graph.model.channels[graph.edgeChannel[edge]!]!.latencyDays ?? 0

/**
 * Shortest path from actor index `from` to `to`; when they are equal, the shortest loop
 * through `from` (at least one step). BFS for hops, Dijkstra with a binary heap for
 * latency; both stop as soon as `to` is settled. O(V + E) and O((V + E) log V).
 */
const searchPath = (graph: CompiledGraph, from: number, to: number, options: ReturnPathOptions): ReturnPath | undefined => {
  const n = graph.actorCount
  const level = options.level ?? graph.scope.level
  const byLatency = options.weight === 'latency'
  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY)
  const parentEdge = new Int32Array(n).fill(-1)
  const parentActor = new Int32Array(n).fill(-1)
  const queue = new Int32Array(n)
  const heap = new IndexHeap(byLatency ? 64 : 1)
  let head = 0
  let tail = 0
  if (from !== to) distance[from] = 0
  const relax = (v: number, base: number): boolean => {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      if (!isLoopChannel(graph.model.channels[graph.edgeChannel[e]!]!, level)) continue
      const w = graph.targets[e]!
      const next = base + (byLatency ? latencyOf(graph, e) : 1)
      if (next >= distance[w]!) continue
      distance[w] = next
      parentEdge[w] = e
      parentActor[w] = v
      if (!byLatency && w === to) return true
      if (byLatency) heap.push(w, next)
      else queue[tail++] = w
    }
    return false
  }
  let found = relax(from, 0)
  while (!found) {
    let v: number
    if (byLatency) {
      if (heap.size === 0) break
      const key = heap.peekKey()
      v = heap.pop()
      if (key > distance[v]!) continue
      if (v === to) found = true
      else relax(v, key)
    } else {
      if (head === tail) break
      v = queue[head++]!
      found = relax(v, distance[v]!)
    }
  }
  if (parentEdge[to] === -1) return undefined
  const actors: ActorId[] = []
  const channels: ChannelId[] = []
  let latencyDays = 0
  let v = to
  do {
    const e = parentEdge[v]!
    actors.push(graph.actors[v]!.id)
    channels.push(graph.model.channels[graph.edgeChannel[e]!]!.id)
    latencyDays += latencyOf(graph, e)
    v = parentActor[v]!
  } while (v !== from)
  actors.push(graph.actors[from]!.id)
  return { actors: actors.reverse(), channels: channels.reverse(), hops: channels.length, latencyDays }
}

/**
 * The shortest path of active channels from actor index `from` to `to` in a compiled
 * graph, or `undefined` if there is none; a zero-step path when they are equal.
 * Breadth-first search (hops) or Dijkstra's algorithm with a binary heap (latency),
 * iterative: O(V + E) or O((V + E) log V).
 * @category Graph
 */
export const returnPathInGraph = (
  graph: CompiledGraph,
  from: number,
  to: number,
  options: ReturnPathOptions = {},
): ReturnPath | undefined => {
  if (from < 0 || to < 0 || from >= graph.actorCount || to >= graph.actorCount) return undefined
  if (from === to) return { actors: [graph.actors[from]!.id], channels: [], hops: 0, latencyDays: 0 }
  return searchPath(graph, from, to, options)
}

/**
 * The shortest loop through actor index `actor` in a compiled graph, as a path that
 * starts and ends at it (a self-channel is a one-step loop), or `undefined`.
 * Same algorithms and bounds as {@link returnPathInGraph}.
 * @category Graph
 */
export const shortestLoopInGraph = (
  graph: CompiledGraph,
  actor: number,
  options: ReturnPathOptions = {},
): ReturnPath | undefined =>
  actor < 0 || actor >= graph.actorCount ? undefined : searchPath(graph, actor, actor, options)

const compileFor = (model: Model, options: ReturnPathOptions): CompiledGraph =>
  compileGraph(model, options.level === undefined ? {} : { level: options.level })

/**
 * The shortest way back from `from` to `to` along active channels (fewest hops by
 * default, or least latency), or `undefined` when `to` never hears back from `from`.
 * See {@link returnPathInGraph}.
 * @category Graph
 */
export const returnPath = (
  model: Model,
  from: string,
  to: string,
  options: ReturnPathOptions = {},
): ReturnPath | undefined => {
  const graph = compileFor(model, options)
  const source = graph.indexOf.get(from as ActorId)
  const target = graph.indexOf.get(to as ActorId)
  return source === undefined || target === undefined ? undefined : returnPathInGraph(graph, source, target, options)
}

/**
 * The shortest loop through `actor` (fewest hops by default, or least latency), as a
 * path from the actor back to itself, or `undefined` when it is on no loop.
 * @category Graph
 */
export const shortestLoopThrough = (model: Model, actor: string, options: ReturnPathOptions = {}): ReturnPath | undefined => {
  const graph = compileFor(model, options)
  const index = graph.indexOf.get(actor as ActorId)
  return index === undefined ? undefined : shortestLoopInGraph(graph, index, options)
}
