/** Integers per live experience record in {@link LiveExperiences.records}: one 64-byte cache line. @internal */
export const liveWidth = 16
/** The experience's number. @internal */
export const experienceField = 0
/** The actor who raised it. @internal */
export const originField = 1
/** Messages about it in flight or waiting for capacity. @internal */
export const pendingField = 2
/** Its level (the raiser's lowest). @internal */
export const levelField = 3
/** Its visit set: where a hashed set starts in the arena, its size (log2; 0 while the keys fit in the record), its number of keys. */
const visitStartField = 4
const visitBitsField = 5
const visitCountField = 6
/** Keys kept in the record itself before the set moves to the arena. */
const inlineField = 7
const inlineKeys = liveWidth - inlineField
/** Slots (log2) of a set when it leaves the record. */
const firstArenaBits = 5

/**
 * How far an item's chain has gone, as a *lane*: its chain level (0 heard, 1 decided,
 * 2 did) and whether it has passed an asset held by an actor other than the item's
 * raiser (`away`, 0 or 1), as the traced loop's search nodes: a reply the raiser writes
 * itself comes back only on an away lane. @internal
 */
export const laneOf = (level: number, away: number): number => level * 2 + away
/** Lanes an item can be at a state in: the visit key of (state, lane) is `state * lanesPerState + lane`. @internal */
export const lanesPerState = 6
/** Per lane, the mask of the lanes that cover it (as far or further, and away if it is): a visit in one has done all a visit in it could. */
const coveringLanes = Int32Array.from({ length: lanesPerState }, (_, lane) => {
  let mask = 0
  for (let other = 0; other < lanesPerState; other++) if (other >> 1 >= lane >> 1 && (other & 1) >= (lane & 1)) mask |= 1 << other
  return mask
})

/**
 * The experiences with messages in flight: one record each (a 64-byte line holding the
 * experience's number, raiser, pending count, level and which actors have already
 * handled it, in which lane), so handling a message touches one cache line for its
 * experience. Records are recycled as soon as nothing about an experience is in flight,
 * so memory follows the experiences in flight, not the length of the run. Up to nine
 * visit keys sit in the record and are scanned; beyond that they move to a small
 * open-addressing hash set (linear probing, Fibonacci hashing, load at most 3/4)
 * carved from one `Int32Array` arena in power-of-two size classes with free lists.
 * O(1) expected per operation, amortised over growth.
 * @internal
 */
export class LiveExperiences {
  records = new Int32Array(1024 * liveWidth)
  private top = 0
  private readonly freeRecords: number[] = []
  private arena = new Int32Array(1 << 14)
  private arenaTop = 0
  /** Free arena regions by size class (log2 of their slots). */
  private readonly freeRegions: number[][] = []

  /** Start a record for experience `x`; returns its slot. */
  open(x: number, origin: number, level: number): number {
    let slot = this.freeRecords.pop()
    if (slot === undefined) {
      slot = this.top++
      if (slot * liveWidth === this.records.length) {
        const records = new Int32Array(this.records.length * 2)
        records.set(this.records)
        this.records = records
      }
    }
    const at = slot * liveWidth
    const records = this.records
    records[at + experienceField] = x
    records[at + originField] = origin
    records[at + pendingField] = 0
    records[at + levelField] = level
    records[at + visitBitsField] = 0
    records[at + visitCountField] = 0
    return slot
  }

  /** Recycle the record at `slot` (nothing about its experience is in flight any more). */
  release(slot: number): void {
    const at = slot * liveWidth
    const bits = this.records[at + visitBitsField]!
    if (bits > 0) this.freeRegion(this.records[at + visitStartField]!, bits)
    this.freeRecords.push(slot)
  }

  /**
   * Mark that the experience at `slot` is at `state` in `lane` ({@link laneOf}): -1 when
   * it was there already in a lane that covers it, else the mask of the lanes it was
   * there in before (0: never).
   */
  enter(slot: number, state: number, lane: number): number {
    const seen = this.lanesAt(slot, state * lanesPerState)
    if ((seen & coveringLanes[lane]!) !== 0) return -1
    this.visit(slot, state * lanesPerState + lane)
    return seen
  }

