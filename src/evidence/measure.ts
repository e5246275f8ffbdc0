import * as E from 'fp-ts/lib/Either.js'
import { traceLoops } from '../graph/trace.js'
import type { Model } from '../model/codecs.js'
import { type ConformanceOptions, type ConformanceReport, checkConformance } from './conformance.js'
import type { EvidenceError } from './errors.js'
import type { LogRecords } from './events.js'
import type { ItemMeasurement } from './item-listing.js'
import { isoDate } from './item-listing.js'
import type { ResolvedMapping } from './mapping.js'
import type { MeasurementSummary } from './measure-summary.js'
import { type GroupReport, groupReport, type ReportedCount, reportCount, type ReportOptions, reportSettings } from './report.js'
import { type SummariseOptions, summariseEvents } from './summarise.js'
import type { BadInputCount } from './summary.js'

/** The format tag of a {@link MeasuredLoops} report. @category Evidence */
export const measuredLoopsFormat = 'orgintel-measured-loops/v1' as const

/**
 * Which loops close in the records, as published: per group closure by outcome with
 * intervals, stage latencies, the funnel of where items stop, conformance with the
 * model, bad input, and (when listed) every item. Counts from 1 to the threshold are
 * suppressed.
 * @category Evidence
 */
export interface MeasuredLoops {
  readonly format: typeof measuredLoopsFormat
  readonly model: string
  readonly suppressBelow: number
  readonly confidence: number
  readonly log: {
    readonly events: ReportedCount
    readonly used: ReportedCount
    readonly ignored: ReportedCount
    readonly from?: string
    readonly until?: string
  }
  readonly badInput: ReadonlyArray<BadInputCount>
  readonly overall: GroupReport
  readonly levels: ReadonlyArray<GroupReport>
  readonly actors: ReadonlyArray<GroupReport>
  readonly raisers: ReadonlyArray<GroupReport>
  readonly channels: ReadonlyArray<GroupReport>
  readonly tags: ReadonlyArray<GroupReport>
  readonly sources: ReadonlyArray<GroupReport>
  readonly loops: ReadonlyArray<GroupReport>
  readonly conformance: ConformanceReport
  readonly items: ReadonlyArray<ItemMeasurement>
}

/** Options of {@link measureLoops}. @category Evidence */
export interface MeasureOptions extends SummariseOptions, ReportOptions, ConformanceOptions {}

/**
 * Turn a measurement summary (one log, or merged shards) into a published report:
 * Kaplan–Meier closure with intervals, latency quantiles, small-number suppression and
 * conformance with the model. Pure; O(size of the summary + model).
 * @category Evidence
 */
export const reportMeasurement = (
  model: Model,
  summary: MeasurementSummary,
  options: ReportOptions & ConformanceOptions = {},
  items: ReadonlyArray<ItemMeasurement> = [],
): MeasuredLoops => {
  const settings = reportSettings(options)
  const count = (n: number): ReportedCount => reportCount(n, settings)
  const groups = (list: MeasurementSummary['groups'][keyof MeasurementSummary['groups']]) => list.map((group) => groupReport(group, settings))
  return {
    format: measuredLoopsFormat,
    model: summary.model,
    suppressBelow: settings.suppressBelow,
    confidence: settings.confidence,
    log: {
      events: count(summary.events.read),
      used: count(summary.events.used),
      ignored: count(summary.events.ignored),
      ...(summary.observedFrom === null ? {} : { from: isoDate(summary.observedFrom) }),
      ...(summary.observedUntil === null ? {} : { until: isoDate(summary.observedUntil) }),
    },
    badInput: summary.badInput,
    overall: groupReport(summary.overall, settings),
    levels: groups(summary.groups.levels),
    actors: groups(summary.groups.actors),
    raisers: groups(summary.groups.raisers),
    channels: groups(summary.groups.channels),
    tags: groups(summary.groups.tags),
    sources: groups(summary.groups.sources),
    loops: groups(summary.groups.loops),
    // By default the records are compared with the loops the model says close (`traceLoops`).
    conformance: checkConformance(model, summary, settings, { ...options, tracedLoops: options.tracedLoops ?? traceLoops(model).loops }),
    items,
  }
}

/**
 * Measure which feedback loops close, from records: read the events (CSV rows, OCEL
 * events, a database cursor), follow each item through its stages, and report closure
 * by outcome (`did | decided | heard`) as Kaplan–Meier estimates censored at the log's
 * end with confidence intervals, per level, actor, channel, tag, source and declared
 * loop; stage latencies (median, p90); where items stop; bad input by reason; and how
 * the records conform to the model. `mapping` comes from {@link decodeStageMapping}.
 * Browser-safe; the work is {@link summariseEvents} then {@link reportMeasurement}.
 * @example
 * {@includeCode ../../examples/measure-ward.ts#measure}
 * @category Evidence
 */
export const measureLoops = async (
  model: Model,
  events: LogRecords,
  mapping: ResolvedMapping,
  options: MeasureOptions = {},
): Promise<E.Either<ReadonlyArray<EvidenceError>, MeasuredLoops>> => {
  const summarised = await summariseEvents(model, events, mapping, options)
  if (E.isLeft(summarised)) return summarised
  return E.right(reportMeasurement(model, summarised.right.summary, options, summarised.right.items))
}
