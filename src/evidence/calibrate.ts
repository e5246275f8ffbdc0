import * as E from 'fp-ts/lib/Either.js'
import type { Model } from '../model/codecs.js'
import { deriveRunSeed } from '../simulate/seed.js'
import type { SimulationParameters } from '../simulate/parameters.js'
import { simulate } from '../simulate/simulate.js'
import { closureBy, type EstimateWithInterval } from '../stats/kaplan-meier.js'
import { type FittedChannel, type FittedRole, type FitEvents, fitParameters } from './calibrate-fit.js'
import { MeasureContext, outcomes } from './context.js'
import type { EvidenceError } from './errors.js'
import { type BadInputReason, type LogRecord, type LogRecords, parseTimestamp } from './events.js'
import { decodeStageMapping, type ResolvedMapping } from './mapping.js'
import type { MeasurementSummary } from './measure-summary.js'
import { groupEstimates, type ReportedCount, reportCount, type ReportOptions, reportSettings } from './report.js'
import { simulatedLogEvents, simulatedStageMapping } from './simulated-log.js'
import { summariseEvents } from './summarise.js'
import type { GroupSummary } from './summary.js'

/** The format tag of a {@link Calibration}. @category Evidence */
export const calibrationFormat = 'orgintel-calibration/v1' as const

/**
 * Measured closure of one group at one outcome and day, against the same figure measured
 * in the same way on logs the calibrated simulation wrote: `inside` when the mean of the
 * simulated figures lies within the measured interval (a posterior-predictive style check).
 * @category Evidence
 */
export interface ClosureCheck {
  /** `all`, or a level. */
  readonly group: string
  readonly outcome: (typeof outcomes)[number]
  readonly days: number
  readonly items: ReportedCount
  readonly measured: EstimateWithInterval
  readonly simulated: { readonly mean: number; readonly lowest: number; readonly highest: number }
  readonly inside: boolean
}

/**
 * The simulation fitted to records ({@link calibrate}): `parameters` for `simulate`
 * (`orgintel simulate --parameters`), how each channel and actor role was fitted, and
 * simulated against measured closure.
 * @category Evidence
 */
export interface Calibration {
  readonly format: typeof calibrationFormat
  readonly model: string
  readonly seed: number
  readonly runs: number
  /** Days each simulated run lasted: the span of the records. */
  readonly days: number
  readonly confidence: number
  readonly suppressBelow: number
  readonly parameters: SimulationParameters
  readonly channels: ReadonlyArray<FittedChannel>
  readonly roles: ReadonlyArray<FittedRole>
  readonly checks: ReadonlyArray<ClosureCheck>
  /** How many checks fall inside their measured interval. */
  readonly inside: number
}

/** Options of {@link calibrate}. @category Evidence */
export interface CalibrateOptions extends ReportOptions {
  /** Seed of the first simulated run (default 1); each replicate derives its own. */
  readonly seed?: number
  /** Simulated runs to compare with the records (default 10). */
  readonly runs?: number
  /** The fewest items a rate is fitted from (default: `suppressBelow`, 8). */
  readonly minItems?: number
  /** Called after the log is read and after each simulated run. */
  readonly onProgress?: (step: 'read' | 'simulate', done: number, total: number) => void
}

const mean = (values: ReadonlyArray<number>): number => values.reduce((sum, value) => sum + value, 0) / values.length
const round = (value: number): number => Math.round(value * 10_000) / 10_000

const optionErrors = (options: CalibrateOptions): EvidenceError[] => {
  const errors: EvidenceError[] = []
  const whole = (field: 'seed' | 'runs' | 'minItems', low: number, high: number): void => {
    const value = options[field]
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= low && value <= high)) {
      errors.push({ code: 'invalid-option', path: `/${field}`, message: `${field} must be a whole number from ${low} to ${high}, but it is ${String(value)}.` })
    }
  }
  whole('seed', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)
  whole('runs', 1, 1000)
  whole('minItems', 1, Number.MAX_SAFE_INTEGER)
  return errors
}

/** Closure of each group and outcome by each day, for the groups with enough items. */
const closureFigures = (summary: MeasurementSummary, days: ReadonlyArray<number>, confidence: number, suppressBelow: number) => {
  const figures = new Map<string, { items: number; estimate: EstimateWithInterval }>()
  const groups: ReadonlyArray<GroupSummary> = [summary.overall, ...summary.groups.levels]
  for (const group of groups) {
    if (group.items < suppressBelow) continue
    const estimates = groupEstimates(group, confidence)
    for (const outcome of outcomes) for (const day of days) figures.set(`${group.key}/${outcome}/${day}`, { items: group.items, estimate: closureBy(estimates[outcome], day) })
  }
  return figures
}

