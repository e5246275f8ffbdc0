const empty = -1

/**
 * Which actors have already handled which experience (and in which lane): an
 * open-addressing hash set of numeric keys in a `Float64Array` (linear probing,
 * Fibonacci hashing, load at most 1/3), so a run allocates nothing per experience. Keys of
 * experiences that have finished (nothing about them in flight) are dropped whenever
 * the table fills, so memory follows the experiences in flight rather than the
 * length of the run. O(1) expected per operation, amortised.
 * @internal
 */
export class VisitSet {
  private keys: Float64Array
  private mask: number
  private shift: number
  private size = 0

  /**
   * @param keysPerExperience - the span of keys one experience uses (`actors × 4`).
   * @param isLive - whether an experience still has messages in flight.
   */
  constructor(
    private readonly keysPerExperience: number,
    private readonly isLive: (experience: number) => boolean,
    capacity = 1 << 12,
  ) {
    this.keys = new Float64Array(capacity).fill(empty)
    this.mask = capacity - 1
    this.shift = Math.clz32(capacity) + 1
  }

  private slotOf(key: number): number {
    // Fibonacci hashing of the low and high words (keys can exceed 2^32): the top bits of the product.
    const low = key >>> 0
    const high = (key / 4294967296) >>> 0
    return Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> this.shift
  }

  /** Whether the key is present. */
  has(key: number): boolean {
    const keys = this.keys
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const found = keys[slot]!
      if (found === key) return true
      if (found === empty) return false
    }
  }

  /** Add the key; returns `false` when it was already present. */
  add(key: number): boolean {
    if ((this.size + 1) * 3 > this.keys.length) this.rebuild()
    const keys = this.keys
    let slot = this.slotOf(key)
    for (; ; slot = (slot + 1) & this.mask) {
      const found = keys[slot]!
      if (found === key) return false
      if (found === empty) break
    }
    keys[slot] = key
    this.size++
    return true
  }

  /** Drop keys of finished experiences; grow when most keys are still live. */
  private rebuild(): void {
    const old = this.keys
    let live = 0
    for (let slot = 0; slot < old.length; slot++) {
      const key = old[slot]!
      if (key !== empty && this.isLive(Math.floor(key / this.keysPerExperience))) live++
    }
    const capacity = live * 6 > old.length ? old.length * 2 : old.length
    this.keys = new Float64Array(capacity).fill(empty)
    this.mask = capacity - 1
    this.shift = Math.clz32(capacity) + 1
    this.size = 0
    for (let slot = 0; slot < old.length; slot++) {
      const key = old[slot]!
      if (key !== empty && this.isLive(Math.floor(key / this.keysPerExperience))) this.add(key)
    }
  }
}
