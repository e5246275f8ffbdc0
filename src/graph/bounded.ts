import { type ActorAdjacency, reverseAdjacency } from './adjacency.js'
import type { ComponentIndex } from './components.js'

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

const unreached = 0x3fffffff

/**
 * Where {@link searchBoundedCycles} writes each cycle it finds: `path[0..length-1]` are
 * its actors and `arcs[i]` the adjacency position (an index into `targets`) of the step
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
 * result. Per-start state (locks, predecessor lists, listed edges) is reset by stamping
 * it with the start rather than clearing it, so a start costs only what its search
 * touches.
 * @category Loops
 */
export function* searchBoundedCycles(
  adjacency: ActorAdjacency,
  components: ComponentIndex,
  search: BoundedCycleSearch,
  view: CycleView,
): Generator<number, BoundedCycleEnd> {
  const n = adjacency.actorCount
  const { offsets, targets } = adjacency
  const { componentOf } = components
  const maxLength = Math.max(0, Math.floor(search.maxLength))
  const budget = search.budget
  const through = search.through
  const allowAll = through !== undefined
  const size = new Int32Array(components.count)
  for (let v = 0; v < n; v++) size[componentOf[v]!]!++
  let longerCyclesPossible = false
  let steps = 0
  if (maxLength < 1 || n === 0) return { budgetExhausted: false, longerCyclesPossible: n > 0, steps }

  // For the current start `s`, `lock[v]` and `listHead[v]` hold only where
  // `stamp[v] === s`; elsewhere `v` is locked (it cannot get back to `s` in time).
  const stamp = new Int32Array(n).fill(-1)
  const lock = new Int32Array(n)
  const listHead = new Int32Array(n)
  const edgeListed = new Int32Array(targets.length).fill(-1)
  let listNext: Int32Array = new Int32Array(64)
  let listValue: Int32Array = new Int32Array(64)
  const reverse = reverseAdjacency(adjacency)
  const reverseOffsets = reverse.offsets
  const reverseTargets = reverse.targets
  const queue = new Int32Array(n)
  const distance = new Int32Array(n)
  const onPath = new Uint8Array(n)
  const { path, arcs } = view
  const depthCap = Math.min(maxLength, n)
  const cursor = new Int32Array(depthCap)
  const back = new Int32Array(depthCap)
  const work: number[] = []

  const first = through ?? 0
  const last = through ?? n - 1
  for (let s = first; s <= last; s++) {
    const component = componentOf[s]!
    if (size[component]! > maxLength) longerCyclesPossible = true
    if (size[component] === 1) {
      for (let e = offsets[s]!; e < offsets[s + 1]!; e++) {
        if (++steps > budget) return { budgetExhausted: true, longerCyclesPossible, steps }
        if (targets[e] !== s) continue
        path[0] = s
        arcs[0] = e
        yield 1
      }
      continue
    }
    // Reverse breadth-first search from `s` over allowed actors, to depth maxLength - 1:
    // an actor `d` steps from `s` can be entered only below depth maxLength - d + 1.
    let head = 0
    let tail = 0
    queue[tail++] = s
    distance[s] = 0
    stamp[s] = s
    listHead[s] = -1
    while (head < tail) {
      const v = queue[head++]!
      const next = distance[v]! + 1
      if (next >= maxLength) continue
      for (let e = reverseOffsets[v]!; e < reverseOffsets[v + 1]!; e++) {
        if (++steps > budget) return { budgetExhausted: true, longerCyclesPossible, steps }
        const u = reverseTargets[e]!
        if (stamp[u] === s || componentOf[u] !== component || (!allowAll && u < s)) continue
        stamp[u] = s
        distance[u] = next
        lock[u] = maxLength - next + 1
        listHead[u] = -1
        queue[tail++] = u
      }
    }
    let listSize = 0
    let depth = 0
    path[0] = s
    cursor[0] = offsets[s]!
    back[0] = unreached
    onPath[s] = 1
    lock[s] = 0
    while (depth >= 0) {
      const v = path[depth]!
      const edge = cursor[depth]!
      if (edge < offsets[v + 1]!) {
        cursor[depth] = edge + 1
        if (++steps > budget) return leavePath(onPath, path, depth, { budgetExhausted: true, longerCyclesPossible, steps })
        const w = targets[edge]!
        if (w === s) {
          arcs[depth] = edge
          yield depth + 1
          back[depth] = 1
        } else if (stamp[w] === s) {
          // Only actors stamped for `s` (same component, allowed, able to get back) count.
          // Record `v` as a predecessor of `w`, so that relaxing `w` later relaxes `v`
          // too (`v` stays on the path until all its edges are done, so recording it now
          // or when it finishes is the same).
          if (edgeListed[edge] !== s) {
            edgeListed[edge] = s
            if (listSize === listValue.length) {
              listNext = grow(listNext)
              listValue = grow(listValue)
            }
            listNext[listSize] = listHead[w]!
            listValue[listSize] = v
            listHead[w] = listSize++
          }
          if (onPath[w] === 0 && depth + 1 < lock[w]! && depth + 1 < maxLength) {
            arcs[depth] = edge
            depth++
            path[depth] = w
            cursor[depth] = offsets[w]!
            back[depth] = unreached
            onPath[w] = 1
            lock[w] = depth
          }
        }
        continue
      }
      // Finished `v`: relax locks if it reached `s`.
      const reached = back[depth]!
      if (reached !== unreached) {
        work.push(v, reached)
        while (work.length > 0) {
          const distance = work.pop()!
          const u = work.pop()!
          const relaxed = maxLength - distance + 1
          if (lock[u]! >= relaxed) continue
          lock[u] = relaxed
          for (let item = listHead[u]!; item !== -1; item = listNext[item]!) {
            if (++steps > budget) {
              work.length = 0
              return leavePath(onPath, path, depth, { budgetExhausted: true, longerCyclesPossible, steps })
            }
            const predecessor = listValue[item]!
            if (onPath[predecessor] === 0 && lock[predecessor]! < relaxed - 1) work.push(predecessor, distance + 1)
          }
        }
      }
      onPath[v] = 0
      depth--
      if (depth >= 0 && reached !== unreached && reached + 1 < back[depth]!) back[depth] = reached + 1
    }
  }
  return { budgetExhausted: false, longerCyclesPossible, steps }
}

