import { type KaplanMeierEstimate, closureBy, kaplanMeier, medianTime } from '../stats/kaplan-meier.js'
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

/**
 * The Kaplan–Meier estimate of time to close and how long the longest-watched experience
 * was followed. The risk set is built from two sorted typed arrays (times of closures,
 * times of censoring) merged in one pass: the same summary as `RiskSetBuilder`, without
 * a map entry per distinct time (censoring times are almost all distinct). O(x log x).
 * @internal
 */
export const closureSurvival = (tally: Tally, warmUpDays: number, endTime: number): { readonly survival: KaplanMeierEstimate; readonly longest: number } => {
  const closedTimes = new Float64Array(tally.count)
  const openTimes = new Float64Array(tally.count)
  let closedCount = 0
  let openCount = 0
  let longest = 0
  for (let x = 0; x < tally.count; x++) {
    const raised = tally.raisedAt[x]!
    if (raised < warmUpDays) continue
    const closed = tally.outcome[x] === outcomeDid
    // + 0 makes -0 into 0, one time as in the builder.
    const time = Math.max(0, (closed ? tally.closedAt[x]! : endTime) - raised) + 0
    if (time > longest) longest = time
    if (closed) closedTimes[closedCount++] = time
    else openTimes[openCount++] = time
  }
  const byTime = closedTimes.subarray(0, closedCount).sort()
  const censoredAt = openTimes.subarray(0, openCount).sort()
  const times: number[] = []
  const events: number[] = []
  const censored: number[] = []
  for (let i = 0, j = 0; i < closedCount || j < openCount; ) {
    const time = Math.min(i < closedCount ? byTime[i]! : Infinity, j < openCount ? censoredAt[j]! : Infinity)
    let eventCount = 0
    let censoredCount = 0
    while (i < closedCount && byTime[i] === time) (eventCount++, i++)
    while (j < openCount && censoredAt[j] === time) (censoredCount++, j++)
    times.push(time)
    events.push(eventCount)
    censored.push(censoredCount)
  }
  return { survival: kaplanMeier({ times, events, censored }), longest }
}

/** The {@link SimulationEstimates} of a run that stopped at `endTime`. O(x + k log k) for x experiences and k distinct times. @internal */
export const estimateClosure = (tally: Tally, warmUpDays: number, endTime: number): SimulationEstimates => {
  const { survival, longest } = closureSurvival(tally, warmUpDays, endTime)
  const by = (day: number) => (survival.observations === 0 || longest < day ? undefined : closureBy(survival, day))
  const [d30, d90, d365] = closureHorizons.map(by)
  const median = survival.observations === 0 ? undefined : medianTime(survival)
  return {
    closureBy30Days: d30?.estimate ?? null,
    closureBy30DaysLower: d30?.lower ?? null,
    closureBy30DaysUpper: d30?.upper ?? null,
    closureBy90Days: d90?.estimate ?? null,
    closureBy90DaysLower: d90?.lower ?? null,
    closureBy90DaysUpper: d90?.upper ?? null,
    closureBy365Days: d365?.estimate ?? null,
    closureBy365DaysLower: d365?.lower ?? null,
    closureBy365DaysUpper: d365?.upper ?? null,
    closureMedianDays: median?.estimate ?? null,
    closureMedianDaysLower: median?.lower ?? null,
    closureMedianDaysUpper: median?.upper ?? null,
  }
}
