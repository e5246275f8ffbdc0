import * as E from 'fp-ts/lib/Either.js'
import { pseudonymiser, pseudonymKeyProblem } from '../fhir/pseudonym.js'
import type { Model } from '../model/codecs.js'
import { levels } from '../model/vocabulary.js'
import { defaultRelativeAccuracy } from '../stats/quantile-sketch.js'
import { MeasureContext } from './context.js'
import type { EvidenceError } from './errors.js'
import { type BadInputReason, type LogRecord, parseTimestamp } from './events.js'
import { finalOutcome, type ItemEvents, type ItemResult, measureItem } from './item.js'
import { type ItemMeasurement, itemMeasurement } from './item-listing.js'
import type { ResolvedMapping } from './mapping.js'
import { measurementFormat, type MeasurementSummary } from './measure-summary.js'
import { type BadInputCount, GroupBuilder, type GroupSummary, reportedRows } from './summary.js'

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
}

/**
 * Read a feedback log and count what it says, without building the report: the part of
 * {@link measureLoops} that shards run. Events arrive as an async iterable; memory
 * holds the items (three numbers per event), not the log's text. Every bad row is
 * counted by reason with its first 20 row numbers. O(events + items · e log e).
 * @category Evidence
 */
export const summariseEvents = async (
  model: Model,
  records: AsyncIterable<LogRecord> | Iterable<LogRecord>,
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
  const items = new Map<string, ItemEvents>()
  const events = { read: 0, used: 0, ignored: 0 }
  let earliest = Infinity
  let latest = -Infinity
  const notes: BadInputReason[] = []
  for await (const record of records) {
    if ('failure' in record) return E.left([record.failure])
    events.read++
    if (options.onProgress !== undefined && events.read % 65_536 === 0) options.onProgress(events.read)
    if ('problem' in record) report(record.problem, record.row)
    else {
      const time = parseTimestamp(record.timestamp)
      notes.length = 0
      const type = time === undefined ? 'bad-timestamp' : context.typeOf(record, notes)
      for (const note of notes) report(note, record.row)
      if (type === -1) events.ignored++
      else if (typeof type === 'string') report(type, record.row)
      else {
        events.used++
        if (time! < earliest) earliest = time!
        if (time! > latest) latest = time!
        const list = items.get(record.item)
        if (list === undefined) items.set(record.item, [time!, record.row, type])
        else list.push(time!, record.row, type)
      }
    }
    if (failure !== undefined) return E.left([failure])
  }
  const observedUntil = until ?? (latest === -Infinity ? null : latest)
  const accuracy = options.relativeAccuracy ?? defaultRelativeAccuracy
  const dimensions = ['levels', 'actors', 'raisers', 'channels', 'tags', 'sources', 'loops'] as const
  const builders = new Map(dimensions.map((name) => [name, new Map<string, GroupBuilder>()]))
  const overall = new GroupBuilder(mapping.resolutionDays, accuracy)
  const addTo = (dimension: (typeof dimensions)[number], key: string, result: ItemResult, followed: number): void => {
    const groups = builders.get(dimension)!
    let builder = groups.get(key)
    if (builder === undefined) groups.set(key, (builder = new GroupBuilder(mapping.resolutionDays, accuracy)))
    builder.add(result, followed)
  }
  const flows = new Map<number, number>()
  const pseudonym = await pseudonymiser(options.pseudonymKey)
  const listed: ItemMeasurement[] = []
  for (const [id, list] of items) {
    const result = measureItem(context, list, report)
    if (failure !== undefined) return E.left([failure])
    if (result === undefined) continue
    const followed = (observedUntil ?? result.origin) - result.origin
    overall.add(result, followed)
    addTo('levels', result.level < 0 ? 'unassigned' : levels[result.level]!, result, followed)
    for (const actor of result.actors) addTo('actors', context.actorIds[actor]!, result, followed)
    for (const channel of result.channels) addTo('channels', model.channels[channel]!.id, result, followed)
    if (result.source >= 0) addTo('sources', context.assetIds[result.source]!, result, followed)
    if (result.raiser >= 0) {
      const raiser = model.actors[result.raiser]!
      addTo('raisers', raiser.id, result, followed)
      for (const tag of new Set(raiser.tags)) addTo('tags', tag, result, followed)
      for (const loop of model.loops) {
        if (loop.through[0] === raiser.id && (result.level < 0 || loop.level === levels[result.level])) addTo('loops', loop.id, result, followed)
      }
    }
    for (const [from, to] of result.unmodelled) {
      const key = from * context.actorIds.length + to
      flows.set(key, (flows.get(key) ?? 0) + 1)
    }
    if (options.items !== false) listed.push(itemMeasurement(context, await pseudonym('item', id), result, finalOutcome(result)))
  }
  items.clear()
  const toList = (groups: Map<string, GroupBuilder>): ReadonlyArray<GroupSummary> =>
    [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, builder]) => builder.toSummary(key, context.actorIds))
  const badInput: BadInputCount[] = [...bad.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([reason, entry]) => ({ reason, ...entry }))
  const actorCount = context.actorIds.length
  const summary: MeasurementSummary = {
    format: measurementFormat,
    model: model.id,
    resolutionDays: mapping.resolutionDays,
    relativeAccuracy: accuracy,
    events,
    observedFrom: earliest === Infinity ? null : earliest,
    observedUntil,
    badInput,
    overall: overall.toSummary('all', context.actorIds),
    groups: Object.fromEntries(dimensions.map((name) => [name, toList(builders.get(name)!)])) as unknown as MeasurementSummary['groups'],
    unmodelledFlows: [...flows.entries()]
      .map(([key, count]) => ({ from: context.actorIds[Math.floor(key / actorCount)]!, to: context.actorIds[key % actorCount]!, items: count }))
      .sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1)),
  }
  return E.right({ summary, items: listed })
}
