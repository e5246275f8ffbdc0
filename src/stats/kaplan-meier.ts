import { normalQuantile } from './normal.js'
import { portableExp, portableLog, portablePow } from './portable-math.js'
import type { RiskSetSummary } from './risk-set.js'

/**
 * One row of a Kaplan–Meier table: at `time`, `atRisk` items were still followed,
 * `events` had the event and `censored` left observation; `survival` is the estimate of
 * S(time) just after it, `standardError` its Greenwood standard error, and `lower` /
 * `upper` its confidence interval (log-log transform).
 * @category Statistics
 */
export interface KaplanMeierRow {
  readonly time: number
  readonly atRisk: number
  readonly events: number
  readonly censored: number
  readonly survival: number
  readonly standardError: number
  readonly lower: number
  readonly upper: number
}

/**
 * A Kaplan–Meier estimate: one row per distinct observed time, with the confidence
 * level its intervals were made at.
 * @category Statistics
 */
export interface KaplanMeierEstimate {
  readonly rows: ReadonlyArray<KaplanMeierRow>
  /** How many items were observed, and how many had the event. */
  readonly observations: number
  readonly events: number
  /** Confidence level of every interval, e.g. 0.95. */
  readonly confidence: number
}

/**
 * Options of {@link kaplanMeier}.
 * @category Statistics
 */
export interface KaplanMeierOptions {
  /** Confidence level of the intervals, in (0, 1). Default 0.95. */
  readonly confidence?: number
}

/**
 * The Kaplan–Meier product-limit estimate (Kaplan & Meier 1958) of the chance that an
 * item has not yet had the event, from a right-censored {@link RiskSetSummary}. At a
 * time with both events and censorings the events come first (the censored items are
 * still at risk then), the usual convention. Variance by Greenwood's formula; the
 * interval is the log-log one (Kalbfleisch & Prentice 1980), which stays inside [0, 1]:
 * with σ² = Σ dᵢ / (nᵢ (nᵢ − dᵢ)) and θ = exp(z σ / ln S), it is [S^(1/θ), S^θ]. Where
 * S is 1 or 0 the interval is that point. O(k) for k distinct times.
 * @category Statistics
 */
export const kaplanMeier = (summary: RiskSetSummary, options: KaplanMeierOptions = {}): KaplanMeierEstimate => {
  const confidence = options.confidence ?? 0.95
  const z = intervalZ(confidence)
  let atRisk = 0
  for (let i = 0; i < summary.times.length; i++) atRisk += summary.events[i]! + summary.censored[i]!
  const observations = atRisk
  let events = 0
  let survival = 1
  let greenwood = 0
  const rows: KaplanMeierRow[] = []
  // The interval changes only with an event: rows of censoring alone share the last one.
  let bounds = survivalInterval(survival, greenwood, z)
  for (let i = 0; i < summary.times.length; i++) {
    const died = summary.events[i]!
    const censored = summary.censored[i]!
    if (died > 0) {
      survival = survivalAfter(survival, died, atRisk)
      greenwood = greenwoodAfter(greenwood, survival, died, atRisk)
      events += died
      bounds = survivalInterval(survival, greenwood, z)
    }
    const { standardError, lower, upper } = bounds
    // Fields written out rather than spread: a spread takes the slow path for each of many rows.
    rows.push({ time: summary.times[i]!, atRisk, events: died, censored, survival, standardError, lower, upper })
    atRisk -= died + censored
  }
  return { rows, observations, events, confidence }
}

/** The normal quantile for a two-sided interval at `confidence` (1.96 at 0.95). @internal */
export const intervalZ = (confidence: number): number => normalQuantile(1 - (1 - confidence) / 2)

/** S just after a time at which `died` of `atRisk` items had the event. @internal */
export const survivalAfter = (survival: number, died: number, atRisk: number): number =>
  died >= atRisk ? 0 : survival * (1 - died / atRisk)

