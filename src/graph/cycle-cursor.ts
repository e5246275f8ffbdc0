import type { ActorAdjacency } from './adjacency.js'
import type { BoundedCycleEnd, BoundedCycleSearch, CycleView } from './bounded.js'
import type { ComponentIndex } from './components.js'
import { CycleLocks } from './cycle-locks.js'

const unreached = 0x3fffffff

/**
 * The bounded cycle search of {@link enumerateBoundedCycles} as a resumable state
 * machine: each {@link BoundedCycleCursor.findNext} call runs the search until it writes
 * the next cycle into its view (`path[0..length-1]`, `arcs[i]` the adjacency position of
 * the step from `path[i]`) and returns the cycle's length, or returns 0 once the search
 * has ended ({@link BoundedCycleCursor.end} then says how). A plain object rather than a
 * generator, so resuming costs a few field loads; every array is allocated once.
 *
 * Gupta & Suzumura 2021, "Finding All Bounded-Length Simple Cycles in a Directed
 * Graph": Johnson's search (1975) from each start `s` over actors above `s` in its
 * strongly connected component, where a lock (the depth below which an actor may still
 * be entered) replaces Johnson's blocked flag and is relaxed along recorded predecessor
 * lists when a search from an actor gets back to `s` (see {@link CycleLocks}). A start
 * with no step to a later actor of its component is skipped at once. Otherwise locks
 * start from a reverse breadth-first search from `s` to half the length bound (meeting
 * the forward search in the middle): an actor `d` steps from `s` starts at
 * `maxLength - d + 1`, one beyond that horizon at `maxLength - horizon`, and one that
 * cannot get back at all stays locked. An actor is recorded as a predecessor only when
 * it got back later than its distance allows, since only then can relaxing help it.
 *
 * O((c + 1) · L · (V + E)) time for `c` cycles of length at most `L` (the paper's bound)
 * and O(V + E) memory. Each edge visit or lock relaxation costs one unit of `budget`;
 * the O(V + E) preparation and the skip test (O(out-degree) per start) cost none.
 * @category Loops
 */
export class BoundedCycleCursor {
  /** How the search ended, once {@link findNext} has returned 0. */
  end: BoundedCycleEnd | undefined
  /**
   * The shallowest depth whose step (`arcs[depth]`) was written since the previous cycle
   * was returned (0 for the first), so the first `firstChanged` steps (`path` and `arcs`
   * before that depth) are as they were: a caller that builds something along the path
   * can keep what it built for those steps.
   */
  firstChanged = 0
  private readonly offsets: Int32Array
  private readonly targets: Int32Array
  private readonly componentOf: Int32Array
  private readonly componentSize: Int32Array
  private readonly locks: CycleLocks | undefined
  private readonly maxLength: number
  private readonly budget: number
  private readonly allowAll: boolean
  private readonly last: number
  private readonly onPath: Uint8Array
  private readonly path: Int32Array
  private readonly arcs: Int32Array
  /** Per depth: the next adjacency position to try. */
  private readonly cursor: Int32Array
  /** Per depth: fewest steps back to `s` found from that actor so far (`unreached`: none). */
  private readonly back: Int32Array
  private start: number
  /** Depth of the path's last actor; -1 between starts. */
  private depth = -1
  private steps = 0
  private longerCyclesPossible = false

  constructor(adjacency: ActorAdjacency, components: ComponentIndex, search: BoundedCycleSearch, view: CycleView) {
    const n = adjacency.actorCount
    this.offsets = adjacency.offsets
    this.targets = adjacency.targets
    this.componentOf = components.componentOf
    this.maxLength = Math.max(0, Math.floor(search.maxLength))
    this.budget = search.budget
    this.allowAll = search.through !== undefined
    this.start = (search.through ?? 0) - 1
    this.last = search.through ?? n - 1
    this.path = view.path
    this.arcs = view.arcs
    const empty = this.maxLength < 1 || n === 0
    if (empty) this.end = { budgetExhausted: false, longerCyclesPossible: n > 0, steps: 0 }
    const size = empty ? 0 : n
    this.componentSize = new Int32Array(empty ? 0 : components.count)
    for (let v = 0; v < size; v++) this.componentSize[this.componentOf[v]!]!++
    const searchDepth = Math.max(1, Math.min(this.maxLength - 1, Math.ceil(this.maxLength / 2)))
    this.locks = empty ? undefined : new CycleLocks(adjacency, this.componentOf, this.maxLength, searchDepth)
    this.onPath = new Uint8Array(size)
    const depthCap = Math.min(this.maxLength, size)
    this.cursor = new Int32Array(depthCap)
    this.back = new Int32Array(depthCap)
  }

