import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus'

/**
 * A source of uniform random numbers in `[0, 1)`. The simulation draws every random
 * number it needs from one of these, so a run is a pure function of its seed. Inject
 * your own (for instance to replay recorded draws) through `SimulationOptions.random`.
 * @category Simulation
 */
export interface RandomSource {
  /** The next number, uniform in `[0, 1)`. */
  readonly nextFloat: () => number
}

const twoToMinus32 = 2 ** -32

/** SplitMix32-style finaliser: spreads the bits of a 32-bit word (Stafford; Steele et al. 2014). */
const mixWord = (value: number): number => {
  let z = value | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) | 0
}

/**
 * The library's seeded generator: xoroshiro128+ (Blackman & Vigna 2018) from
 * `pure-rand`, seeded from any safe integer (both 32-bit halves of the seed are used)
 * and read as floats with 32 bits of resolution. The same seed always gives the same
 * sequence, in Node and in a browser. O(1) per draw.
 * @category Simulation
 */
export const createRandom = (seed: number): RandomSource => {
  const low = seed >>> 0
  const high = Math.floor(Math.abs(seed) / 2 ** 32) >>> 0
  const state = [
    mixWord(low ^ 0x9e3779b9),
    mixWord(high ^ 0x7f4a7c15),
    mixWord(low + 0x6a09e667),
    mixWord(high + 0xbb67ae85 + (seed < 0 ? 1 : 0)),
  ]
  // An all-zero state would emit zeros forever.
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1
  const generator = xoroshiro128plusFromState(state)
  return { nextFloat: () => (generator.next() >>> 0) * twoToMinus32 }
}
