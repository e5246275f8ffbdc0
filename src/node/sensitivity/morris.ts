import type { RandomSource } from '../../simulate/random.js'

/** A named parameter and the range it varies over. @category Sensitivity */
export interface ParameterRange {
  readonly name: string
  readonly min: number
  readonly max: number
}

/**
 * A Morris design: `trajectories` one-at-a-time walks through a grid of `levels` values
 * per parameter. Point `t * (k + 1)` starts trajectory `t`; each next point changes one
 * parameter (`changed`) by ± Δ (`direction`), Δ = levels / (2 (levels − 1)) of its range.
 * @category Sensitivity
 */
export interface MorrisDesign {
  readonly ranges: ReadonlyArray<ParameterRange>
  readonly points: ReadonlyArray<ReadonlyArray<number>>
  /** Per step (point `t (k + 1) + j + 1`, j < k): the parameter changed, in trajectory order. */
  readonly changed: ReadonlyArray<number>
  /** Per step: +1 or −1, the sign of the change in the unit grid. */
  readonly direction: ReadonlyArray<number>
  readonly delta: number
}

/** One parameter's elementary effects: mean, mean of absolute values (μ*, Campolongo et al. 2007) and standard deviation. @category Sensitivity */
export interface MorrisEffect {
  readonly parameter: string
  readonly mu: number
  readonly muStar: number
  readonly sigma: number
}

const scale = (ranges: ReadonlyArray<ParameterRange>, unit: ReadonlyArray<number>): ReadonlyArray<number> =>
  unit.map((value, i) => ranges[i]!.min + value * (ranges[i]!.max - ranges[i]!.min))

/**
 * Morris's (1991) elementary-effects design: each trajectory starts at a random grid
 * point (levels 0, 1/(p−1), …, 1 where a step of Δ stays inside) and changes the
 * parameters one at a time, in a random order, by Δ up or down. Draws come from
 * `random` (the library's seeded generator), so a seed gives one design. O(r k²).
 * @category Sensitivity
 */
export const morrisDesign = (ranges: ReadonlyArray<ParameterRange>, trajectories: number, levels: number, random: RandomSource): MorrisDesign => {
  const k = ranges.length
  const steps = levels - 1
  const jump = levels / 2 // Δ in grid steps (p even)
  const delta = jump / steps
  const points: Array<ReadonlyArray<number>> = []
  const changed: number[] = []
  const direction: number[] = []
  const draw = (bound: number): number => Math.min(bound - 1, Math.floor(random.nextFloat() * bound))
  for (let t = 0; t < trajectories; t++) {
    const grid = Array.from({ length: k }, () => draw(steps + 1))
    const order = Array.from({ length: k }, (_, i) => i)
    for (let i = k - 1; i > 0; i--) {
      const j = draw(i + 1)
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    points.push(scale(ranges, grid.map((g) => g / steps)))
    for (const i of order) {
      // Go up when there is room above, else down, so the walk stays on the grid.
      const up = grid[i]! + jump <= steps
      grid[i] = grid[i]! + (up ? jump : -jump)
      changed.push(i)
      direction.push(up ? 1 : -1)
      points.push(scale(ranges, grid.map((g) => g / steps)))
    }
  }
  return { ranges, points, changed, direction, delta }
}

/**
 * Elementary effects from the outputs at a design's points (in point order):
 * EE = (y(after) − y(before)) / Δ per step, in units of the parameter's range, so
 * effects compare across parameters. Steps with an output that is not a finite number
 * are skipped. O(r k).
 * @category Sensitivity
 */
export const morrisEffects = (design: MorrisDesign, outputs: ReadonlyArray<number>): ReadonlyArray<MorrisEffect> => {
  const k = design.ranges.length
  const effects: number[][] = design.ranges.map(() => [])
  design.changed.forEach((parameter, step) => {
    const trajectory = Math.floor(step / k)
    const after = trajectory * (k + 1) + (step % k) + 1
    const difference = outputs[after]! - outputs[after - 1]!
    if (Number.isFinite(difference)) effects[parameter]!.push((design.direction[step]! * difference) / design.delta)
  })
  return design.ranges.map((range, i) => {
    const values = effects[i]!
    const n = values.length
    const mu = n === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / n
    const muStar = n === 0 ? Number.NaN : values.reduce((sum, value) => sum + Math.abs(value), 0) / n
    const sigma = n < 2 ? 0 : Math.sqrt(values.reduce((sum, value) => sum + (value - mu) ** 2, 0) / (n - 1))
    return { parameter: range.name, mu, muStar, sigma }
  })
}
