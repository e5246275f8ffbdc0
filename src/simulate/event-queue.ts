import { PositionHeap } from './position-heap.js'
import { TimeSorter } from './time-sort.js'

/** Integer fields stored per event: type, actor, sender, experience, hops. */
const fieldsPerEvent = 5

/** Events of one day, in the order they were scheduled, in typed arrays. */
interface DayBlock {
  day: number
  times: Float64Array
  /** The same memory as `times`, as 32-bit words (for the radix sort). */
  words: Uint32Array
  fields: Int32Array
  count: number
}

const newBlock = (capacity: number): DayBlock => {
  const times = new Float64Array(capacity)
  return { day: -1, times, words: new Uint32Array(times.buffer), fields: new Int32Array(capacity * fieldsPerEvent), count: 0 }
}

const widen = (block: DayBlock, capacity: number): void => {
  const times = new Float64Array(capacity)
  times.set(block.times)
  const fields = new Int32Array(times.length * fieldsPerEvent)
  fields.set(block.fields)
  block.times = times
  block.words = new Uint32Array(times.buffer)
  block.fields = fields
}

/**
 * The event queue: events come out in (time, scheduling order) order, which keeps runs
 * deterministic. A calendar queue with one bucket per day (Brown 1988): an event for a
 * later day is appended to that day's block of typed arrays in O(1); when a day
 * starts, its block is sorted by time once with a stable sort on the times' bits
 * ({@link TimeSorter}; equal times keep scheduling order) and its events are gathered
 * in that order into arrays read straight through. Events scheduled into the day
 * already running go to a small binary heap keyed by (time, position), merged with the
 * sorted day as they are taken; they were scheduled after everything in the day's
 * block, so the block wins ties. Events at or beyond the horizon are dropped (they
 * would never be processed). Blocks are reused from day to day, so a long run
 * allocates almost nothing and no event is an object. O(1) to schedule a later day's
 * event, O(1) expected to take one (O(log h) for an event of the running day, h of
 * them pending).
 * @internal
 */
export class EventQueue {
  /** Fields of the event last taken by {@link take}. */
  time = 0
  type = 0
  actor = 0
  sender = 0
  /** The engine stores its experience's live slot here. */
  experience = 0
  hops = 0
  /** Events scheduled and not yet taken. */
  size = 0
  /** Blocks of coming days, by day modulo the ring's length (a power of two). */
  private readonly ring: Array<DayBlock | undefined>
  private readonly ringMask: number
  /** Blocks of days whose ring place is taken by an earlier day (latencies longer than the ring). */
  private readonly overflow = new Map<number, DayBlock>()
  private readonly spareBlocks: DayBlock[] = []
  private readonly sorter = new TimeSorter()
  private blockCapacity = 64
  /** The day being taken (-1 before the first). */
  private day = -1
  /** The running day's scheduled events, sorted: times and fields gathered in order, read straight through. */
  private dayTimes: Float64Array = new Float64Array(0)
  private dayFields = new Int32Array(64 * fieldsPerEvent)
  private cursor = 0
  private dayLength = 0
  /** Events scheduled into the running day, and the heap of their positions. */
  private readonly today: DayBlock = newBlock(64)
  private readonly heap = new PositionHeap()

  constructor(private readonly horizon: number) {
    let length = 16
    while (length < horizon && length < 2 ** 16) length *= 2
    this.ring = new Array<DayBlock | undefined>(length)
    this.ringMask = length - 1
  }

  /** Schedule an event (dropped when `time` is at or beyond the horizon). */
  push(time: number, type: number, actor: number, sender: number, experience: number, hops: number): void {
    if (!(time < this.horizon)) return
    // + 0 turns -0 into 0, whose bits sort with the other non-negative times.
    const at = time + 0
    const day = Math.floor(at)
    const running = day <= this.day
    const block = running ? this.today : this.blockOf(day)
    const index = block.count++
    if (index === block.times.length) {
      // New blocks start as large as the largest so far: days tend to hold similar numbers of events.
      this.blockCapacity = Math.max(this.blockCapacity, index * 2)
      widen(block, index * 2)
    }
    block.times[index] = at
    const fields = block.fields
    const base = index * fieldsPerEvent
    fields[base] = type
    fields[base + 1] = actor
    fields[base + 2] = sender
    fields[base + 3] = experience
    fields[base + 4] = hops
    this.size++
    if (running) this.heap.push(block.times, index)
  }

  /** Take the earliest event into {@link time}, {@link type} and the other fields; `false` when the queue is empty. */
  take(): boolean {
    if (this.size === 0) return false
    for (;;) {
      const inDay = this.cursor < this.dayLength
      if (this.heap.size > 0) {
        const top = this.heap.top()
        if (!inDay || this.today.times[top]! < this.dayTimes[this.cursor]!) {
          this.read(this.today.times, this.today.fields, top)
          this.heap.pop(this.today.times)
          break
        }
      }
      if (inDay) {
        this.read(this.dayTimes, this.dayFields, this.cursor++)
        break
      }
      this.startNextDay()
    }
    this.size--
    return true
  }

  private read(times: Float64Array, fields: Int32Array, index: number): void {
    const base = index * fieldsPerEvent
    this.time = times[index]!
    this.type = fields[base]!
    this.actor = fields[base + 1]!
    this.sender = fields[base + 2]!
    this.experience = fields[base + 3]!
    this.hops = fields[base + 4]!
  }

  private blockOf(day: number): DayBlock {
    if (this.overflow.size > 0) {
      const waiting = this.overflow.get(day)
      if (waiting !== undefined) return waiting
    }
    const slot = day & this.ringMask
    const existing = this.ring[slot]
    if (existing !== undefined && existing.day === day) return existing
    const block = this.spareBlocks.pop() ?? newBlock(this.blockCapacity)
    block.count = 0
    block.day = day
    if (existing === undefined) this.ring[slot] = block
    else this.overflow.set(day, block)
    return block
  }

  /** Called when the running day has nothing left: move to the next day with events and sort its block. */
  private startNextDay(): void {
    this.today.count = 0
    let block: DayBlock | undefined
    do {
      const day = ++this.day
      if (day >= this.horizon) throw new Error('EventQueue.take found no event although its size is positive.')
      const slot = day & this.ringMask
      block = this.ring[slot]
      if (block !== undefined && block.day === day) this.ring[slot] = undefined
      else if (this.overflow.size > 0 && (block = this.overflow.get(day)) !== undefined) this.overflow.delete(day)
      else block = undefined
    } while (block === undefined)
    // Gather the day's events in time order in one tight pass, so taking them reads memory straight through.
    const n = block.count
    const order = this.sorter.sort(block.times, block.words, n)
    if (this.dayFields.length < n * fieldsPerEvent) this.dayFields = new Int32Array(Math.max(n, this.dayFields.length / fieldsPerEvent * 2) * fieldsPerEvent)
    const from = block.fields
    const to = this.dayFields
    for (let i = 0; i < n; i++) {
      const source = order[i]! * fieldsPerEvent
      const target = i * fieldsPerEvent
      to[target] = from[source]!
      to[target + 1] = from[source + 1]!
      to[target + 2] = from[source + 2]!
      to[target + 3] = from[source + 3]!
      to[target + 4] = from[source + 4]!
    }
    this.dayTimes = this.sorter.sortedTimes
    this.spareBlocks.push(block)
    this.cursor = 0
    this.dayLength = n
  }
}
