import * as E from 'fp-ts/lib/Either.js'
import { pseudonymiser, pseudonymKeyProblem } from '../fhir/pseudonym.js'
import type { Model } from '../model/codecs.js'
import { defaultRelativeAccuracy } from '../stats/quantile-sketch.js'
import { MeasureContext } from './context.js'
import type { EvidenceError } from './errors.js'
import { type BadInputReason, type LogEvent, type LogRecord, type LogRecords, parseTimestamp } from './events.js'
import { MeasurementCollector } from './collect.js'
import { finalOutcome, type ItemEvents, type ItemResult, measureItem } from './item.js'
import { type ItemMeasurement, itemMeasurement } from './item-listing.js'
import { OpenItems } from './open-items.js'
import type { ResolvedMapping } from './mapping.js'
import { measurementFormat, type MeasurementSummary } from './measure-summary.js'
import { type BadInputCount, reportedRows } from './summary.js'

/**
 * Options of {@link summariseEvents} (and {@link measureLoops}).
 * @category Evidence
 */
export interface SummariseOptions {
  /** `report` (default): count bad input and go on; `fail`: stop at the first bad row. */
  readonly onBadInput?: 'report' | 'fail'
  /** Key for HMAC-SHA-256 pseudonyms of item ids, as the FHIR import; without it ids are kept. */
  readonly pseudonymKey?: string | Uint8Array
  /** List every item with its stages (default `true`; memory grows with the items). */
  readonly items?: boolean
  /** Relative error of the latency sketches (default 0.01). */
  readonly relativeAccuracy?: number
  /** Censor open items here (ISO 8601) instead of at the log's latest event. */
  readonly observedUntil?: string
  /**
   * Measure and forget an item once the log has moved this many days past its latest
   * event, so memory holds the items still active, not every item of the log. Choose
   * it longer than any silence between an item's events: an event that comes after its
   * item has settled starts a new item, reported as `missing-raise`. Default: never
   * (every item is kept to the end of the log).
   */
  readonly settleDays?: number
  /** Called every 65,536 records read, with the count so far. */
  readonly onProgress?: (recordsRead: number) => void
}

/** A summary and, when asked for, the items it counted. @category Evidence */
export interface Summarised {
  readonly summary: MeasurementSummary
  readonly items: ReadonlyArray<ItemMeasurement>
}

const reasonWords: Readonly<Record<BadInputReason, string>> = {
  'unreadable-row': 'the row cannot be read',
  'missing-field': 'the row has no case id, activity or timestamp',
  'bad-timestamp': 'the timestamp is not ISO 8601',
  'unknown-activity': 'the activity is not in the stage mapping',
  'unknown-resource': 'the resource is no model actor',
  'unknown-level': 'the level is not delivery, planning or strategy',
  'unknown-channel': 'the channel is no model channel',
  'unknown-outcome': 'the outcome is not in the mapping',
  'time-backwards': 'the event is earlier than one already read for its item',
  'duplicate-event': 'the event repeats one already read',
  'missing-raise': 'the item has no raising event',
  'unknown-reference': 'the resource answers or acts on something not in the bundle',
  'reference-cycle': 'the resource is in a chain of replies that loops back on itself',
}

/**
 * Read a feedback log and count what it says, without building the report: the part of
 * {@link measureLoops} that shards run. Records arrive as an (async) iterable, one by
 * one or in batches; memory holds the items still open (three numbers per event; see
 * `settleDays`), never the log's text. Every bad row is counted by reason with its
 * first 20 row numbers. O(events + items · e log e).
 * @category Evidence
 */
