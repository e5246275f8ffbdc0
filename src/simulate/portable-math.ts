const ln2 = 0.6931471805599453
const sqrtHalf = 0.7071067811865476

/**
 * Natural logarithm of a positive finite number computed with basic arithmetic only
 * (`Math.log` may differ in its last bit between JavaScript engines; `+ - * /` are
 * correctly rounded everywhere), so a seeded run gives the same bytes in Node and in
 * any browser. Error below 1e-15 relative. O(1): an exponent reduction and a 12-term
 * series for atanh.
 * @internal
 */
export const portableLog = (x: number): number => {
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

/**
 * A draw from the exponential distribution with the given mean, from a uniform draw
 * `u` in `[0, 1)` by inversion. O(1).
 * @internal
 */
export const exponentialDraw = (mean: number, u: number): number => -mean * portableLog(1 - u)
