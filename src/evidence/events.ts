import type { EvidenceError } from './errors.js'

/**
 * One event of a feedback log as read, before it is checked: which item (case) it is
 * about, what happened, when, and who did it. Cells are kept as text; `measureLoops`
 * parses and checks them. Give these from any source (a file, a database cursor).
 * @category Evidence
 */
export interface LogEvent {
  /** Where the event came from: the CSV row (header = 1), the OCEL event number or the FHIR bundle entry number (both from 1). */
  readonly row: number
  readonly item: string
  readonly activity: string
  /** ISO 8601: `2026-03-01`, `2026-03-01T09:30`, `2026-03-01 09:30:00Z`, `…+01:00`. */
  readonly timestamp: string
  readonly resource?: string
  readonly level?: string
  readonly channel?: string
  readonly outcome?: string
}

/**
 * Why an event or row of a log was not used. Each is counted and reported with the
 * first row numbers, never dropped in silence:
 *
 * - `unreadable-row`: a CSV row that cannot be parsed, or has more cells than the header.
 * - `missing-field`: no case id, activity or timestamp.
 * - `bad-timestamp`: a timestamp that is not ISO 8601.
 * - `unknown-activity`: an activity the mapping neither maps to a stage nor ignores.
 * - `unknown-resource`: a resource that is no model actor (the event still counts for
 *   its stage, with no actor).
 * - `unknown-level`, `unknown-channel`, `unknown-outcome`: a cell the model or the
 *   mapping does not know (the event still counts, without that cell).
 * - `time-backwards`: an event earlier, by more than the tolerance, than one already
 *   read for its item.
 * - `duplicate-event`: the same activity, time, resource and channel twice for an item.
 * - `missing-raise`: an item with no raising event (it cannot be timed).
 * - `unknown-reference`: a FHIR resource that answers or acts on something not in the
 *   bundle (or of a type that cannot be), so its thread cannot be found.
 * - `reference-cycle`: a FHIR resource in a chain of replies that loops back on itself.
 * @category Evidence
 */
export type BadInputReason =
  | 'unreadable-row'
  | 'missing-field'
  | 'bad-timestamp'
  | 'unknown-activity'
  | 'unknown-resource'
  | 'unknown-level'
  | 'unknown-channel'
  | 'unknown-outcome'
  | 'time-backwards'
  | 'duplicate-event'
  | 'missing-raise'
  | 'unknown-reference'
  | 'reference-cycle'

/** A row a reader could not turn into an event. @category Evidence */
export interface LogProblem {
  readonly row: number
  readonly problem: BadInputReason
  /** Where in the input, as a JSON Pointer, when the reader knows (the FHIR reader does). */
  readonly path?: string
}

/** A reader that cannot go on (no such column, not OCEL). @category Evidence */
export interface LogFailure {
  readonly failure: EvidenceError
}

/** What a log reader yields. @category Evidence */
export type LogRecord = LogEvent | LogProblem | LogFailure

/**
 * Records to measure: one at a time or in batches (arrays), from an iterable or an
 * async iterable (a file stream, a database cursor). Batches cost one await each.
 * @category Evidence
 */
export type LogRecords = AsyncIterable<LogRecord | ReadonlyArray<LogRecord>> | Iterable<LogRecord | ReadonlyArray<LogRecord>>

const millisecondsPerDay = 86_400_000
const isoTimestamp = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/

/**
 * An ISO 8601 timestamp as days since 1970-01-01 UTC, or `undefined` when it is not
 * one. A time without an offset is read as UTC, so a log means the same everywhere.
 * Days, months and hours out of range are refused (no 30 February, no hour 24). O(length).
 * @category Evidence
 */
export const parseTimestamp = (text: string): number | undefined => {
  const match = isoTimestamp.exec(text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32) ? text.trim() : text)
  if (match === null) return undefined
  const [, year, month, day, hour, minute, second, fraction, zone] = match
  const days = daysFromCivil(Number(year), Number(month), Number(day))
  if (Number.isNaN(days)) return undefined
  if (hour === undefined) return zone === undefined || zone === 'Z' ? days : days - offsetMinutes(zone) / 1440
  const h = Number(hour)
  const m = Number(minute)
  const sec = second === undefined ? 0 : Number(second)
  if (h > 23 || m > 59 || sec > 59) return undefined
  const offset = zone === undefined || zone === 'Z' ? 0 : offsetMinutes(zone)
  const milliseconds = ((h * 60 + m - offset) * 60 + sec) * 1000 + (fraction === undefined ? 0 : Number(`0.${fraction}`) * 1000)
  return days + milliseconds / millisecondsPerDay
}

const offsetMinutes = (zone: string): number => (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)))

/** Days from 1970-01-01 to a proleptic Gregorian date, or NaN for a day the month lacks (Hinnant's algorithm). */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const lengths = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  if (month < 1 || month > 12 || day < 1 || day > lengths[month - 1]!) return Number.NaN
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}
