import type { ActorAdjacency } from '../graph/adjacency.js'
import type { CompiledGraph } from '../graph/compile.js'
import { assetKindBit } from '../graph/edge-data.js'
import type { Model } from '../model/codecs.js'
import type { AssetKind } from '../model/vocabulary.js'

/**
 * A set of asset kinds as a bit mask, so that "does this channel carry any of these
 * kinds?" is one `&` per edge.
 * @category Diagnosis
 */
export type KindMask = number

/**
 * The mask of a list of asset kinds (the same bits as the graph core's per-edge carried kinds).
 * @category Diagnosis
 */
export const maskOf = (...kinds: ReadonlyArray<AssetKind>): KindMask =>
  kinds.reduce((mask, kind) => mask | assetKindBit(kind), 0)

/**
 * The kinds by which each kind of knowledge travels. Lived experience travels as itself,
 * or as the insights and lessons made by someone who heard it; professional knowledge
 * likewise; decisions travel as decisions, plans and strategies.
 * @category Diagnosis
 */
export const carriers = {
  experience: maskOf('experience', 'insight', 'lesson'),
  evidence: maskOf('evidence', 'data', 'insight', 'lesson'),
  rawSense: maskOf('experience', 'evidence', 'data'),
  insight: maskOf('insight'),
  decision: maskOf('decision', 'plan', 'strategy'),
  cause: maskOf('experience', 'insight', 'lesson', 'decision', 'plan', 'strategy'),
  response: maskOf('response'),
} as const

/** For each actor of `graph`, the mask of the kinds of asset it holds. O(V + assets). @category Diagnosis */
export const heldKindsOfActors = (graph: CompiledGraph, model: Model): Uint16Array => {
  const masks = new Uint16Array(graph.actorCount)
  for (const asset of model.assets) {
    const v = graph.indexOf.get(asset.holder)
    if (v !== undefined) masks[v]! |= maskOf(asset.kind)
  }
  return masks
}

/** Which way a flow runs: along channels, or back against them (who can reach the seeds). @category Diagnosis */
export type FlowDirection = 'forward' | 'backward'

/**
 * Breadth-first reachability from `seeds` over the edges whose channels carry a kind in
 * `carrying`: the actors the knowledge actually travels to (forward), or the actors
 * whose knowledge can travel to a seed (backward). Iterative; O(V + E).
 * @returns a mask with `1` for every reached actor, seeds included.
 * @category Diagnosis
 */
export const reachOverCarriedKinds = (
  graph: CompiledGraph,
  edgeKinds: Uint16Array,
  seeds: ReadonlyArray<number> | Uint8Array,
  carrying: KindMask,
  direction: FlowDirection,
): Uint8Array => {
  const reached = new Uint8Array(graph.actorCount)
  const queue = new Int32Array(graph.actorCount)
  let tail = 0
  if (seeds instanceof Uint8Array) {
    for (let v = 0; v < seeds.length; v++) if (seeds[v] === 1) ((reached[v] = 1), (queue[tail++] = v))
  } else {
    for (const v of seeds) if (reached[v] === 0) ((reached[v] = 1), (queue[tail++] = v))
  }
  const forward = direction === 'forward'
  const offsets = forward ? graph.offsets : graph.reverseOffsets
  const neighbours = forward ? graph.targets : graph.sources
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const edge = forward ? i : graph.reverseEdge[i]!
      if ((edgeKinds[edge]! & carrying) === 0) continue
      const w = neighbours[i]!
      if (reached[w] === 0) {
        reached[w] = 1
        queue[tail++] = w
      }
    }
  }
  return reached
}

/** The mask of actors that hold at least one asset of a kind in `kinds`. O(V). @category Diagnosis */
export const holdersOf = (heldKinds: Uint16Array, kinds: KindMask): Uint8Array => {
  const mask = new Uint8Array(heldKinds.length)
  for (let v = 0; v < heldKinds.length; v++) if ((heldKinds[v]! & kinds) !== 0) mask[v] = 1
  return mask
}

/**
 * For each strongly connected component, the number of its actors marked in `mask`.
 * An actor shares a loop (a closed walk) with exactly the other actors of its component.
 * O(V).
 * @category Diagnosis
 */
export const countPerComponent = (components: { readonly count: number; readonly componentOf: Int32Array }, mask: Uint8Array): Int32Array => {
  const counts = new Int32Array(components.count)
  for (let v = 0; v < mask.length; v++) if (mask[v] === 1) counts[components.componentOf[v]!]!++
  return counts
}

/**
 * The actor graph of the edges of `graph` whose channels carry a kind in `carrying`, as
 * the graph core's adjacency (for its components and condensation). O(V + E).
 * @category Diagnosis
 */
export const adjacencyCarrying = (graph: CompiledGraph, edgeKinds: Uint16Array, carrying: KindMask): ActorAdjacency => {
  const offsets = new Int32Array(graph.actorCount + 1)
  let size = 0
  for (let e = 0; e < graph.edgeCount; e++) if ((edgeKinds[e]! & carrying) !== 0) size++
  const targets = new Int32Array(size)
  size = 0
  for (let v = 0; v < graph.actorCount; v++) {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) if ((edgeKinds[e]! & carrying) !== 0) targets[size++] = graph.targets[e]!
    offsets[v + 1] = size
  }
  return { actorCount: graph.actorCount, offsets, targets }
}
