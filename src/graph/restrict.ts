import type { Actor } from '../model/codecs.js'
import type { ActorId } from '../model/primitives.js'
import type { Level } from '../model/vocabulary.js'
import { type CompiledGraph, type GraphScope, compileGraph } from './compile.js'
import { activeFlag, edgeFlagsOf, loopFlagMask } from './edge-data.js'

/**
 * Whether every channel `scope` keeps is also kept by the scope `graph` was compiled
 * with, so that the narrower graph can be cut out of `graph` without the model.
 */
const isWithin = (graph: CompiledGraph, scope: GraphScope): boolean => {
  const wide = graph.scope
  if (scope.includeInactive === true && wide.includeInactive !== true) return false
  if (wide.level !== undefined && wide.level !== scope.level) return false
  return wide.channelFilter === undefined || wide.channelFilter === scope.channelFilter
}

/** `1` for each actor of `graph` that takes part in `level` (its `levels` name it). O(V). */
const actorsTakingPart = (actors: ReadonlyArray<Actor>, level: Level): Uint8Array => {
  const taking = new Uint8Array(actors.length)
  for (let v = 0; v < actors.length; v++) if (actors[v]!.levels.includes(level)) taking[v] = 1
  return taking
}

/**
 * Actor id → index over `actors` (ids are unique there), built on first use: many
 * restricted graphs are only walked by index.
 */
const lazyIndexOf = (actors: ReadonlyArray<Actor>): ReadonlyMap<ActorId, number> => {
  let built: Map<ActorId, number> | undefined
  const index = (): Map<ActorId, number> => (built ??= new Map(actors.map((actor, v) => [actor.id, v])))
  return {
    get size() {
      return index().size
    },
    get: (id) => index().get(id),
    has: (id) => index().has(id),
    forEach: (visit, thisArg) => index().forEach((v, id) => visit.call(thisArg, v, id, index())),
    entries: () => index().entries(),
    keys: () => index().keys(),
    values: () => index().values(),
    [Symbol.iterator]: () => index()[Symbol.iterator](),
  }
}

/**
 * Cut a narrower scope out of an already compiled graph: the result is equal, array for
 * array, to `compileGraph(graph.model, scope)`, but it is derived from `graph`'s typed
 * arrays and its cached edge flags (`edgeFlagsOf`: one read of each channel's
 * level and status per source graph, shared by every restriction of it), so the model's
 * channel ids are never looked up again. Useful to take each level of a diagnosis from
 * the one whole graph.
 *
 * `scope` must ask for no channel `graph` left out: it may narrow the level, drop
 * non-active channels or add a `channelFilter` (called once per remaining edge). When
 * it asks for more (e.g. inactive channels from a graph of active ones), this falls
 * back to {@link compileGraph}, so the result is always right.
 *
 * Actors keep their relative order, and each actor's out- and in-edges keep theirs, so
 * the compiled invariants (edges in channel order per actor) hold without sorting.
 * O(V + E) time and memory over typed arrays.
 * @category Graph
 */
export const restrictGraph = (graph: CompiledGraph, scope: GraphScope): CompiledGraph => {
  if (!isWithin(graph, scope)) return compileGraph(graph.model, scope)
  const n = graph.actorCount
  const edgeCount = graph.edgeCount
  const level = scope.level
  const testLevel = level !== undefined && graph.scope.level === undefined
  const testActive = scope.includeInactive !== true && graph.scope.includeInactive === true
  const filter = scope.channelFilter !== graph.scope.channelFilter ? scope.channelFilter : undefined
  const flags = testLevel || testActive ? edgeFlagsOf(graph) : undefined
  const mask = (testLevel ? loopFlagMask(level) ^ activeFlag : 0) | (testActive ? activeFlag : 0)
  const channels = graph.model.channels

  // Pass 1: which edges stay, and which actors they touch.
  const newEdge = new Int32Array(edgeCount)
  const touched = new Uint8Array(n)
  const { offsets, targets } = graph
  let m = 0
  for (let v = 0; v < n; v++) {
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      if ((flags !== undefined && (flags[e]! & mask) !== mask) || (filter !== undefined && !filter(channels[graph.edgeChannel[e]!]!))) {
        newEdge[e] = -1
        continue
      }
      newEdge[e] = m++
      touched[v] = touched[targets[e]!] = 1
    }
  }

  // Actors: all of them without a level; with one, those taking part or touched.
  const local = new Int32Array(n)
  let size = 0
  const taking = level === undefined ? undefined : actorsTakingPart(graph.actors, level)
  for (let v = 0; v < n; v++) local[v] = taking === undefined || taking[v] === 1 || touched[v] === 1 ? size++ : -1
  let actors = graph.actors
  let indexOf = graph.indexOf
  const lay = new Uint8Array(size)
  const mixed = new Uint8Array(size)
  if (size === n) (lay.set(graph.lay), mixed.set(graph.mixed))
  else {
    const kept: Actor[] = []
    for (let v = 0; v < n; v++) {
      if (local[v] === -1) continue
      lay[kept.length] = graph.lay[v]!
      mixed[kept.length] = graph.mixed[v]!
      kept.push(graph.actors[v]!)
    }
    actors = kept
    indexOf = lazyIndexOf(kept)
  }

  // Pass 2: forward CSR, in the source order (actors, then each actor's edges).
  const newOffsets = new Int32Array(size + 1)
  const newTargets = new Int32Array(m)
  const edgeChannel = new Int32Array(m)
  let k = 0
  for (let v = 0; v < n; v++) {
    const w = local[v]!
    if (w === -1) continue
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      if (newEdge[e] === -1) continue
      newTargets[k] = local[targets[e]!]!
      edgeChannel[k++] = graph.edgeChannel[e]!
    }
    newOffsets[w + 1] = k
  }

  // Pass 3: reverse CSR, keeping each actor's in-edges in their source order.
  const reverseOffsets = new Int32Array(size + 1)
  const sources = new Int32Array(m)
  const reverseEdge = new Int32Array(m)
  let r = 0
  for (let v = 0; v < n; v++) {
    const w = local[v]!
    if (w === -1) continue
    for (let i = graph.reverseOffsets[v]!; i < graph.reverseOffsets[v + 1]!; i++) {
      const k = newEdge[graph.reverseEdge[i]!]!
      if (k === -1) continue
      sources[r] = local[graph.sources[i]!]!
      reverseEdge[r++] = k
    }
    reverseOffsets[w + 1] = r
  }

  return {
    model: graph.model,
    scope,
    actorCount: size,
    edgeCount: m,
    actors,
    indexOf,
    offsets: newOffsets,
    targets: newTargets,
    edgeChannel,
    reverseOffsets,
    sources,
    reverseEdge,
    lay,
    mixed,
  }
}
