import { portableLog, portablePow } from './portable-math.js'

/**
 * A mergeable quantile sketch of non-negative values (e.g. latencies in days), after
 * DDSketch (Masson, Rim & Lee 2019): values fall into logarithmic buckets
 * (γ^(i−1), γ^i] with γ = (1 + α) / (1 − α), so a quantile is answered within a
 * **relative error α** of the true value of that rank. Values below
 * {@link smallestIndexableValue} are kept in a zero bucket (answered as 0: absolute error
 * below that bound). Two sketches with the same α merge exactly (bucket counts add), so
 * the merge of shards' sketches equals the sketch of the whole log.
 * @category Statistics
 */
export interface QuantileSketch {
  /** The relative error bound α, in (0, 1). */
  readonly relativeAccuracy: number
  /** How many values were added. */
  readonly count: number
  /** Values below {@link smallestIndexableValue}. */
  readonly zeros: number
  /** Bucket indices (strictly increasing) and how many values each holds. */
  readonly indices: ReadonlyArray<number>
  readonly counts: ReadonlyArray<number>
  /** The smallest and largest value added (0 and 0 when empty). */
  readonly min: number
  readonly max: number
}

/**
 * Values below this go to the zero bucket of a {@link QuantileSketch}.
 * @category Statistics
 */
export const smallestIndexableValue = 1e-9

/**
 * The relative accuracy sketches use unless told otherwise: 1%.
 * @category Statistics
 */
export const defaultRelativeAccuracy = 0.01

const checkAccuracy = (alpha: number): void => {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`relative accuracy must be in (0, 1), got ${alpha}`)
}

/**
 * The bucket a value ≥ 0 falls in, in a sketch of the given relative accuracy: the i
 * with γ^(i−1) < value ≤ γ^i, or NaN for the zero bucket. O(1).
 * @category Statistics
 */
export const sketchBucket = (value: number, relativeAccuracy: number): number => {
  if (value < smallestIndexableValue) return Number.NaN
  // Portable arithmetic: a value on a bucket's edge lands in the same bucket in every engine.
  return Math.ceil(portableLog(value) / portableLog((1 + relativeAccuracy) / (1 - relativeAccuracy)))
}

/**
 * Collects values one at a time into a {@link QuantileSketch}. Memory is one entry per
 * occupied bucket: about ln(max / min) / (2α) buckets, e.g. ~800 for latencies from
 * 1.5 minutes to 30 years at α = 1%. `add` is O(1).
 * @category Statistics
 */
export class QuantileSketchBuilder {
  private readonly buckets = new Map<number, number>()
  private zeros = 0
  private count = 0
  private min = Infinity
  private max = -Infinity

  constructor(readonly relativeAccuracy: number = defaultRelativeAccuracy) {
    checkAccuracy(relativeAccuracy)
  }

  /** Add a finite value ≥ 0. */
  add(value: number): void {
    this.addInBucket(value, sketchBucket(value, this.relativeAccuracy))
  }

  /**
   * Add a value whose bucket is known: `sketchBucket(value, relativeAccuracy)`, worked
   * out once when one value goes into many sketches (a logarithm saved per sketch).
   */
  addInBucket(value: number, bucket: number): void {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`sketch values must be finite and ≥ 0, got ${value}`)
    this.count++
    if (value < this.min) this.min = value
    if (value > this.max) this.max = value
    if (Number.isNaN(bucket)) this.zeros++
    else this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1)
  }

  /**
   * Add every value a sketch of the same relative accuracy holds (another accuracy is
   * a programming error and throws), as {@link mergeSketches} would. O(b) for its b buckets.
   */
  addSketch(sketch: QuantileSketch): void {
    if (sketch.relativeAccuracy !== this.relativeAccuracy) {
      throw new RangeError(`cannot merge sketches of relative accuracy ${this.relativeAccuracy} and ${sketch.relativeAccuracy}`)
    }
    if (sketch.count === 0) return
    this.count += sketch.count
    this.zeros += sketch.zeros
    if (sketch.min < this.min) this.min = sketch.min
    if (sketch.max > this.max) this.max = sketch.max
    for (let i = 0; i < sketch.indices.length; i++) this.buckets.set(sketch.indices[i]!, (this.buckets.get(sketch.indices[i]!) ?? 0) + sketch.counts[i]!)
  }

  /** The sketch of everything added so far (the builder may go on collecting). */
  toSketch(): QuantileSketch {
    const indices = [...this.buckets.keys()].sort((a, b) => a - b)
    return {
      relativeAccuracy: this.relativeAccuracy,
      count: this.count,
      zeros: this.zeros,
      indices,
      counts: indices.map((index) => this.buckets.get(index)!),
      min: this.count === 0 ? 0 : this.min,
      max: this.count === 0 ? 0 : this.max,
    }
  }
}

