/**
 * A binary min-heap of actor indices keyed by a number (Dijkstra's frontier). Entries
 * are not decreased in place: a smaller key is pushed again and stale entries are
 * skipped by the caller (lazy deletion). Push and pop are O(log n).
 * @category Graph
 */
export class IndexHeap {
  private keys: Float64Array
  private items: Int32Array
  private count = 0

  constructor(capacity = 16) {
    this.keys = new Float64Array(Math.max(1, capacity))
    this.items = new Int32Array(Math.max(1, capacity))
  }

  /** How many entries the heap holds. */
  get size(): number {
    return this.count
  }

  /** Add `item` with priority `key`. */
  push(item: number, key: number): void {
    if (this.count === this.items.length) {
      const keys = new Float64Array(this.count * 2)
      const items = new Int32Array(this.count * 2)
      keys.set(this.keys)
      items.set(this.items)
      this.keys = keys
      this.items = items
    }
    let i = this.count++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (this.keys[parent]! <= key) break
      this.keys[i] = this.keys[parent]!
      this.items[i] = this.items[parent]!
      i = parent
    }
    this.keys[i] = key
    this.items[i] = item
  }

  /** Remove every entry, keeping the storage. */
  clear(): void {
    this.count = 0
  }

  /** The smallest key (call only when not empty). */
  peekKey(): number {
    return this.keys[0]!
  }

  /** Remove and return the item with the smallest key (call only when not empty). */
  pop(): number {
    const top = this.items[0]!
    const key = this.keys[--this.count]!
    const item = this.items[this.count]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= this.count) break
      if (child + 1 < this.count && this.keys[child + 1]! < this.keys[child]!) child++
      if (this.keys[child]! >= key) break
      this.keys[i] = this.keys[child]!
      this.items[i] = this.items[child]!
      i = child
    }
    this.keys[i] = key
    this.items[i] = item
    return top
  }
}
