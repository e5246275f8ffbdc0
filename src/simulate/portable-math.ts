import { portableLog } from '../stats/portable-math.js'

/**
 * A draw from the exponential distribution with the given mean, from a uniform draw
 * `u` in `[0, 1)` by inversion. O(1).
 * @internal
 */
export const exponentialDraw = (mean: number, u: number): number => -mean * portableLog(1 - u)
