import { type ActorAdjacency, reverseAdjacency } from './adjacency.js'
import { grown } from './grow.js'

/**
 * The locks of the bounded cycle search (Gupta & Suzumura 2021) for one start `s` at a
 * time, kept in typed arrays allocated once. For the current start, `lock[v]`,
 * `distance[v]` and the predecessor list of `v` hold only where `stamp[v] === s`;
 * elsewhere `v` is locked (it cannot get back to `s` in time). `lock[v]` is the depth
 * below which the search may still enter `v`; it never exceeds `maxLength`.
 * `distance[v]` is a lower bound on the steps from `v` back to `s` (exact within the
 * reverse search's horizon).
 * @category Loops
 */
export class CycleLocks {
  readonly stamp: Int32Array
  readonly lock: Int32Array
  readonly distance: Int32Array
  /** Reverse distance past which actors were not searched, or 0 when every actor that can get back was found. */
  horizon = 0
  private readonly listHead: Int32Array
  private listNext: Int32Array = new Int32Array(64)
  private listValue: Int32Array = new Int32Array(64)
  private listSize = 0
  private readonly edgeListed: Int32Array
  private readonly reverse: ActorAdjacency
  private readonly queue: Int32Array
  /** Pending relaxations, as pairs (actor, steps back to the start): a stack. */
  private work: Int32Array = new Int32Array(64)

  constructor(
    private readonly adjacency: ActorAdjacency,
    private readonly componentOf: Int32Array,
    private readonly maxLength: number,
    /** How deep the reverse search goes (at most `maxLength - 1`). */
    private readonly searchDepth: number,
  ) {
    const n = adjacency.actorCount
    this.stamp = new Int32Array(n).fill(-1)
    this.lock = new Int32Array(n)
    this.distance = new Int32Array(n)
    this.listHead = new Int32Array(n)
    this.queue = new Int32Array(n)
    this.edgeListed = new Int32Array(adjacency.targets.length).fill(-1)
    this.reverse = reverseAdjacency(adjacency)
  }

  /**
   * Begin start `s`: a reverse breadth-first search from `s` over the actors it may visit
   * (its component; above `s` unless `allowAll`), to depth `searchDepth`, stamping each
   * actor found `d` steps away with lock `maxLength - d + 1`. Each edge visit adds one to
   * `steps`; returns the new count (stopping as soon as it exceeds `budget`).
   */
  begin(s: number, allowAll: boolean, steps: number, budget: number): number {
    const { componentOf, stamp, distance, lock, listHead, queue, maxLength, searchDepth } = this
    const { offsets, targets } = this.reverse
    const component = componentOf[s]!
    stamp[s] = s
    distance[s] = 0
    lock[s] = 0
    listHead[s] = -1
    this.listSize = 0
    this.horizon = 0
    let head = 0
    let tail = 0
    queue[tail++] = s
    while (head < tail) {
      const v = queue[head++]!
      const next = distance[v]! + 1
      if (next >= maxLength) continue
      if (next > searchDepth) {
        this.horizon = searchDepth
        continue
      }
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        if (++steps > budget) return steps
        const u = targets[e]!
        if (stamp[u] === s || componentOf[u] !== component || (!allowAll && u < s)) continue
        stamp[u] = s
        distance[u] = next
        lock[u] = maxLength - next + 1
        listHead[u] = -1
        queue[tail++] = u
      }
    }
    return steps
  }

  /** Begin start `s`, alone in its component: only `s` itself is stamped. */
  beginAlone(s: number): void {
    this.stamp[s] = s
    this.distance[s] = 0
    this.lock[s] = 0
    this.listHead[s] = -1
    this.listSize = 0
    this.horizon = 0
  }

  /**
   * Stamp `w`, an actor beyond the reverse search's horizon, for start `s`: it may get
   * back, in more than `horizon` steps.
   */
  admit(w: number, s: number): void {
    this.stamp[w] = s
    this.distance[w] = this.horizon + 1
    this.lock[w] = this.maxLength - this.horizon
    this.listHead[w] = -1
  }

  /**
   * `v` got back to `s` in `reached` steps: raise its lock to `maxLength - reached + 1`
   * and, along recorded predecessor lists, the locks of actors off the path that can now
   * get back through it. Each list item visited adds one to `steps`; returns the new count
   * (stopping as soon as it exceeds `budget`).
   */
  relax(v: number, reached: number, onPath: Uint8Array, steps: number, budget: number): number {
    const { lock, listHead, listNext, listValue, maxLength } = this
    // Most calls find the lock already high enough: answer them without the stack.
    if (lock[v]! >= maxLength - reached + 1) return steps
    let work = this.work
    work[0] = v
    work[1] = reached
    let top = 2
    while (top > 0) {
      const hops = work[--top]!
      const u = work[--top]!
      const relaxed = maxLength - hops + 1
      if (lock[u]! >= relaxed) continue
      lock[u] = relaxed
      for (let item = listHead[u]!; item !== -1; item = listNext[item]!) {
        if (++steps > budget) return steps
        const predecessor = listValue[item]!
        if (onPath[predecessor] === 0 && lock[predecessor]! < relaxed - 1) {
          if (top + 2 > work.length) work = this.work = grown(work, work.length * 2)
          work[top++] = predecessor
          work[top++] = hops + 1
        }
      }
    }
    return steps
  }

  /**
   * `v` finished without getting back in `reached` steps or fewer, where its distance
   * allowed better: record it as a predecessor of each actor it steps to that could yet
   * offer a shorter way back, so that relaxing that actor later relaxes `v` too. (Not
   * counted against the budget: the search has just visited these edges.)
   */
  record(v: number, reached: number, s: number): void {
    const { offsets, targets } = this.adjacency
    const { stamp, distance, edgeListed, listHead } = this
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = targets[e]!
      if (stamp[w] !== s || edgeListed[e] === s || distance[w]! + 1 >= reached) continue
      edgeListed[e] = s
      if (this.listSize === this.listValue.length) {
        this.listNext = grown(this.listNext, this.listSize * 2)
        this.listValue = grown(this.listValue, this.listSize * 2)
      }
      this.listNext[this.listSize] = listHead[w]!
      this.listValue[this.listSize] = v
      listHead[w] = this.listSize++
    }
  }
}
