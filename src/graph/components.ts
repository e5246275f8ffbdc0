import type { Model } from '../model/codecs.js'
import type { ActorId } from '../model/primitives.js'
import { type CompiledGraph, type GraphScope, compileGraph } from './compile.js'
import { compareIds } from '../model/canonical.js'

/**
 * Strongly connected components of a compiled graph, as numbers.
 * @category Graph
 */
export interface ComponentIndex {
  /** How many components there are. */
  readonly count: number
  /** `componentOf[v]` is the component of actor index `v`, in `0..count-1`. */
  readonly componentOf: Int32Array
}

/**
 * The strongly connected components of a compiled graph (Tarjan 1972, "Depth-first
 * search and linear graph algorithms", run iteratively with an explicit call stack and
 * per-actor edge cursors, so a chain of a million actors cannot overflow the stack).
 *
 * Numbering is deterministic: depth-first searches start at actor 0, 1, 2, ... and
 * follow out-edges in CSR order, and components are numbered in the order Tarjan's
 * algorithm completes them. That is a reverse topological order of the condensation:
 * every edge between two components goes from a higher number to a lower one, so
 * component 0 is a sink.
 *
 * O(V + E) time; five `Int32Array`s of length V.
 * @category Graph
 */
export const componentsOf = (graph: Pick<CompiledGraph, 'actorCount' | 'offsets' | 'targets'>): ComponentIndex => {
  const n = graph.actorCount
  const { offsets, targets } = graph
  const order = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const componentOf = new Int32Array(n).fill(-1)
  const cursor = new Int32Array(n)
  const pending = new Int32Array(n)
  const calls = new Int32Array(n)
  let pendingTop = 0
  let callTop = 0
  let counter = 0
  let count = 0

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue
    order[root] = low[root] = counter++
    cursor[root] = offsets[root]!
    pending[pendingTop++] = root
    calls[callTop++] = root
    while (callTop > 0) {
      const v = calls[callTop - 1]!
      const edge = cursor[v]!
      if (edge < offsets[v + 1]!) {
        cursor[v] = edge + 1
        const w = targets[edge]!
        if (order[w] === -1) {
          order[w] = low[w] = counter++
          cursor[w] = offsets[w]!
          pending[pendingTop++] = w
          calls[callTop++] = w
        } else if (componentOf[w] === -1 && order[w]! < low[v]!) {
          // Visited and not yet assigned means `w` is still on Tarjan's stack.
          low[v] = order[w]!
        }
        continue
      }
      callTop--
      if (low[v] === order[v]) {
        let w: number
        do {
          w = pending[--pendingTop]!
          componentOf[w] = count
        } while (w !== v)
        count++
      }
      if (callTop > 0) {
        const parent = calls[callTop - 1]!
        if (low[v]! < low[parent]!) low[parent] = low[v]!
      }
    }
  }
  return { count, componentOf }
}

export { compareIds }

/**
 * Actor indices of a compiled graph sorted by actor id (code-unit order).
 * O(V log V).
 * @category Graph
 */
export const actorsInIdOrder = (graph: CompiledGraph): Int32Array => {
  const indices = Array.from({ length: graph.actorCount }, (_, v) => v)
  const ids = graph.actors.map((actor) => actor.id)
  indices.sort((a, b) => compareIds(ids[a]!, ids[b]!))
  return Int32Array.from(indices)
}

/**
 * The strongly connected components of a model's graph (by default every actor and
 * every active channel; `scope` narrows it, e.g. `{ level: 'delivery' }`). Each
 * component lists its actor ids sorted in code-unit order (as `Array.prototype.sort`
 * sorts strings); components are ordered by their smallest id. Every actor in scope is
 * in exactly one component, so an actor on no loop is a component of its own.
 *
 * O(V log V + E): Tarjan's algorithm over the compiled index, then one sort of the ids.
 * @category Graph
 */
export const stronglyConnectedComponents = (
  model: Model,
  scope: GraphScope = {},
): ReadonlyArray<ReadonlyArray<ActorId>> => {
  const graph = compileGraph(model, scope)
  const { count, componentOf } = componentsOf(graph)
  const members: ActorId[][] = []
  const position = new Int32Array(count).fill(-1)
  for (const v of actorsInIdOrder(graph)) {
    const component = componentOf[v]!
    if (position[component] === -1) {
      position[component] = members.length
      members.push([])
    }
    members[position[component]!]!.push(graph.actors[v]!.id)
  }
  return members
}
