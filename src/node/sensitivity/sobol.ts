import type { RandomSource } from '../../simulate/random.js'
import type { ParameterRange } from './morris.js'
import { scrambledSobol, sobolDimensions } from './sobol-sequence.js'

/**
 * A Saltelli design for Sobol indices: two independent samples A and B of `samples`
 * points each, uniform over the ranges, and for each parameter i the matrix AB_i (A
 * with column i taken from B). Points are laid out A, B, AB_1, …, AB_k, `samples` each.
 * @category Sensitivity
 */
export interface SobolDesign {
  readonly ranges: ReadonlyArray<ParameterRange>
  readonly samples: number
  readonly points: ReadonlyArray<ReadonlyArray<number>>
}

/** One parameter's Sobol indices: first order S_i and total S_Ti. @category Sensitivity */
export interface SobolIndex {
  readonly parameter: string
  readonly firstOrder: number
  readonly total: number
}

/**
 * A Latin hypercube sample (McKay, Beckman & Conover 1979): for each parameter, one
 * point uniform in each of `samples` equal slices of its range, the slices shuffled
 * (Fisher–Yates) independently per parameter. O(samples × k).
 */
const latinHypercube = (ranges: ReadonlyArray<ParameterRange>, samples: number, random: RandomSource): ReadonlyArray<ReadonlyArray<number>> => {
  const columns = ranges.map((range) => {
    const slices = Array.from({ length: samples }, (_, i) => i)
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.min(i, Math.floor(random.nextFloat() * (i + 1)))
      ;[slices[i], slices[j]] = [slices[j]!, slices[i]!]
    }
    return slices.map((slice) => range.min + ((slice + random.nextFloat()) / samples) * (range.max - range.min))
  })
  return Array.from({ length: samples }, (_, j) => columns.map((column) => column[j]!))
}

/**
 * A and B from one scrambled Sobol sequence in 2k dimensions (A the first k, B the rest),
 * scaled to the ranges.
 */
const sobolSamples = (ranges: ReadonlyArray<ParameterRange>, samples: number, random: RandomSource) => {
  const columns = scrambledSobol(samples, 2 * ranges.length, random)
  const sample = (offset: number) =>
    Array.from({ length: samples }, (_, j) => ranges.map((range, i) => range.min + columns[offset + i]![j]! * (range.max - range.min)))
  return { a: sample(0), b: sample(ranges.length) }
}

/**
 * Saltelli's (2002; Saltelli et al. 2010) sampling for first-order and total Sobol
 * indices: N (k + 2) points. A and B are the two halves of a scrambled Sobol sequence in
 * 2k dimensions (quasi-random, as Saltelli et al. recommend; a random digital shift from
 * `random`, the library's seeded generator, keeps the estimators unbiased), for up to
 * ten parameters (twenty-one dimensions); beyond that, independent Latin hypercube samples.
 * O(N k²).
 * @category Sensitivity
 */
export const sobolDesign = (ranges: ReadonlyArray<ParameterRange>, samples: number, random: RandomSource): SobolDesign => {
  const { a, b } =
    2 * ranges.length <= sobolDimensions
      ? sobolSamples(ranges, samples, random)
      : { a: latinHypercube(ranges, samples, random), b: latinHypercube(ranges, samples, random) }
  const points: Array<ReadonlyArray<number>> = [...a, ...b]
  ranges.forEach((_, i) => {
    for (let j = 0; j < samples; j++) points.push(a[j]!.map((value, column) => (column === i ? b[j]![column]! : value)))
  })
  return { ranges, samples, points }
}

/**
 * First-order and total Sobol indices from the outputs at a design's points (in point
 * order), by the estimators Saltelli et al. (2010) recommend: S_i from
 * (1/N) Σ f(B)(f(AB_i) − f(A)) and S_Ti from Jansen's (1/2N) Σ (f(A) − f(AB_i))², each
 * divided by the variance of f over A and B together. Outputs are centred on their mean
 * over A and B first (as SALib does), which leaves both estimators' expectations as they
 * are and cuts the first-order estimator's variance when the mean is far from 0. Rows
 * with an output that is not a finite number are left out. O(N k).
 * @category Sensitivity
 */
export const sobolIndices = (design: SobolDesign, outputs: ReadonlyArray<number>): ReadonlyArray<SobolIndex> => {
  const n = design.samples
  const fa = outputs.slice(0, n)
  const fb = outputs.slice(n, 2 * n)
  const both = [...fa, ...fb].filter(Number.isFinite)
  const mean = both.reduce((sum, value) => sum + value, 0) / both.length
  const variance = both.reduce((sum, value) => sum + (value - mean) ** 2, 0) / both.length
  return design.ranges.map((range, i) => {
    let first = 0
    let total = 0
    let rows = 0
    for (let j = 0; j < n; j++) {
      const fab = outputs[(2 + i) * n + j]!
      if (!Number.isFinite(fab) || !Number.isFinite(fa[j]!) || !Number.isFinite(fb[j]!)) continue
      rows++
      first += (fb[j]! - mean) * (fab - fa[j]!)
      total += (fa[j]! - fab) ** 2
    }
    const usable = rows > 0 && variance > 0
    return {
      parameter: range.name,
      firstOrder: usable ? first / rows / variance : Number.NaN,
      total: usable ? total / (2 * rows) / variance : Number.NaN,
    }
  })
}
