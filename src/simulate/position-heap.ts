/**
 * A binary min-heap of positions into an array of times, ordered by (time, position):
 * positions are handed out in scheduling order, so equal times come out in the order
 * they were scheduled. Holds the events scheduled into the day already running.
 * O(log h) per push and pop for h positions held; allocation-free once grown.
 * @internal
 */
export class PositionHeap {
  private heap = new Int32Array(64)
  /** Positions held. */
  size = 0

  /** The position with the earliest (time, position); call only when `size > 0`. */
  top(): number {
    return this.heap[0]!
  }

  /** Add `position`, whose time is `times[position]`. */
  push(times: Float64Array, position: number): void {
    if (this.size === this.heap.length) {
      const heap = new Int32Array(this.heap.length * 2)
      heap.set(this.heap)
      this.heap = heap
    }
    const { heap } = this
    const time = times[position]!
    let i = this.size++
    while (i > 0) {
      const parent = (i - 1) >> 1
      const above = heap[parent]!
      if (times[above]! < time || (times[above] === time && above < position)) break
      heap[i] = above
      i = parent
    }
    heap[i] = position
  }

  /** Remove the top position; call only when `size > 0`. */
  pop(times: Float64Array): void {
    const { heap } = this
    const n = --this.size
    const last = heap[n]!
    const lastTime = times[last]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      const right = child + 1
      if (right < n && (times[heap[right]!]! < times[heap[child]!]! || (times[heap[right]!] === times[heap[child]!] && heap[right]! < heap[child]!))) {
        child = right
      }
      const below = heap[child]!
      if (lastTime < times[below]! || (lastTime === times[below] && last < below)) break
      heap[i] = below
      i = child
    }
    heap[i] = last
  }
}
