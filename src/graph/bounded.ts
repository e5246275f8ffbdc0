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
 * @category Loops
 */
export function* enumerateBoundedCycles(
  adjacency: ActorAdjacency,
  components: ComponentIndex,
  search: BoundedCycleSearch,
): Generator<number[], BoundedCycleEnd> {
  const n = adjacency.actorCount
  const { offsets, targets } = adjacency
  const { componentOf } = components
  const maxLength = Math.max(0, Math.floor(search.maxLength))
  const through = search.through
  const size = new Int32Array(components.count)
  for (let v = 0; v < n; v++) size[componentOf[v]!]!++
  let longerCyclesPossible = false
  let steps = 0
  if (maxLength < 1 || n === 0) return { budgetExhausted: false, longerCyclesPossible: n > 0, steps }

  // lock[v] = 0: not enterable (the default, and for actors that cannot get back to
  // the start within the bound); set per start from reverse distances, then reset.
  const lock = new Int32Array(n)
  const reverse = reverseAdjacency(adjacency)
  const queue = new Int32Array(n)
  const distance = new Int32Array(n)
  const onPath = new Uint8Array(n)
  const touched: number[] = []
  const listed = new Uint8Array(targets.length)
  const listedEdges: number[] = []
  const listHead = new Int32Array(n).fill(-1)
  let listNext: number[] = []
  let listValue: number[] = []
  const depthCap = Math.min(maxLength, n)
  const path = new Int32Array(depthCap)
  const cursor = new Int32Array(depthCap)
  const back = new Int32Array(depthCap)
  const work: number[] = []

  const first = through ?? 0
  const last = through ?? n - 1
  for (let s = first; s <= last; s++) {
    const component = componentOf[s]!
    if (size[component]! > maxLength) longerCyclesPossible = true
    const allowAll = through !== undefined
    if (size[component] === 1) {
      for (let e = offsets[s]!; e < offsets[s + 1]!; e++) {
        if (++steps > search.budget) return { budgetExhausted: true, longerCyclesPossible, steps }
        if (targets[e] === s) yield [s]
      }
      continue
    }
    // Reverse breadth-first search from `s` over allowed actors, to depth maxLength - 1:
    // an actor `d` steps from `s` can be entered only below depth maxLength - d + 1.
    let head = 0
    let tail = 0
    queue[tail++] = s
    distance[s] = 0
    lock[s] = maxLength + 1
    touched.push(s)
    while (head < tail) {
      const v = queue[head++]!
      const next = distance[v]! + 1
      if (next >= maxLength) continue
      for (let e = reverse.offsets[v]!; e < reverse.offsets[v + 1]!; e++) {
        if (++steps > search.budget) return { budgetExhausted: true, longerCyclesPossible, steps }
        const u = reverse.targets[e]!
        if (lock[u] !== 0 || componentOf[u] !== component || (!allowAll && u < s)) continue
        distance[u] = next
        lock[u] = maxLength - next + 1
        touched.push(u)
        queue[tail++] = u
      }
    }
    let depth = 0
    path[0] = s
    cursor[0] = offsets[s]!
    back[0] = unreached
    onPath[s] = 1
    lock[s] = 0
    touched.push(s)
    while (depth >= 0) {
      const v = path[depth]!
      const edge = cursor[depth]!
      if (edge < offsets[v + 1]!) {
        cursor[depth] = edge + 1
        if (++steps > search.budget) {
          for (let k = 0; k <= depth; k++) onPath[path[k]!] = 0
          return { budgetExhausted: true, longerCyclesPossible, steps }
        }
        const w = targets[edge]!
        if (w === s) {
          yield Array.from(path.subarray(0, depth + 1))
          back[depth] = 1
        } else if (
          componentOf[w] === component && (allowAll || w > s) && onPath[w] === 0 &&
          depth + 1 < maxLength && depth + 1 < lock[w]!
        ) {
          depth++
          path[depth] = w
          cursor[depth] = offsets[w]!
          back[depth] = unreached
          onPath[w] = 1
          lock[w] = depth
          touched.push(w)
        }
        continue
      }
      // Finished `v`: relax locks if it reached `s`, and record `v` as a predecessor of
      // its successors so that relaxing one of them later relaxes `v` too.
      const reached = back[depth]!
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = targets[e]!
        if (w === s || listed[e] === 1 || componentOf[w] !== component || (!allowAll && w < s)) continue
        listed[e] = 1
        listedEdges.push(e)
        if (listHead[w] === -1) touched.push(w)
        listNext.push(listHead[w]!)
        listValue.push(v)
        listHead[w] = listValue.length - 1
      }
      if (reached !== unreached) {
        work.push(v, reached)
        while (work.length > 0) {
          const distance = work.pop()!
          const u = work.pop()!
          const relaxed = maxLength - distance + 1
          if (lock[u]! >= relaxed) continue
          lock[u] = relaxed
          for (let item = listHead[u]!; item !== -1; item = listNext[item]!) {
            if (++steps > search.budget) {
              for (let k = 0; k <= depth; k++) onPath[path[k]!] = 0
              return { budgetExhausted: true, longerCyclesPossible, steps }
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
    for (const v of touched) {
      lock[v] = 0
      listHead[v] = -1
    }
    touched.length = 0
    for (const e of listedEdges) listed[e] = 0
    listedEdges.length = 0
    listNext = []
    listValue = []
  }
  return { budgetExhausted: false, longerCyclesPossible, steps }
}
