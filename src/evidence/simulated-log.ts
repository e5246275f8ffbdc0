import Papa from 'papaparse'
import { protectCell } from '../io/csv-columns.js'
import type { SimulationEventLog } from '../simulate/event-log.js'
import type { LogEvent } from './events.js'
import { isoDate } from './item-listing.js'
import type { StageMapping } from './mapping.js'

/**
 * The stage mapping of a simulated event log ({@link simulatedLogEvents}): each stage is
 * an activity of the same name, and resources are model actor ids.
 * @category Evidence
 */
export const simulatedStageMapping: StageMapping = {
  stages: { raised: ['raised'], received: ['received'], themed: ['themed'], decided: ['decided'], changed: ['changed'], replied: ['replied'] },
}

/** Options of {@link simulatedLogEvents} and {@link simulatedLogCsv}. @category Evidence */
export interface SimulatedLogOptions {
  /** The run's day 0 in days since 1970-01-01 UTC (default 2026-01-01; `parseTimestamp` turns a date into one). */
  readonly startDay?: number
}

const twoDigits = (value: number): string => String(value).padStart(2, '0')

/** `YYYY-MM-DDTHH:MM:SSZ` for a time in days since 1970, to the second. */
const isoTimestamp = (days: number): string => {
  const seconds = Math.round(days * 86_400)
  const day = Math.floor(seconds / 86_400)
  const within = seconds - day * 86_400
  return `${isoDate(day)}T${twoDigits(Math.floor(within / 3600))}:${twoDigits(Math.floor((within % 3600) / 60))}:${twoDigits(within % 60)}Z`
}

/** 2026-01-01 in days since 1970. */
const defaultStartDay = 20_454

/**
 * A simulation's event log (`simulate(model, { recordEvents: true }).eventLog`) as
 * events `measureLoops` reads with {@link simulatedStageMapping}: the case id is
 * `item-N`, the resource the actor id, with the level and, for a story or decision
 * received, the channel. Times are to the second from `startDay`. O(events).
 * @category Evidence
 */
export const simulatedLogEvents = (log: SimulationEventLog, options: SimulatedLogOptions = {}): ReadonlyArray<LogEvent> => {
  const start = options.startDay ?? defaultStartDay
  return log.events.map((event, index) => ({
    row: index + 2,
    item: `item-${event.item}`,
    activity: event.stage,
    timestamp: isoTimestamp(start + event.day),
    resource: event.actor,
    level: event.level,
    ...(event.channel === undefined ? {} : { channel: event.channel }),
  }))
}

/**
 * A simulation's event log as CSV text with the columns `measureLoops` reads by default
 * (`case id, activity, timestamp, resource, level, channel`), cells protected from
 * formula injection: write it beside `simulatedStageMapping` as JSON and run
 * `orgintel measure` on the pair. O(events).
 * @category Evidence
 */
export const simulatedLogCsv = (log: SimulationEventLog, options: SimulatedLogOptions = {}): string => {
  const data = simulatedLogEvents(log, options).map((event) =>
    [event.item, event.activity, event.timestamp, event.resource ?? '', event.level ?? '', event.channel ?? ''].map(protectCell),
  )
  return `${Papa.unparse({ fields: ['case id', 'activity', 'timestamp', 'resource', 'level', 'channel'], data }, { newline: '\n', escapeFormulae: false })}\n`
}
