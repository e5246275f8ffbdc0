import type { RandomSource } from '../../simulate/random.js'

/**
 * Primitive polynomials and initial direction numbers of Joe & Kuo (2008,
 * `new-joe-kuo-6.21201`) for dimensions 2 to 21: degree s, coefficients a, then
 * m_1 … m_s. Dimension 1 is van der Corput's (every m_i = 1).
 */
const joeKuo: ReadonlyArray<ReadonlyArray<number>> = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
]

/** The most dimensions {@link scrambledSobol} gives. @internal */
export const sobolDimensions = joeKuo.length + 1

const bits = 32

/** The 32 direction numbers of one dimension (dimension 0 is van der Corput's). */
const directions = (dimension: number): Uint32Array => {
  const v = new Uint32Array(bits)
  if (dimension === 0) {
    for (let i = 0; i < bits; i++) v[i] = 2 ** (bits - 1 - i)
    return v
  }
  const [s, a, ...m] = joeKuo[dimension - 1]!
  for (let i = 0; i < s!; i++) v[i] = (m[i]! * 2 ** (bits - 1 - i)) >>> 0
  for (let i = s!; i < bits; i++) {
    let value = (v[i - s!]! ^ (v[i - s!]! >>> s!)) >>> 0
    for (let k = 1; k < s!; k++) if (((a! >>> (s! - 1 - k)) & 1) === 1) value = (value ^ v[i - k]!) >>> 0
    v[i] = value
  }
  return v
}

/**
 * The first `count` points of a Sobol low-discrepancy sequence in `dimensions`
 * dimensions (at most {@link sobolDimensions}), scrambled by a random digital shift
 * drawn from `random`: each dimension's 32-bit coordinates are XORed with one random
 * word, which keeps the sequence's net structure and makes every estimate from it
 * unbiased (Sobol' 1967; Antonov & Saleev 1979 Gray-code order; Joe & Kuo 2008
 * direction numbers). Coordinates in [0, 1). O(count × dimensions).
 * @internal
 */
export const scrambledSobol = (count: number, dimensions: number, random: RandomSource): ReadonlyArray<Float64Array> => {
  if (dimensions > sobolDimensions) throw new RangeError(`scrambledSobol gives at most ${sobolDimensions} dimensions, not ${dimensions}`)
  const columns: Float64Array[] = []
  for (let d = 0; d < dimensions; d++) {
    const v = directions(d)
    const shift = Math.floor(random.nextFloat() * 2 ** bits) >>> 0
    const column = new Float64Array(count)
    let x = 0
    for (let n = 0; n < count; n++) {
      column[n] = ((x ^ shift) >>> 0) / 2 ** bits
      // Gray-code order: the next point flips the direction number of n's lowest zero bit.
      let c = 0
      while (((n >>> c) & 1) === 1) c++
      x = (x ^ v[c]!) >>> 0
    }
    columns.push(column)
  }
  return columns
}