/**
 * Fit the simulation to feedback records and check the fit: read the log once, fit each
 * channel's reliability and latency and each actor's raising rate and chances to make
 * sense, decide, act and reply from what the items did (see `FittedChannel` and
 * `FittedRole`), then simulate the records' span `runs` times with those parameters,
 * measure each run's event log exactly as the records were measured, and compare closure
 * overall and per level, by outcome, at the report's days (7, 28 and 90 by default):
 * a simulated mean outside the measured interval says the model does not explain the
 * data there. Counts are suppressed below `suppressBelow`. Holds the log in memory;
 * O(events log events + runs · simulated events). Browser-safe.
 * @example
 * {@includeCode ../../examples/calibrate-records.ts#calibrate}
 * @category Evidence
 */
export const calibrate = async (
  model: Model,
  records: LogRecords,
  mapping: ResolvedMapping,
  options: CalibrateOptions = {},
): Promise<E.Either<ReadonlyArray<EvidenceError>, Calibration>> => {
  const invalid = optionErrors(options)
  if (invalid.length > 0) return E.left(invalid)
  const settings = reportSettings(options)
  const seed = options.seed ?? 1
  const runs = options.runs ?? 10
  const minItems = options.minItems ?? settings.suppressBelow
  const context = new MeasureContext(model, mapping)
  const kept: LogRecord[] = []
  const items = new Map<string, FitEvents>()
  const notes: BadInputReason[] = []
  for await (const chunk of records) {
    for (const record of (Array.isArray(chunk) ? chunk : [chunk]) as ReadonlyArray<LogRecord>) {
      kept.push(record)
      if ('problem' in record || 'failure' in record) continue
      notes.length = 0
      const time = parseTimestamp(record.timestamp)
      const type = time === undefined ? -1 : context.typeOf(record, notes)
      if (typeof type !== 'number' || type < 0) continue
      const list = items.get(record.item)
      if (list === undefined) items.set(record.item, [time!, type])
      else list.push(time!, type)
    }
  }
  const measured = await summariseEvents(model, kept, mapping, { items: false })
  if (E.isLeft(measured)) return measured
  const summary = measured.right.summary
  const from = summary.observedFrom ?? 0
  const span = Math.max(0, (summary.observedUntil ?? 0) - from)
  options.onProgress?.('read', kept.length, kept.length)
  const fit = fitParameters(model, context, items.values(), span, minItems)
  const days = Math.ceil(span)
  const checkDays = settings.closureDays.filter((day) => day <= days)
  const wanted = closureFigures(summary, checkDays, settings.confidence, settings.suppressBelow)
  const simulatedMapping = decodeStageMapping(simulatedStageMapping, model)
  if (E.isLeft(simulatedMapping)) return simulatedMapping
  const simulated = new Map<string, number[]>()
  for (let run = 0; run < runs; run++) {
    const result = simulate(model, { seed: deriveRunSeed(seed, 'calibrate', run), days, parameters: fit.parameters, recordEvents: true })
    const log = simulatedLogEvents(result.eventLog!, { startDay: from })
    const own = await summariseEvents(model, log, simulatedMapping.right, { items: false })
    if (E.isRight(own)) {
      for (const [key, figure] of closureFigures(own.right.summary, checkDays, settings.confidence, 1)) {
        if (!wanted.has(key)) continue
        const list = simulated.get(key) ?? []
        list.push(figure.estimate.estimate)
        simulated.set(key, list)
      }
    }
    options.onProgress?.('simulate', run + 1, runs)
  }
  const checks: ClosureCheck[] = []
  for (const [key, figure] of wanted) {
    const values = simulated.get(key) ?? [0]
    const [group, outcome, day] = key.split('/') as [string, (typeof outcomes)[number], string]
    const average = mean(values)
    const measuredFigure = { estimate: round(figure.estimate.estimate), lower: round(figure.estimate.lower), upper: round(figure.estimate.upper) }
    const inside = average >= figure.estimate.lower - 1e-9 && average <= figure.estimate.upper + 1e-9
    checks.push({ group, outcome, days: Number(day), items: reportCount(figure.items, settings), measured: measuredFigure, simulated: { mean: round(average), lowest: round(Math.min(...values)), highest: round(Math.max(...values)) }, inside })
  }
  const count = (value: ReportedCount): ReportedCount => (typeof value === 'number' ? reportCount(value, settings) : value)
  return E.right({
    format: calibrationFormat,
    model: model.id,
    seed,
    runs,
    days,
    confidence: settings.confidence,
    suppressBelow: settings.suppressBelow,
    parameters: fit.parameters,
    channels: fit.channels.map((channel) => ({ ...channel, items: count(channel.items), passed: count(channel.passed) })),
    roles: fit.roles.map((role) => ({ ...role, items: count(role.items), done: count(role.done) })),
    checks,
    inside: checks.filter((check) => check.inside).length,
  })
}
