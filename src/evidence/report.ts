import { type KaplanMeierEstimate, closureBy, kaplanMeier, medianTime, type EstimateWithInterval, type TimeWithInterval } from '../stats/kaplan-meier.js'
import { sketchQuantile } from '../stats/quantile-sketch.js'
import { type Stage, stages } from './mapping.js'
import type { GroupSummary } from './summary.js'

/**
 * A count as published: the number, or `<8` (by default) for 1 to 7, as NHS statistics
 * suppress small numbers so that no person can be picked out. Zero is shown.
 * @category Evidence
 */
export type ReportedCount = number | `<${number}`

/** Options for how a report is made public. @category Evidence */
export interface ReportOptions {
  /** Counts from 1 to this minus 1 are shown as `<N` (default 8); 1 turns suppression off. */
  readonly suppressBelow?: number
  /** Confidence level of every interval (default 0.95). */
  readonly confidence?: number
  /** Days at which closure is reported besides the log's end (default 7, 28, 90). */
  readonly closureDays?: ReadonlyArray<number>
}

/** The suppression threshold and confidence a report was made with. @internal */
export interface ReportSettings {
  readonly suppressBelow: number
  readonly confidence: number
  readonly closureDays: ReadonlyArray<number>
}

/** Fill in report defaults. @internal */
export const reportSettings = (options: ReportOptions): ReportSettings => ({
  suppressBelow: options.suppressBelow ?? 8,
  confidence: options.confidence ?? 0.95,
  closureDays: options.closureDays ?? [7, 28, 90],
})

/** A count with small numbers suppressed. @internal */
export const reportCount = (count: number, settings: ReportSettings): ReportedCount =>
  count > 0 && count < settings.suppressBelow ? `<${settings.suppressBelow}` : count

/**
 * The Kaplan–Meier closure of one outcome for a group: the share of items closed with
 * at least that outcome by given days and by the log's end, the median time to it, and
 * the curve (step points, no counts), each with its confidence interval.
 * @category Evidence
 */
export interface ClosureReport {
  readonly byDay: ReadonlyArray<{ readonly days: number } & EstimateWithInterval>
  /** Closure at the longest follow-up in the group. */
  readonly byEnd: EstimateWithInterval
  readonly medianDays: TimeWithInterval
  readonly curve: ReadonlyArray<{ readonly days: number } & EstimateWithInterval>
}

/**
 * One group of items as published, with small counts suppressed; a group with fewer
 * items than the threshold shows no closure estimates at all (`closure` is absent).
 * @category Evidence
 */
export interface GroupReport {
  readonly key: string
  readonly items: ReportedCount
  readonly outcomes: { readonly open: ReportedCount; readonly heard: ReportedCount; readonly decided: ReportedCount; readonly did: ReportedCount }
  readonly closure?: { readonly heard: ClosureReport; readonly decided: ClosureReport; readonly did: ClosureReport }
  /** Where items stop: items whose furthest stage is each stage. */
  readonly funnel: ReadonlyArray<{ readonly stage: Stage; readonly items: ReportedCount }>
  /** Days between consecutive stages: median and 90th percentile (within the sketch's relative error). */
  readonly transitions: ReadonlyArray<{ readonly from: Stage; readonly to: Stage; readonly items: ReportedCount; readonly medianDays?: number; readonly p90Days?: number }>
  readonly stopsAt: ReadonlyArray<{ readonly actor: string; readonly items: ReportedCount }>
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000

const rounded = (value: EstimateWithInterval): EstimateWithInterval => ({ estimate: round(value.estimate), lower: round(value.lower), upper: round(value.upper) })

const closureReport = (estimate: KaplanMeierEstimate, settings: ReportSettings): ClosureReport => {
  const end = estimate.rows.length === 0 ? 0 : estimate.rows[estimate.rows.length - 1]!.time
  return {
    byDay: settings.closureDays.map((days) => ({ days, ...rounded(closureBy(estimate, days)) })),
    byEnd: rounded(closureBy(estimate, end)),
    medianDays: medianTime(estimate),
    curve: estimate.rows.filter((row) => row.events > 0).map((row) => ({ days: row.time, ...rounded(closureBy(estimate, row.time)) })),
  }
}

/** The Kaplan–Meier estimates of a group, for reports and conformance. @internal */
export const groupEstimates = (group: GroupSummary, confidence: number) => ({
  heard: kaplanMeier(group.closure.heard, { confidence }),
  decided: kaplanMeier(group.closure.decided, { confidence }),
  did: kaplanMeier(group.closure.did, { confidence }),
})

/** A group summary as published. @internal */
export const groupReport = (group: GroupSummary, settings: ReportSettings): GroupReport => {
  const count = (n: number): ReportedCount => reportCount(n, settings)
  const shown = group.items >= settings.suppressBelow
  const estimates = shown ? groupEstimates(group, settings.confidence) : undefined
  return {
    key: group.key,
    items: count(group.items),
    outcomes: { open: count(group.outcomes.open), heard: count(group.outcomes.heard), decided: count(group.outcomes.decided), did: count(group.outcomes.did) },
    ...(estimates === undefined
      ? {}
      : { closure: { heard: closureReport(estimates.heard, settings), decided: closureReport(estimates.decided, settings), did: closureReport(estimates.did, settings) } }),
    funnel: stages.map((stage, index) => ({ stage, items: count(group.funnel[index]!) })),
    transitions: group.transitions.map(({ from, to, latency }) => {
      const quantiles = latency.count >= settings.suppressBelow
        ? { medianDays: round(sketchQuantile(latency, 0.5)!), p90Days: round(sketchQuantile(latency, 0.9)!) }
        : {}
      return { from, to, items: count(latency.count), ...quantiles }
    }),
    stopsAt: group.stopsAt.map(({ actor, items }) => ({ actor, items: count(items) })),
  }
}