/**
 * The sketch of a list of values. O(n + b log b) for b occupied buckets.
 * @category Statistics
 */
export const sketchValues = (values: Iterable<number>, relativeAccuracy: number = defaultRelativeAccuracy): QuantileSketch => {
  const builder = new QuantileSketchBuilder(relativeAccuracy)
  for (const value of values) builder.add(value)
  return builder.toSketch()
}

/**
 * Merge two sketches made with the same relative accuracy (a different one is a
 * programming error and throws): exact, associative and commutative. O(b₁ + b₂).
 * @category Statistics
 */
export const mergeSketches = (left: QuantileSketch, right: QuantileSketch): QuantileSketch => {
  if (left.relativeAccuracy !== right.relativeAccuracy) {
    throw new RangeError(`cannot merge sketches of relative accuracy ${left.relativeAccuracy} and ${right.relativeAccuracy}`)
  }
  if (left.count === 0) return right
  if (right.count === 0) return left
  const indices: number[] = []
  const counts: number[] = []
  let i = 0
  let j = 0
  while (i < left.indices.length || j < right.indices.length) {
    const a = i < left.indices.length ? left.indices[i]! : Infinity
    const b = j < right.indices.length ? right.indices[j]! : Infinity
    const index = Math.min(a, b)
    let count = 0
    if (a === index) count += left.counts[i++]!
    if (b === index) count += right.counts[j++]!
    indices.push(index)
    counts.push(count)
  }
  return {
    relativeAccuracy: left.relativeAccuracy,
    count: left.count + right.count,
    zeros: left.zeros + right.zeros,
    indices,
    counts,
    min: Math.min(left.min, right.min),
    max: Math.max(left.max, right.max),
  }
}

/**
 * The value at quantile `q` in [0, 1] (0.5 the median, 0.9 the 90th percentile), or
 * `undefined` for an empty sketch. The answer is within relative error α of the value
 * of rank ⌊q (n − 1)⌋ (0-based) among the values added, and never outside [min, max].
 * O(b).
 * @category Statistics
 */
export const sketchQuantile = (sketch: QuantileSketch, q: number): number | undefined => {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`)
  if (sketch.count === 0) return undefined
  const rank = Math.floor(q * (sketch.count - 1))
  if (rank < sketch.zeros) return sketch.min
  const gamma = (1 + sketch.relativeAccuracy) / (1 - sketch.relativeAccuracy)
  let seen = sketch.zeros
  for (let i = 0; i < sketch.indices.length; i++) {
    seen += sketch.counts[i]!
    if (seen > rank) {
      const value = (2 * portablePow(gamma, sketch.indices[i]!)) / (gamma + 1)
      return Math.min(sketch.max, Math.max(sketch.min, value))
    }
  }
  return sketch.max
}

/**
 * The empty sketch at a given relative accuracy: the identity of {@link mergeSketches}.
 * @category Statistics
 */
export const emptySketch = (relativeAccuracy: number = defaultRelativeAccuracy): QuantileSketch => {
  checkAccuracy(relativeAccuracy)
  return { relativeAccuracy, count: 0, zeros: 0, indices: [], counts: [], min: 0, max: 0 }
}
