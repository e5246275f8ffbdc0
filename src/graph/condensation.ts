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
 * How many edges enter (`indegree`) and leave (`outdegree`) each component from other
 * components: the first half of {@link condense}. O(V + E).
 * @category Graph
 */
export const componentDegrees = (
  adjacency: ActorAdjacency,
  components: ComponentIndex,
): Pick<Condensation, 'indegree' | 'outdegree'> => {
  const { count, componentOf } = components
  const { offsets: actorOffsets, targets: actorTargets, actorCount } = adjacency
  const indegree = new Int32Array(count)
  const outdegree = new Int32Array(count)
  let e = 0
  for (let v = 0; v < actorCount; v++) {
    const from = componentOf[v]!
    const end = actorOffsets[v + 1]!
    for (; e < end; e++) {
      const to = componentOf[actorTargets[e]!]!
      if (from === to) continue
      outdegree[from]!++
      indegree[to]!++
    }
  }
  return { indegree, outdegree }
}

/**
 * The arcs of the condensation in one direction, given {@link componentDegrees}: the
 * second half of {@link condense}, so a caller that needs only one direction reads the
 * edges twice rather than four times. O(V + E).
 * @category Graph
 */
export const condensationArcs = (
  adjacency: ActorAdjacency,
  components: ComponentIndex,
  degrees: Pick<Condensation, 'indegree' | 'outdegree'>,
  reversed = false,
): Condensation => {
  const { count, componentOf } = components
  const { offsets: actorOffsets, targets: actorTargets, actorCount } = adjacency
  const { indegree, outdegree } = degrees
  const offsets = new Int32Array(count + 1)
  for (let c = 0; c < count; c++) offsets[c + 1] = offsets[c]! + (reversed ? indegree[c]! : outdegree[c]!)
  const targets = new Int32Array(offsets[count]!)
  const cursor = offsets.slice(0, count)
  let e = 0
  for (let v = 0; v < actorCount; v++) {
    const from = componentOf[v]!
    const end = actorOffsets[v + 1]!
    for (; e < end; e++) {
      const to = componentOf[actorTargets[e]!]!
      if (from === to) continue
      if (reversed) targets[cursor[to]!++] = from
      else targets[cursor[from]!++] = to
    }
  }
  return { count, offsets, targets, indegree, outdegree }
}

/**
 * Build the {@link Condensation} of `adjacency` under `components`, with arcs forward or
 * (`reversed`) backward. O(V + E) time and memory.
 * @category Graph
 */
export const condense = (adjacency: ActorAdjacency, components: ComponentIndex, reversed = false): Condensation =>
  condensationArcs(adjacency, components, componentDegrees(adjacency, components), reversed)
