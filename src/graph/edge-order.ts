import type { ActorAdjacency } from './adjacency.js'
import type { CompiledGraph } from './compile.js'

/** Segments up to this long are insertion-sorted; longer ones go to the native sort. */
const shortSegment = 24

/**
 * The compiled graph's out-edges with each actor's edges in channel-id order (code-unit
 * order; channels sharing an id keep their model order), as an {@link ActorAdjacency}
 * over the same actor numbers. When the graph was compiled from a model whose actors
 * are in id order, its targets are those that compiling the whole model in id order
 * (`canonicalModel`) would give, without sorting every channel of the model: each
 * actor's few edges are sorted on their own. Parallel edges are kept.
 *
 * O(E log d) for out-degree d (O(E · d) below 24 edges an actor, where insertion sort
 * is faster) and O(V + E + C) memory for C channels in the model; the graph is not changed.
 * @category Graph
 */
export const edgesInChannelIdOrder = (graph: CompiledGraph): ActorAdjacency => {
  const { actorCount, offsets, edgeChannel, edgeCount } = graph
  const channels = graph.model.channels
  const targets = graph.targets.slice()
  // Read the ids in model order (channel objects are visited in the order they sit in memory).
  const edgeOf = new Int32Array(channels.length).fill(-1)
  for (let e = 0; e < edgeCount; e++) edgeOf[edgeChannel[e]!] = e
  const idOf = new Array<string>(edgeCount)
  for (let c = 0; c < channels.length; c++) if (edgeOf[c] !== -1) idOf[edgeOf[c]!] = channels[c]!.id
  const ids: string[] = []
  for (let v = 0; v < actorCount; v++) {
    const first = offsets[v]!
    const end = offsets[v + 1]!
    if (end - first < 2) continue
    ids.length = 0
    for (let e = first; e < end; e++) ids.push(idOf[e]!)
    if (end - first <= shortSegment) {
      for (let i = 1; i < ids.length; i++) {
        const id = ids[i]!
        const target = targets[first + i]!
        let j = i - 1
        for (; j >= 0 && ids[j]! > id; j--) {
          ids[j + 1] = ids[j]!
          targets[first + j + 1] = targets[first + j]!
        }
        ids[j + 1] = id
        targets[first + j + 1] = target
      }
      continue
    }
    // A stable sort of positions by id (ties keep model order, as the channels' own sort does).
    const positions = Array.from({ length: end - first }, (_, i) => i)
    positions.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b))
    for (let i = 0; i < positions.length; i++) targets[first + i] = graph.targets[first + positions[i]!]!
  }
  return { actorCount, offsets, targets }
}
