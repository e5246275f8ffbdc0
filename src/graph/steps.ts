import type { Level } from '../model/vocabulary.js'
import { type ActorAdjacency, mergeLoopEdges } from './adjacency.js'
import type { CompiledGraph } from './compile.js'

/**
 * The steps a loop can take in a compiled graph: the {@link ActorAdjacency} of its loop
 * channels (active, at `level` when one is given; parallel channels merged, arcs in
 * order of first channel: the same merge as `actorAdjacency`), and for each arc `a`
 * (a position in `targets`) the edges it merges: `arcEdges[arcEdgeOffsets[a] ..
 * arcEdgeOffsets[a+1]-1]`, in channel order.
 * @category Loops
 */
export interface LoopSteps extends ActorAdjacency {
  readonly graph: CompiledGraph
  readonly level: Level | undefined
  readonly arcEdgeOffsets: Int32Array
  readonly arcEdges: Int32Array
}

const cache = new WeakMap<CompiledGraph, Map<Level | undefined, LoopSteps>>()

const buildLoopSteps = (graph: CompiledGraph, level: Level | undefined): LoopSteps => {
  const m = graph.edgeCount
  const edgeArc = new Int32Array(m)
  const { actorCount, offsets, targets } = mergeLoopEdges(graph, level, edgeArc)
  const size = targets.length
  const arcEdgeOffsets = new Int32Array(size + 1)
  for (let k = 0; k < m; k++) if (edgeArc[k] !== -1) arcEdgeOffsets[edgeArc[k]! + 1]!++
  for (let a = 0; a < size; a++) arcEdgeOffsets[a + 1]! += arcEdgeOffsets[a]!
  const cursor = arcEdgeOffsets.slice(0, size)
  const arcEdges = new Int32Array(arcEdgeOffsets[size]!)
  for (let k = 0; k < m; k++) if (edgeArc[k] !== -1) arcEdges[cursor[edgeArc[k]!]!++] = k
  return { graph, level, actorCount, offsets, targets, arcEdgeOffsets, arcEdges }
}

/**
 * The {@link LoopSteps} of a compiled graph at `level` (all levels when `undefined`),
 * built on first use and cached per graph and level. O(V + E) once; the arrays are
 * shared, so callers must not write to them.
 * @category Loops
 */
export const loopStepsOf = (graph: CompiledGraph, level: Level | undefined): LoopSteps => {
  let byLevel = cache.get(graph)
  if (byLevel === undefined) {
    byLevel = new Map()
    cache.set(graph, byLevel)
  }
  let steps = byLevel.get(level)
  if (steps === undefined) {
    steps = buildLoopSteps(graph, level)
    byLevel.set(level, steps)
  }
  return steps
}

/**
 * The arc of `steps` from actor `from` to actor `to`, or `-1` when no loop channel joins
 * them. O(out-degree of `from`).
 * @category Loops
 */
export const findArc = (steps: LoopSteps, from: number, to: number): number => {
  for (let a = steps.offsets[from]!; a < steps.offsets[from + 1]!; a++) if (steps.targets[a] === to) return a
  return -1
}