export const summariseEvents = async (
  model: Model,
  records: LogRecords,
  mapping: ResolvedMapping,
  options: SummariseOptions = {},
): Promise<E.Either<ReadonlyArray<EvidenceError>, Summarised>> => {
  const keyProblem = pseudonymKeyProblem(options.pseudonymKey)
  const until = options.observedUntil === undefined ? undefined : parseTimestamp(options.observedUntil)
  const optionErrors: EvidenceError[] = []
  if (keyProblem !== undefined) optionErrors.push({ code: 'invalid-option', path: keyProblem.path, message: keyProblem.message })
  if (options.observedUntil !== undefined && until === undefined) optionErrors.push({ code: 'invalid-option', path: '/observedUntil', message: 'observedUntil must be an ISO 8601 timestamp.' })
  if (optionErrors.length > 0) return E.left(optionErrors)
  const context = new MeasureContext(model, mapping)
  const bad = new Map<BadInputReason, { count: number; rows: number[] }>()
  let failure: EvidenceError | undefined
  const report = (reason: BadInputReason, row: number): void => {
    if (options.onBadInput === 'fail' && failure === undefined) failure = { code: 'bad-input', path: '', row, message: `Row ${row}: ${reasonWords[reason]}.` }
    const entry = bad.get(reason) ?? { count: 0, rows: [] }
    entry.count++
    if (entry.rows.length < reportedRows) entry.rows.push(row)
    bad.set(reason, entry)
  }
  const accuracy = options.relativeAccuracy ?? defaultRelativeAccuracy
  const collector = new MeasurementCollector(context, accuracy)
  const listing: Array<readonly [string, ItemResult]> = []
  const items = new OpenItems()
  const settle = (id: string, list: ItemEvents): void => {
    const result = measureItem(context, list, report)
    if (result === undefined) return
    collector.add(result)
    if (options.items !== false) listing.push([id, result])
  }
  const events = { read: 0, used: 0, ignored: 0 }
  let earliest = Infinity
  let latest = -Infinity
  const notes: BadInputReason[] = []
  const take = (record: LogRecord): void => {
    events.read++
    if (events.read % 65_536 === 0) {
      options.onProgress?.(events.read)
      if (options.settleDays !== undefined) items.settle(settle, latest - options.settleDays)
    }
    if ('problem' in record) {
      report(record.problem, record.row)
      return
    }
    const event = record as LogEvent
    const time = parseTimestamp(event.timestamp)
    notes.length = 0
    const type = time === undefined ? 'bad-timestamp' : context.typeOf(event, notes)
    for (const note of notes) report(note, event.row)
    if (type === -1) events.ignored++
    else if (typeof type === 'string') report(type, event.row)
    else {
      events.used++
      if (time! < earliest) earliest = time!
      if (time! > latest) latest = time!
      items.add(event.item, time!, event.row, type)
    }
  }
  for await (const chunk of records) {
    // A batch (an array of records, as readCsvEventBatches yields) costs one await, not one per event.
    if (Array.isArray(chunk)) {
      for (const record of chunk as ReadonlyArray<LogRecord>) {
        if ('failure' in record) return E.left([record.failure])
        take(record)
        if (failure !== undefined) return E.left([failure])
      }
    } else {
      const record = chunk as LogRecord
      if ('failure' in record) return E.left([record.failure])
      take(record)
      if (failure !== undefined) return E.left([failure])
    }
  }
  items.settle(settle)
  if (failure !== undefined) return E.left([failure])
  const pseudonym = await pseudonymiser(options.pseudonymKey)
  const listed: ItemMeasurement[] = []
  for (const [id, result] of listing) listed.push(itemMeasurement(context, await pseudonym('item', id), result, finalOutcome(result)))
  const observedUntil = until ?? (latest === -Infinity ? null : latest)
  const badInput: BadInputCount[] = [...bad.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([reason, entry]) => ({ reason, ...entry }))
  const summary: MeasurementSummary = {
    format: measurementFormat,
    model: model.id,
    resolutionDays: mapping.resolutionDays,
    relativeAccuracy: accuracy,
    events,
    observedFrom: earliest === Infinity ? null : earliest,
    observedUntil,
    badInput,
    ...collector.toSummary(observedUntil ?? 0),
  }
  return E.right({ summary, items: listed })
}
