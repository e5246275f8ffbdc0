import type { ActorAdjacency } from './adjacency.js'
import type { ComponentIndex } from './components.js'

/**
 * The condensation of a graph: one node per strongly connected component, an arc
 * wherever an edge joins two components (arcs may repeat). `offsets`/`targets` are a
 * CSR over components in the chosen direction; `indegree`/`outdegree` count arcs in
 * the forward direction, so `indegree[c] === 0` marks a source component and
 * `outdegree[c] === 0` a sink (both: isolated).
 * @category Graph
 */
export interface Condensation {
  readonly count: number
  readonly offsets: Int32Array
  readonly targets: Int32Array
  readonly indegree: Int32Array
  readonly outdegree: Int32Array
}

/**
 * Build the {@link Condensation} of `adjacency` under `components`, with arcs forward or
 * (`reversed`) backward. O(V + E) time and memory.
 * @category Graph
 */
export const condense = (adjacency: ActorAdjacency, components: ComponentIndex, reversed = false): Condensation => {
  const { count, componentOf } = components
  const { offsets: actorOffsets, targets: actorTargets, actorCount } = adjacency
  const indegree = new Int32Array(count)
  const outdegree = new Int32Array(count)
  for (let v = 0; v < actorCount; v++) {
    const from = componentOf[v]!
    for (let e = actorOffsets[v]!; e < actorOffsets[v + 1]!; e++) {
      const to = componentOf[actorTargets[e]!]!
      if (from === to) continue
      outdegree[from]!++
      indegree[to]!++
    }
  }
  const offsets = new Int32Array(count + 1)
  for (let c = 0; c < count; c++) offsets[c + 1] = offsets[c]! + (reversed ? indegree[c]! : outdegree[c]!)
  const targets = new Int32Array(offsets[count]!)
  const cursor = offsets.slice(0, count)
  for (let v = 0; v < actorCount; v++) {
    const from = componentOf[v]!
    for (let e = actorOffsets[v]!; e < actorOffsets[v + 1]!; e++) {
      const to = componentOf[actorTargets[e]!]!
      if (from === to) continue
      if (reversed) targets[cursor[to]!++] = from
      else targets[cursor[from]!++] = to
    }
  }
  return { count, offsets, targets, indegree, outdegree }
}
