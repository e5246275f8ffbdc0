import type { Channel } from '../model/codecs.js'
import type { Level } from '../model/vocabulary.js'
import type { CompiledGraph } from './compile.js'
import { edgeFlagsOf, loopFlagMask, scopeKeepsOnlyLoopChannels } from './edge-data.js'

/**
 * Successors of each actor with parallel channels merged: the actor graph that loops
 * and paths are counted on. `targets[offsets[v] .. offsets[v+1]-1]` are the distinct
 * actors `v` has at least one kept channel to, in order of first channel.
 * @category Graph
 */
export interface ActorAdjacency {
  readonly actorCount: number
  readonly offsets: Int32Array
  readonly targets: Int32Array
}

/**
 * Whether a channel counts for loop analysis: active, and at `level` when one is given.
 * @category Loops
 */
export const isLoopChannel = (channel: Channel, level: Level | undefined): boolean =>
  channel.status === 'active' && (level === undefined || channel.level === level)

/**
 * Build the {@link ActorAdjacency} of a compiled graph, keeping only edges whose channel
 * is active and (when `level` is given) at that level, and merging parallel edges.
 * O(V + E) with one stamp array; channel objects are not read when the graph's scope
 * already keeps only such channels, and otherwise only once per graph (through
 * {@link edgeFlagsOf}).
 * @category Graph
 */
export const actorAdjacency = (graph: CompiledGraph, level?: Level): ActorAdjacency => mergeLoopEdges(graph, level, undefined)

/**
 * The merge loop behind {@link actorAdjacency} (and the loop steps built on it). When
 * `edgeArc` is given (one slot per edge), each edge's arc is written to it: its merged
 * successor's position in `targets`, or `-1` for an edge that is not kept. O(V + E).
 * @category Graph
 */
export const mergeLoopEdges = (graph: CompiledGraph, level: Level | undefined, edgeArc: Int32Array | undefined): ActorAdjacency => {
  const n = graph.actorCount
  const { offsets: edgeOffsets, targets: edgeTargets } = graph
  const flags = scopeKeepsOnlyLoopChannels(graph, level) ? undefined : edgeFlagsOf(graph)
  const mask = loopFlagMask(level)
  const stamp = new Int32Array(n).fill(-1)
  const arcOfTarget = new Int32Array(n)
  const offsets = new Int32Array(n + 1)
  const targets = new Int32Array(graph.edgeCount)
  let size = 0
  let e = 0
  for (let v = 0; v < n; v++) {
    const end = edgeOffsets[v + 1]!
    for (; e < end; e++) {
      if (flags !== undefined && (flags[e]! & mask) !== mask) {
        if (edgeArc !== undefined) edgeArc[e] = -1
        continue
      }
      const w = edgeTargets[e]!
      if (stamp[w] !== v) {
        stamp[w] = v
        arcOfTarget[w] = size
        targets[size++] = w
      }
      if (edgeArc !== undefined) edgeArc[e] = arcOfTarget[w]!
    }
    offsets[v + 1] = size
  }
  return { actorCount: n, offsets, targets: size === targets.length ? targets : targets.slice(0, size) }
}

/**
 * The same actor graph with every edge turned round (predecessors instead of
 * successors). O(V + E).
 * @category Graph
 */
export const reverseAdjacency = (adjacency: ActorAdjacency): ActorAdjacency => {
  const n = adjacency.actorCount
  const offsets = new Int32Array(n + 1)
  for (let e = 0; e < adjacency.targets.length; e++) offsets[adjacency.targets[e]! + 1]!++
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!
  const cursor = offsets.slice(0, n)
  const targets = new Int32Array(adjacency.targets.length)
  for (let v = 0; v < n; v++) {
    for (let e = adjacency.offsets[v]!; e < adjacency.offsets[v + 1]!; e++) targets[cursor[adjacency.targets[e]!]!++] = v
  }
  return { actorCount: n, offsets, targets }
}
