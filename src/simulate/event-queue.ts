/** Numbers per slot record in {@link EventQueue.data}. @internal */
export const slotWidth = 8

/**
 * The event queue: events keyed by (time, sequence number), where the sequence number
 * makes events at equal times come out in the order they were scheduled, which keeps
 * runs deterministic. A calendar of day buckets (Brown 1988) holds future days'
 * events in O(1) lists; only the current day's events sit in a binary min-heap, so the
 * heap stays small and warm in cache however long the latencies. Events at or beyond
 * the horizon are dropped (they would never be processed). Slots are pooled in typed
 * arrays, so a long run allocates almost nothing. O(1) to schedule a later day's
 * event, O(log d) per event of the current day (d events that day).
 * @internal
 */
export class EventQueue {
  /**
   * Slot records, {@link slotWidth} numbers each, kept together so that one event is one
   * cache line: time, type, actor, sender, experience, hops, sequence, next in bucket.
   */
  data: Float64Array
  private heap: Int32Array
  private heapTime: Float64Array
  private heapSequence: Float64Array
  private heapSize = 0
  private free: Int32Array
  private freeCount = 0
  private slotCount = 0
  private nextSequence = 0
  private readonly bucketHead: Int32Array
  private readonly bucketTail: Int32Array
  private currentDay = 0
  /** Events scheduled and not yet taken. */
  size = 0

  constructor(
    private readonly horizon: number,
    capacity = 1 << 14,
  ) {
    this.data = new Float64Array(capacity * slotWidth)
    this.heap = new Int32Array(capacity)
    this.heapTime = new Float64Array(capacity)
    this.heapSequence = new Float64Array(capacity)
    this.free = new Int32Array(capacity)
    this.bucketHead = new Int32Array(Math.max(1, horizon)).fill(-1)
    this.bucketTail = new Int32Array(Math.max(1, horizon)).fill(-1)
  }

  private grow(): void {
    const capacity = this.heap.length * 2
    const widen = <A extends Float64Array | Int32Array>(old: A, make: (n: number) => A): A => {
      const next = make(capacity)
      next.set(old)
      return next
    }
    const data = new Float64Array(capacity * slotWidth)
    data.set(this.data)
    this.data = data
    this.heap = widen(this.heap, (n) => new Int32Array(n))
    this.heapTime = widen(this.heapTime, (n) => new Float64Array(n))
    this.heapSequence = widen(this.heapSequence, (n) => new Float64Array(n))
    this.free = widen(this.free, (n) => new Int32Array(n))
  }

  /** Schedule an event (dropped when `time` is at or beyond the horizon). */
  push(time: number, type: number, actor: number, sender: number, experience: number, hops: number): void {
    if (!(time < this.horizon)) return
    let slot: number
    if (this.freeCount > 0) slot = this.free[--this.freeCount]!
    else {
      if (this.slotCount === this.heap.length) this.grow()
      slot = this.slotCount++
    }
    const sequence = this.nextSequence++
    const data = this.data
    const at = slot * slotWidth
    data[at] = time
    data[at + 1] = type
    data[at + 2] = actor
    data[at + 3] = sender
    data[at + 4] = experience
    data[at + 5] = hops
    data[at + 6] = sequence
    this.size++
    const day = Math.floor(time)
    if (day <= this.currentDay) {
      this.heapPush(slot, time, sequence)
      return
    }
    data[at + 7] = -1
    if (this.bucketHead[day] === -1) this.bucketHead[day] = slot
    else data[this.bucketTail[day]! * slotWidth + 7] = slot
    this.bucketTail[day] = slot
  }

  /** Take the earliest event; read its fields by slot, then {@link release} it. Call only when `size > 0`. */
  pop(): number {
    while (this.heapSize === 0) {
      // Move the next day's bucket into the heap.
      const day = ++this.currentDay
      if (day >= this.horizon) throw new Error('EventQueue.pop was called on an empty queue.')
      const data = this.data
      for (let slot = this.bucketHead[day]!; slot !== -1; slot = data[slot * slotWidth + 7]!) {
        this.heapPush(slot, data[slot * slotWidth]!, data[slot * slotWidth + 6]!)
      }
      this.bucketHead[day] = -1
    }
    this.size--
    return this.heapPop()
  }

  /** Return a popped slot to the pool. */
  release(slot: number): void {
    this.free[this.freeCount++] = slot
  }

  private heapPush(slot: number, time: number, sequence: number): void {
    const { heapTime, heapSequence, heap } = this
    let i = this.heapSize++
    while (i > 0) {
      const parent = (i - 1) >> 1
      const parentTime = heapTime[parent]!
      if (parentTime < time || (parentTime === time && heapSequence[parent]! < sequence)) break
      heapTime[i] = parentTime
      heapSequence[i] = heapSequence[parent]!
      heap[i] = heap[parent]!
      i = parent
    }
    heapTime[i] = time
    heapSequence[i] = sequence
    heap[i] = slot
  }

  private heapPop(): number {
    const { heapTime, heapSequence, heap } = this
    const top = heap[0]!
    const n = --this.heapSize
    const lastTime = heapTime[n]!
    const lastSequence = heapSequence[n]!
    const lastSlot = heap[n]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      let childTime = heapTime[child]!
      const right = child + 1
      if (right < n) {
        const rightTime = heapTime[right]!
        if (rightTime < childTime || (rightTime === childTime && heapSequence[right]! < heapSequence[child]!)) {
          child = right
          childTime = rightTime
        }
      }
      if (lastTime < childTime || (lastTime === childTime && lastSequence < heapSequence[child]!)) break
      heapTime[i] = childTime
      heapSequence[i] = heapSequence[child]!
      heap[i] = heap[child]!
      i = child
    }
    if (n > 0) {
      heapTime[i] = lastTime
      heapSequence[i] = lastSequence
      heap[i] = lastSlot
    }
    return top
  }
}
