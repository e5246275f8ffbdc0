import type { ItemEvents } from './item.js'
import { grown } from '../graph/grow.js'
import { IndexHeap } from '../graph/heap.js'

/**
 * The events of the items still open, by item id, kept in typed arrays rather than an
 * array per item: each event is (time, row, type) in a pool, linked to the next event
 * of its item, and the slots of settled items and their events are reused. So a long
 * log costs the garbage collector nothing per item, and memory follows the events of
 * open items. Items wait in a heap by their latest time, so settling looks only at
 * items that may be due, not at every open item. `add` is O(1) (O(log n) for a new
 * item); settling is O((d + r) log n) for d items due and r looked at again.
 * @internal
 */
export class OpenItems {
  private readonly slots = new Map<string, number>()
  private ids: string[] = []
  private latest = new Float64Array(256)
  /** When each slot's item was opened (a count): the order items are settled in. */
  private opened = new Float64Array(256)
  private first = new Int32Array(256)
  private last = new Int32Array(256)
  private freeSlots: number[] = []
  private slotsMade = 0
  private itemsOpened = 0
  /** A binary heap of open slots by the latest time each had when it went in. */
  private readonly heap = new IndexHeap(256)
  private times = new Float64Array(1024)
  private rows = new Float64Array(1024)
  private types = new Int32Array(1024)
  private following = new Int32Array(1024)
  /** The first free event of the pool (a list through `following`), or -1. */
  private freeEvent = -1
  /** Events of the pool ever used (those past it are free too). */
  private used = 0
  private readonly gathered: number[] = []

  /** How many items are open. */
  get size(): number {
    return this.slots.size
  }

  /** Add an event (time in days, row, type index) to an item, opening it if need be. */
  add(id: string, time: number, row: number, type: number): void {
    const event = this.newEvent()
    this.times[event] = time
    this.rows[event] = row
    this.types[event] = type
    this.following[event] = -1
    const slot = this.slots.get(id)
    if (slot === undefined) {
      const opened = this.newSlot()
      this.slots.set(id, opened)
      this.ids[opened] = id
      this.opened[opened] = this.itemsOpened++
      this.latest[opened] = time
      this.first[opened] = event
      this.last[opened] = event
      this.heap.push(opened, time)
      return
    }
    if (time > this.latest[slot]!) this.latest[slot] = time
    this.following[this.last[slot]!] = event
    this.last[slot] = event
  }

  /**
   * Close every item whose latest event is before `cutoff` (all of them without one),
   * in the order they were opened, giving each to `visit` with its events as
   * {@link ItemEvents} (valid only during the call). An event added later for the same
   * id opens a new item.
   */
  settle(visit: (id: string, events: ItemEvents) => void, cutoff = Infinity): void {
    const due: number[] = []
    if (cutoff === Infinity) {
      for (const slot of this.slots.values()) due.push(slot)
      this.heap.clear()
    } else {
      while (this.heap.size > 0 && this.heap.peekKey() < cutoff) {
        const slot = this.heap.pop()
        // The item may have had events since it went in: then it waits again.
        if (this.latest[slot]! < cutoff) due.push(slot)
        else this.heap.push(slot, this.latest[slot]!)
      }
      due.sort((a, b) => this.opened[a]! - this.opened[b]!)
    }
    for (const slot of due) {
      const id = this.ids[slot]!
      this.slots.delete(id)
      this.ids[slot] = ''
      const events = this.gathered
      events.length = 0
      events.push(this.latest[slot]!)
      for (let event = this.first[slot]!; event >= 0; ) {
        events.push(this.times[event]!, this.rows[event]!, this.types[event]!)
        const next = this.following[event]!
        this.following[event] = this.freeEvent
        this.freeEvent = event
        event = next
      }
      this.freeSlots.push(slot)
      visit(id, events)
    }
  }

  private newEvent(): number {
    if (this.freeEvent >= 0) {
      const event = this.freeEvent
      this.freeEvent = this.following[event]!
      return event
    }
    if (this.used === this.times.length) {
      const size = this.used * 2
      this.times = grown(this.times, size)
      this.rows = grown(this.rows, size)
      this.types = grown(this.types, size)
      this.following = grown(this.following, size)
    }
    return this.used++
  }

  private newSlot(): number {
    const free = this.freeSlots.pop()
    if (free !== undefined) return free
    if (this.slotsMade === this.latest.length) {
      const size = this.slotsMade * 2
      this.latest = grown(this.latest, size)
      this.opened = grown(this.opened, size)
      this.first = grown(this.first, size)
      this.last = grown(this.last, size)
    }
    return this.slotsMade++
  }
}
