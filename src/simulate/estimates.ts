import { type KaplanMeierEstimate, closureBy, kaplanMeier, medianTime } from '../stats/kaplan-meier.js'
import { RiskSetBuilder } from '../stats/risk-set.js'
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

/** The Kaplan–Meier estimate of time to close and how long the longest-watched experience was followed. @internal */
export const closureSurvival = (tally: Tally, warmUpDays: number, endTime: number): { readonly survival: KaplanMeierEstimate; readonly longest: number } => {
  const builder = new RiskSetBuilder()
  let longest = 0
  for (let x = 0; x < tally.count; x++) {
    const raised = tally.raisedAt[x]!
    if (raised < warmUpDays) continue
    const closed = tally.outcome[x] === outcomeDid
    const time = Math.max(0, (closed ? tally.closedAt[x]! : endTime) - raised)
    if (time > longest) longest = time
    builder.add(time, closed)
  }
  return { survival: kaplanMeier(builder.toSummary()), longest }
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