  /**
   * Which of the keys `base + lane` are in the visit set at `slot`, as a mask of lanes:
   * one scan of the record's keys, or a probe per lane once the set has left the record.
   */
  private lanesAt(slot: number, base: number): number {
    const records = this.records
    const at = slot * liveWidth
    const bits = records[at + visitBitsField]!
    let mask = 0
    if (bits === 0) {
      for (let i = at + inlineField, end = i + records[at + visitCountField]!; i < end; i++) {
        const lane = records[i]! - base - 1
        if (lane >= 0 && lane < lanesPerState) mask |= 1 << lane
      }
      return mask
    }
    const start = records[at + visitStartField]!
    const arena = this.arena
    const hashMask = (1 << bits) - 1
    for (let lane = 0; lane < lanesPerState; lane++) {
      const stored = base + lane + 1
      for (let position = Math.imul(stored, 0x9e3779b1) >>> (32 - bits); ; position = (position + 1) & hashMask) {
        const found = arena[start + position]!
        if (found === stored) {
          mask |= 1 << lane
          break
        }
        if (found === 0) break
      }
    }
    return mask
  }

  /** Add `key` (a non-negative integer below 2^31 - 1) to the visit set at `slot`; `false` when it was there already. */
  visit(slot: number, key: number): boolean {
    const records = this.records
    const at = slot * liveWidth
    const stored = key + 1
    const count = records[at + visitCountField]!
    const bits = records[at + visitBitsField]!
    if (bits === 0) {
      for (let i = at + inlineField, end = i + count; i < end; i++) if (records[i] === stored) return false
      records[at + visitCountField] = count + 1
      if (count < inlineKeys) {
        records[at + inlineField + count] = stored
        return true
      }
      // The record is full: move its keys to a hashed set.
      const start = this.allocate(firstArenaBits)
      for (let i = 0; i < inlineKeys; i++) this.insert(start, firstArenaBits, records[at + inlineField + i]!)
      this.insert(start, firstArenaBits, stored)
      records[at + visitStartField] = start
      records[at + visitBitsField] = firstArenaBits
      return true
    }
    const start = records[at + visitStartField]!
    const arena = this.arena
    const mask = (1 << bits) - 1
    let position = Math.imul(stored, 0x9e3779b1) >>> (32 - bits)
    for (; ; position = (position + 1) & mask) {
      const found = arena[start + position]!
      if (found === stored) return false
      if (found === 0) break
    }
    records[at + visitCountField] = count + 1
    if ((count + 1) * 4 <= (mask + 1) * 3) {
      arena[start + position] = stored
      return true
    }
    const grown = this.allocate(bits + 1)
    for (let old = 0; old <= mask; old++) {
      const moving = this.arena[start + old]!
      if (moving !== 0) this.insert(grown, bits + 1, moving)
    }
    this.insert(grown, bits + 1, stored)
    this.freeRegion(start, bits)
    records[at + visitStartField] = grown
    records[at + visitBitsField] = bits + 1
    return true
  }

  private insert(start: number, bits: number, stored: number): void {
    const arena = this.arena
    const mask = (1 << bits) - 1
    let position = Math.imul(stored, 0x9e3779b1) >>> (32 - bits)
    while (arena[start + position] !== 0) position = (position + 1) & mask
    arena[start + position] = stored
  }

  private allocate(bits: number): number {
    const reused = this.freeRegions[bits]?.pop()
    const size = 1 << bits
    if (reused !== undefined) {
      this.arena.fill(0, reused, reused + size)
      return reused
    }
    if (this.arenaTop + size > this.arena.length) {
      let length = this.arena.length * 2
      while (this.arenaTop + size > length) length *= 2
      const arena = new Int32Array(length)
      arena.set(this.arena.subarray(0, this.arenaTop))
      this.arena = arena
    }
    const start = this.arenaTop
    this.arenaTop += size
    return start
  }

  private freeRegion(start: number, bits: number): void {
    while (this.freeRegions.length <= bits) this.freeRegions.push([])
    this.freeRegions[bits]!.push(start)
  }
}