/** Greenwood's running sum after that time (`survival` is the new S). @internal */
export const greenwoodAfter = (greenwood: number, survival: number, died: number, atRisk: number): number =>
  survival === 0 ? greenwood : greenwood + died / (atRisk * (atRisk - died))

/**
 * Standard error and log-log interval of S from Greenwood's running sum, in portable
 * arithmetic so an estimate has the same bytes in every JavaScript engine. @internal
 */
export const survivalInterval = (survival: number, greenwood: number, z: number): { readonly standardError: number; readonly lower: number; readonly upper: number } => {
  if (survival === 0 || survival === 1 || greenwood === 0) return { standardError: 0, lower: survival, upper: survival }
  const sigma = Math.sqrt(greenwood)
  // Portable arithmetic, so an estimate has the same bytes in every JavaScript engine.
  const theta = portableExp((z * sigma) / portableLog(survival))
  return { standardError: survival * sigma, lower: portablePow(survival, 1 / theta), upper: portablePow(survival, theta) }
}

/**
 * A point of a survival or closure curve, with its confidence interval.
 * @category Statistics
 */
export interface EstimateWithInterval {
  readonly estimate: number
  readonly lower: number
  readonly upper: number
}

/** The index of the last row with `time ≤ t`, or -1. Binary search, O(log k). */
const rowAt = (estimate: KaplanMeierEstimate, t: number): number => {
  let low = 0
  let high = estimate.rows.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (estimate.rows[middle]!.time <= t) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  return found
}

/**
 * S(t): the estimated chance an item has not had the event by time `t` (the curve is a
 * right-continuous step function), with its interval. Beyond the last observed time the
 * last value holds. O(log k).
 * @category Statistics
 */
export const survivalAt = (estimate: KaplanMeierEstimate, t: number): EstimateWithInterval => {
  const index = rowAt(estimate, t)
  if (index < 0) return { estimate: 1, lower: 1, upper: 1 }
  const row = estimate.rows[index]!
  return { estimate: row.survival, lower: row.lower, upper: row.upper }
}

/**
 * 1 − S(t): the estimated share of items that have had the event (a loop closed) by
 * time `t`, with its interval (the survival interval turned over). O(log k).
 * @category Statistics
 */
export const closureBy = (estimate: KaplanMeierEstimate, t: number): EstimateWithInterval => {
  const survival = survivalAt(estimate, t)
  return { estimate: 1 - survival.estimate, lower: 1 - survival.upper, upper: 1 - survival.lower }
}

/**
 * A time by which a given share of items has had the event, with its interval;
 * `undefined` where the curve (or a band) never comes down that far.
 * @category Statistics
 */
export interface TimeWithInterval {
  readonly estimate: number | undefined
  readonly lower: number | undefined
  readonly upper: number | undefined
}

// Products of ratios can land a hair above an exact 1/2; treat such a value as equal.
const tolerance = 1e-12

/** The survival level at or below which a share `p` has had the event. @internal */
export const quantileLevel = (p: number): number => 1 - p + tolerance

/**
 * The time by which a share `p` of items has had the event: the smallest t with
 * S(t) ≤ 1 − p. Its interval is where the confidence band crosses 1 − p (Brookmeyer &
 * Crowley 1982): the lower end where the lower band crosses, the upper end where the
 * upper band does.
 * O(k).
 * @category Statistics
 */
export const quantileTime = (estimate: KaplanMeierEstimate, p: number): TimeWithInterval => {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile needs 0 < p < 1, got ${p}`)
  const level = quantileLevel(p)
  const first = (value: (row: KaplanMeierRow) => number): number | undefined =>
    estimate.rows.find((row) => row.events > 0 && value(row) <= level)?.time
  return { estimate: first((row) => row.survival), lower: first((row) => row.lower), upper: first((row) => row.upper) }
}

/**
 * The median time to the event, with its interval: {@link quantileTime} at ½. O(k).
 * @category Statistics
 */
export const medianTime = (estimate: KaplanMeierEstimate): TimeWithInterval => quantileTime(estimate, 0.5)