/** Clear the `onPath` marks of `path[0..depth]` (so a stopped search leaves no trace) and return `end`. */
const leavePath = (onPath: Uint8Array, path: Int32Array, depth: number, end: BoundedCycleEnd): BoundedCycleEnd => {
  for (let k = 0; k <= depth; k++) onPath[path[k]!] = 0
  return end
}

const grow = (array: Int32Array): Int32Array<ArrayBuffer> => {
  const larger = new Int32Array(array.length * 2)
  larger.set(array)
  return larger
}

/**
 * Every elementary cycle of at most `maxLength` actors, lazily, as actor indices
 * starting at the cycle's smallest index (or at `through`). Gupta & Suzumura 2021,
 * "Finding All Bounded-Length Simple Cycles in a Directed Graph": Johnson's search
 * (1975) from each start `s` over actors above `s` in its strongly connected component,
 * where a lock `lock[v]` (the depth below which `v` may still be entered) replaces
 * Johnson's blocked flag and is relaxed along recorded predecessor lists when a search
 * from `v` reaches `s` in `b` steps, to `maxLength - b + 1`. Locks start from a reverse
 * breadth-first search from `s` (an actor `d` steps from `s` starts at
 * `maxLength - d + 1`, an actor that cannot get back starts locked), so a start whose
 * component above it cannot reach it costs almost nothing. Run with explicit stacks:
 * the path is at most `maxLength` deep and lock relaxation uses a work list.
 *
 * O((c + 1) · L · (V + E)) time for `c` cycles of length at most `L` (the paper's bound),
 * and O(V + E) memory. Each edge visit or relaxation step costs one unit of `budget`.
 * Each cycle is a fresh array; {@link searchBoundedCycles} avoids that.
 * @category Loops
 */
export function* enumerateBoundedCycles(
  adjacency: ActorAdjacency,
  components: ComponentIndex,
  search: BoundedCycleSearch,
): Generator<number[], BoundedCycleEnd> {
  const view = createCycleView(search.maxLength, adjacency.actorCount)
  const cycles = searchBoundedCycles(adjacency, components, search, view)
  for (;;) {
    const next = cycles.next()
    if (next.done === true) return next.value
    yield Array.from(view.path.subarray(0, next.value))
  }
}