  /**
   * Run the search to its next cycle and return the cycle's length (the cycle is in the
   * view until the next call), or 0 when the search has ended.
   */
  findNext(): number {
    const locks = this.locks
    if (this.end !== undefined || locks === undefined) return 0
    const { offsets, targets, componentOf, onPath, path, arcs, cursor, back, maxLength, budget, last, allowAll } = this
    const { stamp, lock } = locks
    let { start: s, depth, steps } = this
    let changed = maxLength
    let component = s >= 0 ? componentOf[s]! : -1
    for (;;) {
      if (depth < 0) {
        if (++s > last) return this.finish(false, steps, -1)
        this.start = s
        component = componentOf[s]!
        const componentSize = this.componentSize[component]!
        if (componentSize > maxLength) this.longerCyclesPossible = true
        // Skip a start with no step to a later actor of its component (nor to itself).
        let open = false
        for (let e = offsets[s]!; e < offsets[s + 1]! && !open; e++) {
          const w = targets[e]!
          open = w === s || (componentSize > 1 && componentOf[w] === component && (allowAll || w > s))
        }
        if (!open) continue
        if (componentSize === 1) locks.beginAlone(s)
        else if ((steps = locks.begin(s, allowAll, steps, budget)) > budget) return this.finish(true, steps, -1)
        depth = 0
        path[0] = s
        cursor[0] = offsets[s]!
        back[0] = unreached
        onPath[s] = 1
      }
      const horizon = locks.horizon
      while (depth >= 0) {
        const v = path[depth]!
        const end = offsets[v + 1]!
        let edge = cursor[depth]!
        for (; edge < end; edge++) {
          if (++steps > budget) return this.finish(true, steps, depth)
          const w = targets[edge]!
          if (w === s) break
          if (stamp[w] !== s) {
            if (horizon === 0 || componentOf[w] !== component || (!allowAll && w < s)) continue
            locks.admit(w, s)
          }
          // Locks never exceed `maxLength`, so this also keeps the path within it.
          if (onPath[w] === 0 && depth + 1 < lock[w]!) break
        }
        if (edge < end) {
          cursor[depth] = edge + 1
          arcs[depth] = edge
          if (depth < changed) changed = depth
          const w = targets[edge]!
          if (w === s) {
            back[depth] = 1
            this.depth = depth
            this.steps = steps
            this.firstChanged = changed
            return depth + 1
          }
          depth++
          path[depth] = w
          cursor[depth] = offsets[w]!
          back[depth] = unreached
          onPath[w] = 1
          lock[w] = depth
          continue
        }
        // Finished `v`.
        const reached = back[depth]!
        if (reached !== unreached && (steps = locks.relax(v, reached, onPath, steps, budget)) > budget) {
          return this.finish(true, steps, depth)
        }
        if (depth > 0 && reached > locks.distance[v]!) locks.record(v, reached, s)
        onPath[v] = 0
        depth--
        if (depth >= 0 && reached !== unreached && reached + 1 < back[depth]!) back[depth] = reached + 1
      }
    }
  }

  /** End the search: clear the `onPath` marks of `path[0..depth]` so no trace is left, and return 0. */
  private finish(budgetExhausted: boolean, steps: number, depth: number): number {
    for (let k = 0; k <= depth; k++) this.onPath[this.path[k]!] = 0
    this.steps = steps
    this.depth = -1
    this.end = { budgetExhausted, longerCyclesPossible: this.longerCyclesPossible, steps }
    return 0
  }
}
