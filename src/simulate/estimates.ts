import {
  greenwoodAfter,
  intervalZ,
  quantileLevel,
  survivalAfter,
  survivalInterval,
} from '../stats/kaplan-meier.js'
import { type Tally, outcomeDid } from './tally.js'

/** Days at which {@link SimulationEstimates} gives the share closed. @category Simulation */
export const closureHorizons = [30, 90, 365] as const

/**
 * Closure as time to event, estimated honestly: each experience raised from
 * `warmUpDays` on is followed from the day it was raised until its loop closed (outcome
 * `did`) or the run ended, when it is right-censored; the Kaplan–Meier estimate of
 * the chance that it is still open then gives the share closed by a given day and the
 * median time to close, each with a 95% confidence interval (Greenwood variance,
 * log-log interval; median by Brookmeyer & Crowley). An experience still open at the
 * end counts for as long as it was watched, not as unclosed, so a longer run narrows
 * the intervals without moving the estimates. A value is `null` when no experience was
 * followed that long (or the median is not reached within what was seen).
 * @category Simulation
 */
export interface SimulationEstimates {
  readonly closureBy30Days: number | null
  readonly closureBy30DaysLower: number | null
  readonly closureBy30DaysUpper: number | null
  readonly closureBy90Days: number | null
  readonly closureBy90DaysLower: number | null
  readonly closureBy90DaysUpper: number | null
  readonly closureBy365Days: number | null
  readonly closureBy365DaysLower: number | null
  readonly closureBy365DaysUpper: number | null
  readonly closureMedianDays: number | null
  readonly closureMedianDaysLower: number | null
  readonly closureMedianDaysUpper: number | null
}

/** A share closed by a horizon with its interval; `null`s where nothing was followed that long. */
interface ClosureFigures {
  readonly estimate: number | null
  readonly lower: number | null
  readonly upper: number | null
}

// One place makes every ClosureFigures, so they all share one shape.
const closureFigures = (estimate: number | null, lower: number | null, upper: number | null): ClosureFigures => ({ estimate, lower, upper })
const noClosure = closureFigures(null, null, null)

/** 1 − S with its interval, from S and Greenwood's sum at a horizon. */
const closureAt = (survival: number, greenwood: number, z: number): ClosureFigures => {
  const { lower, upper } = survivalInterval(survival, greenwood, z)
  return closureFigures(1 - survival, 1 - upper, 1 - lower)
}

/**
 * The band `side` (-1 lower, 1 upper) of the same interval in the engine's own `Math`
 * functions: it differs from the portable one by a few units in the last place of each
 * step (a test checks it within 1e-12 over a grid), so it can only rule out a row whose
 * band is clearly above a level, never accept one.
 * @internal
 */
export const roughBand = (survival: number, greenwood: number, z: number, side: -1 | 1): number => {
  if (survival === 0 || survival === 1 || greenwood === 0) return survival
  const theta = Math.exp((z * Math.sqrt(greenwood)) / Math.log(survival))
  return Math.pow(survival, side === 1 ? theta : 1 / theta)
}
const margin = 1e-9

/**
 * Closure estimates without a Kaplan–Meier table: one pass over the sorted times of
 * closing and of censoring keeps S and Greenwood's sum, takes them at each horizon, and
 * finds where S and each band first come down to one half. The result is exactly what
 * `kaplanMeier`, `closureBy` and `medianTime` give (same arithmetic, in the same order),
 * without a row object per distinct time, and with the portable interval worked out only
 * at the horizons and at the rows the engine's `Math` cannot rule out. O(x log x) for x
 * experiences (the sort).
 * @internal
 */
export const estimateClosure = (tally: Tally, warmUpDays: number, endTime: number): SimulationEstimates => {
  const closedTimes = new Float64Array(tally.count)
  const openTimes = new Float64Array(tally.count)
  let closedCount = 0
  let openCount = 0
  let longest = 0
  for (let x = 0; x < tally.count; x++) {
    const raised = tally.raisedAt[x]!
    if (raised < warmUpDays) continue
    const closed = tally.outcome[x] === outcomeDid
    // + 0 makes -0 into 0, one time as in the risk-set builder.
    const time = Math.max(0, (closed ? tally.closedAt[x]! : endTime) - raised) + 0
    if (time > longest) longest = time
    if (closed) closedTimes[closedCount++] = time
    else openTimes[openCount++] = time
  }
  const byTime = closedTimes.subarray(0, closedCount).sort()
  const censoredAt = openTimes.subarray(0, openCount).sort()
  const z = intervalZ(0.95)
  const level = quantileLevel(0.5)
  // S and Greenwood's sum as they stand at each horizon.
  const survivalAt = new Float64Array(closureHorizons.length)
  const greenwoodAt = new Float64Array(closureHorizons.length)
  let horizon = 0
  let atRisk = closedCount + openCount
  let survival = 1
  let greenwood = 0
  let median: number | undefined
  let medianLower: number | undefined
  let medianUpper: number | undefined
  for (let i = 0, j = 0; i < closedCount || j < openCount; ) {
    const time = Math.min(i < closedCount ? byTime[i]! : Infinity, j < openCount ? censoredAt[j]! : Infinity)
    // A horizon before this time sees the product as it stands.
    for (; horizon < closureHorizons.length && closureHorizons[horizon]! < time; horizon++) (survivalAt[horizon] = survival), (greenwoodAt[horizon] = greenwood)
    let died = 0
    let censored = 0
    while (i < closedCount && byTime[i] === time) (died++, i++)
    while (j < openCount && censoredAt[j] === time) (censored++, j++)
    if (died > 0) {
      survival = survivalAfter(survival, died, atRisk)
      greenwood = greenwoodAfter(greenwood, survival, died, atRisk)
      if (median === undefined && survival <= level) median = time
      const lowerNear = medianLower === undefined && roughBand(survival, greenwood, z, -1) <= level + margin
      const upperNear = medianUpper === undefined && roughBand(survival, greenwood, z, 1) <= level + margin
      if (lowerNear || upperNear) {
        const { lower, upper } = survivalInterval(survival, greenwood, z)
        if (lowerNear && lower <= level) medianLower = time
        if (upperNear && upper <= level) medianUpper = time
      }
    }
    atRisk -= died + censored
  }
  for (; horizon < closureHorizons.length; horizon++) (survivalAt[horizon] = survival), (greenwoodAt[horizon] = greenwood)
  const observations = closedCount + openCount
  // Each horizon by its own call, always an object of one shape: destructuring a mapped
  // array, or reading fields through `?.` of a value that was sometimes undefined, made
  // the optimiser throw this code away run after run of a sweep (seen with --trace-deopt).
  const closureAtHorizon = (k: number): ClosureFigures =>
    observations === 0 || longest < closureHorizons[k]! ? noClosure : closureAt(survivalAt[k]!, greenwoodAt[k]!, z)
  const d30 = closureAtHorizon(0)
  const d90 = closureAtHorizon(1)
  const d365 = closureAtHorizon(2)
  return {
    closureBy30Days: d30.estimate,
    closureBy30DaysLower: d30.lower,
    closureBy30DaysUpper: d30.upper,
    closureBy90Days: d90.estimate,
    closureBy90DaysLower: d90.lower,
    closureBy90DaysUpper: d90.upper,
    closureBy365Days: d365.estimate,
    closureBy365DaysLower: d365.lower,
    closureBy365DaysUpper: d365.upper,
    closureMedianDays: median ?? null,
    closureMedianDaysLower: medianLower ?? null,
    closureMedianDaysUpper: medianUpper ?? null,
  }
}
