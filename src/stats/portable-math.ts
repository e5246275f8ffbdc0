/*
 * Logarithm, exponential and power from basic arithmetic only: `Math.log`, `Math.exp`
 * and `**` may differ in their last bit between JavaScript engines, while `+ - * /` and
 * `Math.sqrt` are correctly rounded everywhere. Everything whose bytes a seeded run or
 * an estimate promises (the simulation's draws, Kaplan–Meier intervals) uses these.
 */

const ln2 = 0.6931471805599453
const sqrtHalf = 0.7071067811865476
/** ln 2 split so that k · ln2High is exact for |k| < 2^11 (fdlibm's constants). */
const ln2High = 6.93147180369123816490e-1
const ln2Low = 1.90821492927058770002e-10
/** 2^-32 … 2^32, built by exact doubling. */
const powersOfTwo = Float64Array.from({ length: 65 }, (_, i) => {
  let value = 2.3283064365386963e-10
  for (let j = 0; j < i; j++) value *= 2
  return value
})

/**
 * Natural logarithm of a positive finite number computed with basic arithmetic only
 * (`Math.log` may differ in its last bit between JavaScript engines; `+ - * /` are
 * correctly rounded everywhere), so a seeded run gives the same bytes in Node and in
 * any browser. Error below 1e-15 relative. O(1): an exponent reduction and a 12-term
 * series for atanh. `-Infinity` for 0, `NaN` below 0 or for `NaN`, `Infinity` for `Infinity`.
 * @internal
 */
export const portableLog = (x: number): number => {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN
  if (x === Number.POSITIVE_INFINITY) return x
  let mantissa = x
  let exponent = 0
  while (mantissa >= 2 ** 32) {
    mantissa /= 2 ** 32
    exponent += 32
  }
  while (mantissa < 2 ** -32) {
    mantissa *= 2 ** 32
    exponent -= 32
  }
  while (mantissa >= 2) {
    mantissa /= 2
    exponent++
  }
  while (mantissa < 1) {
    mantissa *= 2
    exponent--
  }
  if (mantissa > 2 * sqrtHalf) {
    mantissa /= 2
    exponent++
  }
  // ln(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172 for m in [sqrt(1/2), sqrt(2)].
  const s = (mantissa - 1) / (mantissa + 1)
  const s2 = s * s
  let term = s
  let sum = 0
  for (let k = 1; k <= 23; k += 2) {
    sum += term / k
    term *= s2
  }
  return 2 * sum + exponent * ln2
}

/** `y · 2^k` for an integer `k`, by exact multiplications. */
const scaleByPowerOfTwo = (y: number, k: number): number => {
  let value = y
  let rest = k
  while (rest > 32) ((value *= 4294967296), (rest -= 32))
  while (rest < -32) ((value *= 2.3283064365386963e-10), (rest += 32))
  return value * powersOfTwo[rest + 32]!
}

/**
 * e^x with basic arithmetic only (see {@link portableLog}): x = k ln 2 + r with
 * |r| ≤ ln 2 / 2, e^r by its Taylor series to 22 terms (Horner), then scaled by 2^k. Error below
 * 1e-15 relative. O(1).
 * @internal
 */
export const portableExp = (x: number): number => {
  if (Number.isNaN(x)) return x
  if (x > 709.8) return Number.POSITIVE_INFINITY
  if (x < -745.2) return 0
  const k = Math.round(x / ln2)
  const r = x - k * ln2High - k * ln2Low
  // Horner from the smallest term: 1 + r (1 + r/2 (1 + r/3 (…))).
  let sum = 1
  for (let n = 22; n >= 1; n--) sum = 1 + (r / n) * sum
  return scaleByPowerOfTwo(sum, k)
}

/**
 * x^y for x ≥ 0 with basic arithmetic only (see {@link portableLog}): e^(y ln x), exact
 * for x = 0 and x = 1. O(1).
 * @internal
 */
export const portablePow = (x: number, y: number): number => {
  if (x === 1 || y === 0) return 1
  if (x === 0) return y > 0 ? 0 : Number.POSITIVE_INFINITY
  return portableExp(y * portableLog(x))
}
