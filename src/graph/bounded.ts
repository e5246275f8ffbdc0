import type { ActorAdjacency } from './adjacency.js'
import type { ComponentIndex } from './components.js'
import { BoundedCycleCursor } from './cycle-cursor.js'

/**
 * Bounds for {@link enumerateBoundedCycles}. `through` is an actor index.
 * @category Loops
 */
export interface BoundedCycleSearch {
  readonly maxLength: number
  readonly budget: number
  readonly through?: number
}

/**
 * How a bounded cycle search ended. `budgetExhausted`: the step budget stopped it.
 * `longerCyclesPossible`: a searched component has more actors than `maxLength`, so it
 * may hold loops longer than the bound (deciding whether it does is as hard as finding
 * a Hamiltonian cycle, so this is the honest, conservative answer).
 * @category Loops
 */
export interface BoundedCycleEnd {
  readonly budgetExhausted: boolean
  readonly longerCyclesPossible: boolean
  readonly steps: number
}

/**
 * Where a bounded cycle search writes each cycle it finds: `path[0..length-1]` are its
 * actors and `arcs[i]` the adjacency position (an index into `targets`) of the step
 * from `path[i]` to the next actor. Valid until the search resumes.
 * @category Loops
 */
export interface CycleView {
  readonly path: Int32Array
  readonly arcs: Int32Array
}

/**
 * A {@link CycleView} large enough for cycles of at most `maxLength` actors of a graph
 * with `actorCount` actors.
 * @category Loops
 */
export const createCycleView = (maxLength: number, actorCount: number): CycleView => {
  const capacity = Math.max(1, Math.min(Math.floor(maxLength), actorCount))
  return { path: new Int32Array(capacity), arcs: new Int32Array(capacity) }
}

/**
 * The search behind {@link enumerateBoundedCycles}, without allocating per cycle: each
 * cycle is written into `view` and its length yielded. Same order, bounds, budget and
 * result. A generator over {@link BoundedCycleCursor}, which callers that resume once per
 * cycle in a hot loop should use directly.
 * @category Loops
 */
export function* searchBoundedCycles(
  adjacency: ActorAdjacency,
  components: ComponentIndex,
  search: BoundedCycleSearch,
  view: CycleView,
): Generator<number, BoundedCycleEnd> {
  const cursor = new BoundedCycleCursor(adjacency, components, search, view)
  for (let length = cursor.findNext(); length > 0; length = cursor.findNext()) yield length
  return cursor.end!
}

/**
 * Every elementary cycle of at most `maxLength` actors, lazily, as actor indices
 * starting at the cycle's smallest index (or at `through`): the length-bounded search of
 * Gupta & Suzumura 2021, "Finding All Bounded-Length Simple Cycles in a Directed Graph"
 * (see {@link BoundedCycleCursor}).
 *
 * O((c + 1) · L · (V + E)) time for `c` cycles of length at most `L` (the paper's bound),
 * and O(V + E) memory. Each edge visit or relaxation step costs one unit of `budget`.
 * Each cycle is a fresh array; {@link BoundedCycleCursor} avoids that.
 * @category Loops
 */
export function* enumerateBoundedCycles(
  adjacency: ActorAdjacency,
  components: ComponentIndex,
  search: BoundedCycleSearch,
): Generator<number[], BoundedCycleEnd> {
  const view = createCycleView(search.maxLength, adjacency.actorCount)
  const cursor = new BoundedCycleCursor(adjacency, components, search, view)
  for (let length = cursor.findNext(); length > 0; length = cursor.findNext()) {
    yield Array.from(view.path.subarray(0, length))
  }
  return cursor.end!
}
