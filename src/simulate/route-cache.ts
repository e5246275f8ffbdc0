/** Marks an empty slot (no actor has a negative index). */
const empty = -1

/**
 * A map from (sender, raiser) pairs of actor indices to route handles: open
 * addressing in typed arrays (linear probing, load at most 1/2), so a lookup is a
 * couple of array reads and the table holds no objects. Cleared whenever an
 * intervention changes the network. O(1) expected per operation, amortised over growth.
 * @internal
 */
export class RouteCache {
  private senders = new Int32Array(1 << 10).fill(empty)
  private raisers = new Int32Array(1 << 10)
  private handles = new Int32Array(1 << 10)
  private bits = 10
  private size = 0

  /** The handle stored for the pair, or `undefined`. */
  get(sender: number, raiser: number): number | undefined {
    const mask = this.senders.length - 1
    for (let slot = slotOf(sender, raiser, this.bits); ; slot = (slot + 1) & mask) {
      const found = this.senders[slot]!
      if (found === empty) return undefined
      if (found === sender && this.raisers[slot] === raiser) return this.handles[slot]!
    }
  }

  /** Store a handle for a pair not yet in the cache. */
  set(sender: number, raiser: number, handle: number): void {
    if ((this.size + 1) * 2 > this.senders.length) this.resize(this.bits + 1)
    this.place(sender, raiser, handle)
    this.size++
  }

  /** Forget every pair. */
  clear(): void {
    this.senders.fill(empty)
    this.size = 0
  }

  private place(sender: number, raiser: number, handle: number): void {
    const mask = this.senders.length - 1
    let slot = slotOf(sender, raiser, this.bits)
    while (this.senders[slot] !== empty) slot = (slot + 1) & mask
    this.senders[slot] = sender
    this.raisers[slot] = raiser
    this.handles[slot] = handle
  }

  private resize(bits: number): void {
    const { senders, raisers, handles } = this
    this.bits = bits
    this.senders = new Int32Array(1 << bits).fill(empty)
    this.raisers = new Int32Array(1 << bits)
    this.handles = new Int32Array(1 << bits)
    for (let slot = 0; slot < senders.length; slot++) {
      if (senders[slot] !== empty) this.place(senders[slot]!, raisers[slot]!, handles[slot]!)
    }
  }
}

/** Fibonacci hashing of the pair: the top `bits` bits of a multiplicative mix. */
const slotOf = (sender: number, raiser: number, bits: number): number =>
  Math.imul(Math.imul(sender, 0x9e3779b1) ^ raiser, 0x85ebca6b) >>> (32 - bits)
