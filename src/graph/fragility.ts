import type { Model } from '../model/codecs.js'
import type { ActorId } from '../model/primitives.js'
import type { Level } from '../model/vocabulary.js'
import { actorAdjacency } from './adjacency.js'
import { edgeFlagsOf, loopFlagMask, scopeKeepsOnlyLoopChannels } from './edge-data.js'
import { type CompiledGraph, compileGraph } from './compile.js'
import { compareIds, componentsOf } from './components.js'
import { type FlowGraph, immediateDominators } from './dominators.js'

/**
 * An actor or channel whose loss would leave some lay actors on no loop at all: every
 * way they hear back passes through it.
 * @category Graph
 */
export interface SinglePointOfFailure {
  readonly kind: 'actor' | 'channel'
  /** The actor or channel id. */
  readonly id: string
  readonly level?: Level
  /** The lay actors who would lose every loop, sorted. */
  readonly affectedLayActors: ReadonlyArray<ActorId>
}

/** Options for {@link findSinglePointsOfFailure}. @category Graph */
export interface SinglePointsOfFailureOptions {
  /** Only channels at this level count, and the points found carry it. */
  readonly level?: Level
  /**
   * Work allowed, in steps: a strongly connected component with L lay actors, k actors
   * and c channels inside costs L · (k + c). A component that would take the total past
   * this is skipped and the result is marked `truncated` (default 10,000,000: a few
   * seconds at most).
   */
  readonly maxSearchSteps?: number
}

/**
 * The single points of failure found, and whether `maxSearchSteps` made the search
 * skip any strongly connected component (the points listed are then complete for the
 * components searched: a point never affects lay actors outside its own component).
 * @category Graph
 */
export interface SinglePointsOfFailure {
  readonly points: ReadonlyArray<SinglePointOfFailure>
  readonly truncated: boolean
}

/** The work {@link findSinglePointsOfFailure} allows unless told otherwise. @category Graph */
export const defaultMaxSearchSteps = 10_000_000

/**
 * Find single points of failure for lay actors' feedback: for each lay actor `ℓ` on a
 * loop, the actors and channels that lie on every loop through `ℓ`. Those are the
 * dominators of `ℓ`'s return in the flow graph rooted at `ℓ` whose edges into `ℓ` are
 * redirected to a sink, with every channel split into a node of its own so channels
 * dominate too (parallel channels never do). Dominators by Cooper, Harvey & Kennedy
 * (2001), iterative. Only active channels count, and only those at `options.level` when
 * given (the points then carry that level). Sorted: actors, then channels, by id.
 *
 * O(L · (V + E)) per pass for L lay actors on loops (each restricted to its strongly
 * connected component), and never more than `options.maxSearchSteps` of it: the answer
 * itself can be that large (on one long cycle every actor and channel fails every lay
 * actor), so a component past the budget is skipped and the result says so.
 * @category Graph
 */
export const findSinglePointsOfFailure = (model: Model, options: SinglePointsOfFailureOptions = {}): SinglePointsOfFailure =>
  findSinglePointsOfFailureInGraph(compileGraph(model, options.level === undefined ? {} : { level: options.level }), options)

/**
 * {@link findSinglePointsOfFailure} on a graph already compiled (at `options.level` when
 * one is given, with the same actors and edges as compiling the model at that level), so
 * callers that hold the graph do not compile the model again. Same result and cost.
 * @category Graph
 */
export const findSinglePointsOfFailureInGraph = (graph: CompiledGraph, options: SinglePointsOfFailureOptions = {}): SinglePointsOfFailure => {
  const level = options.level
  const budget = options.maxSearchSteps ?? defaultMaxSearchSteps
  let spent = 0
  let truncated = false
  const n = graph.actorCount
  const components = componentsOf(actorAdjacency(graph, level))
  const membersOf: number[][] = Array.from({ length: components.count }, () => [])
  for (let v = 0; v < n; v++) membersOf[components.componentOf[v]!]!.push(v)
  const local = new Int32Array(n).fill(-1)
  const found = new Map<string, { kind: 'actor' | 'channel'; id: string; affected: Set<ActorId> }>()
  const record = (kind: 'actor' | 'channel', id: string, lay: ActorId): void => {
    const key = `${kind}:${id}`
    const entry = found.get(key) ?? { kind, id, affected: new Set<ActorId>() }
    entry.affected.add(lay)
    found.set(key, entry)
  }

  // Whether an edge counts, from the cached edge flags rather than the channel objects.
  const allCount = scopeKeepsOnlyLoopChannels(graph, level)
  const flags = allCount ? undefined : edgeFlagsOf(graph)
  const mask = loopFlagMask(level)
  const counts = (e: number): boolean => flags === undefined || (flags[e]! & mask) === mask
  for (const members of membersOf) {
    let layCount = 0
    for (const v of members) layCount += graph.lay[v]!
    if (layCount === 0) continue
    members.forEach((v, i) => (local[v] = i))
    const k = members.length
    // The search's cost is known before its graph is built: a component past the budget is skipped unbuilt.
    let within = 0
    for (const v of members) {
      for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) if (local[graph.targets[e]!]! !== -1 && counts(e)) within++
    }
    const cost = layCount * (k + within)
    if (spent + cost > budget) {
      truncated = true
      for (const v of members) local[v] = -1
      continue
    }
    // Local numbering: actors 0..k-1, channels k..k+c-1, the sink k+c.
    const edgeGlobal: number[] = []
    const edgeFrom: number[] = []
    const edgeTo: number[] = []
    const outgoing: number[][] = members.map(() => [])
    const incoming: number[][] = members.map(() => [])
    members.forEach((v, i) => {
      for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
        const j = local[graph.targets[e]!]!
        if (j === -1 || !counts(e)) continue
        outgoing[i]!.push(k + edgeGlobal.length)
        incoming[j]!.push(k + edgeGlobal.length)
        edgeGlobal.push(e)
        edgeFrom.push(i)
        edgeTo.push(j)
      }
    })
    const sink = k + edgeGlobal.length
    spent += cost
    members.forEach((v, root) => {
      if (graph.lay[v] !== 1) return
      const flow: FlowGraph = {
        size: sink + 1,
        root,
        forEachSuccessor: (node, visit) => {
          if (node < k) outgoing[node]!.forEach(visit)
          else if (node < sink) visit(edgeTo[node - k] === root ? sink : edgeTo[node - k]!)
        },
        forEachPredecessor: (node, visit) => {
          if (node === sink) incoming[root]!.forEach(visit)
          else if (node < k) {
            if (node !== root) incoming[node]!.forEach(visit)
          } else visit(edgeFrom[node - k]!)
        },
      }
      const idom = immediateDominators(flow)
      if (idom[sink] === -1) return
      const lay = graph.actors[v]!.id
      for (let node = idom[sink]!; node !== root; node = idom[node]!) {
        if (node < k) record('actor', graph.actors[members[node]!]!.id, lay)
        else record('channel', graph.model.channels[graph.edgeChannel[edgeGlobal[node - k]!]!]!.id, lay)
      }
    })
    for (const v of members) local[v] = -1
  }

  const points = [...found.values()]
    .sort((a, b) => (a.kind === b.kind ? compareIds(a.id, b.id) : a.kind === 'actor' ? -1 : 1))
    .map(({ kind, id, affected }) => ({
      kind,
      id,
      ...(level === undefined ? {} : { level }),
      affectedLayActors: [...affected].sort(compareIds),
    }))
  return { points, truncated }
}
