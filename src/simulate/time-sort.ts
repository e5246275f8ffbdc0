/** Whether this platform stores typed-array numbers little-endian (every common one does). */
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
/** Position of the high and low 32-bit words of a float64 within its pair of words. */
const highWord = littleEndian ? 1 : 0
const lowWord = 1 - highWord
/** Insertion-sort moves allowed per time before falling back to a merge sort. */
const movesPerTime = 8

/**
 * Stable sort of event times: the positions `0..n-1` ordered by time, equal times
 * keeping their original order. The times are non-negative floats (never `-0`), whose
 * IEEE 754 bit patterns, read as unsigned 64-bit integers, order as the numbers do. One
 * counting-sort pass on the highest bits in which the times differ (about log2 n of
 * them) spreads the times into buckets that are already in order; a final insertion
 * sort puts each bucket in order (Knuth, TAOCP vol. 3, §5.2 and §5.2.5). For times that
 * spread over the day this is O(n); when too many moves are needed (times bunched
 * closer than the buckets), a bottom-up merge sort finishes instead, so the worst case
 * is O(n log n). Scratch arrays are reused between calls.
 * @internal
 */
export class TimeSorter {
  private positions = new Int32Array(64)
  private sorted = new Float64Array(64)
  private sparePositions = new Int32Array(64)
  private spareSorted = new Float64Array(64)
  private counts = new Int32Array(256)

  /** The times of the last {@link sort}, in sorted order (valid until its next call). */
  get sortedTimes(): Float64Array {
    return this.sorted
  }

  /**
   * Sort positions `0..n-1` of `times` (with `words`, a `Uint32Array` view of the same
   * memory). Returns the ordered positions in an array this sorter owns, valid until
   * its next call; {@link sortedTimes} holds the times in the same order.
   */
  sort(times: Float64Array, words: Uint32Array, n: number): Int32Array {
    if (this.positions.length < n) this.reserve(Math.max(n, this.positions.length * 2))
    const positions = this.positions
    const sorted = this.sorted
    // Which bits differ between the times.
    let highOr = 0
    let highAnd = -1
    let lowOr = 0
    let lowAnd = -1
    for (let i = 0; i < n; i++) {
      highOr |= words[2 * i + highWord]!
      highAnd &= words[2 * i + highWord]!
      lowOr |= words[2 * i + lowWord]!
      lowAnd &= words[2 * i + lowWord]!
    }
    const highDiffer = highOr ^ highAnd
    const top = highDiffer !== 0 ? 63 - Math.clz32(highDiffer) : 31 - Math.clz32(lowOr ^ lowAnd)
    if (top < 0 || n < 2) {
      for (let i = 0; i < n; i++) {
        positions[i] = i
        sorted[i] = times[i]!
      }
      return positions
    }
    const width = Math.min(16, Math.max(4, 33 - Math.clz32(n)), top + 1)
    const shift = top + 1 - width
    const mask = (1 << width) - 1
    if (this.counts.length < mask + 1) this.counts = new Int32Array(mask + 1)
    const counts = this.counts
    counts.fill(0, 0, mask + 1)
    for (let i = 0; i < n; i++) counts[bucketOf(words[2 * i + highWord]!, words[2 * i + lowWord]!, shift, mask)]!++
    let total = 0
    for (let bucket = 0; bucket <= mask; bucket++) {
      const count = counts[bucket]!
      counts[bucket] = total
      total += count
    }
    for (let i = 0; i < n; i++) {
      const to = counts[bucketOf(words[2 * i + highWord]!, words[2 * i + lowWord]!, shift, mask)]!++
      positions[to] = i
      sorted[to] = times[i]!
    }
    if (insertionSort(positions, sorted, n, movesPerTime * n)) return positions
    return this.mergeSort(n)
  }

  /** Stable bottom-up merge sort of `positions` by `sorted` (the times in the same order). */
  private mergeSort(n: number): Int32Array {
    let fromPositions = this.positions
    let fromTimes = this.sorted
    let toPositions = this.sparePositions
    let toTimes = this.spareSorted
    for (let width = 1; width < n; width *= 2) {
      for (let left = 0; left < n; left += 2 * width) {
        const middle = Math.min(left + width, n)
        const right = Math.min(left + 2 * width, n)
        let i = left
        let j = middle
        for (let to = left; to < right; to++) {
          // Taking from the left run on ties keeps the sort stable.
          const fromLeft = i < middle && (j >= right || fromTimes[i]! <= fromTimes[j]!)
          const k = fromLeft ? i++ : j++
          toPositions[to] = fromPositions[k]!
          toTimes[to] = fromTimes[k]!
        }
      }
      ;[fromPositions, toPositions] = [toPositions, fromPositions]
      ;[fromTimes, toTimes] = [toTimes, fromTimes]
    }
    this.positions = fromPositions
    this.sorted = fromTimes
    this.sparePositions = toPositions
    this.spareSorted = toTimes
    return fromPositions
  }

  private reserve(capacity: number): void {
    this.positions = new Int32Array(capacity)
    this.sorted = new Float64Array(capacity)
    this.sparePositions = new Int32Array(capacity)
    this.spareSorted = new Float64Array(capacity)
  }
}

/** Bits `shift .. shift + width` of the 64-bit pattern `high:low` (`mask` = 2^width - 1, width ≤ 16). */
const bucketOf = (high: number, low: number, shift: number, mask: number): number => {
  if (shift >= 32) return (high >>> (shift - 32)) & mask
  if (shift === 0) return low & mask
  return ((low >>> shift) | (high << (32 - shift))) & mask
}

/** Insertion sort of `positions` by `times` (kept alongside); `false` when it gave up after `budget` moves. */
const insertionSort = (positions: Int32Array, times: Float64Array, n: number, budget: number): boolean => {
  let moves = 0
  for (let i = 1; i < n; i++) {
    const time = times[i]!
    if (times[i - 1]! <= time) continue
    const position = positions[i]!
    let j = i - 1
    while (j >= 0 && times[j]! > time) {
      positions[j + 1] = positions[j]!
      times[j + 1] = times[j]!
      j--
    }
    positions[j + 1] = position
    times[j + 1] = time
    moves += i - j
    if (moves > budget) return false
  }
  return true
}
