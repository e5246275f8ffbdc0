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
 * Days, months and hours out of range are refused (no 30 February, no hour 24). The
 * shapes logs mostly use (`2026-03-01`, `2026-03-01T09:30:00.000Z`, with a space or an
 * offset) are read digit by digit; others by one regular expression, which
 * gives the same answer for every text. O(length).
 * @category Evidence
 */
export const parseTimestamp = (text: string): number | undefined => {
  const days = commonTimestamp(text)
  return days === unusual ? parseTimestampByPattern(text) : days
}

/**
 * {@link parseTimestamp} by one regular expression: the definition the digit-by-digit
 * reading of common shapes is checked against.
 * @internal
 */
export const parseTimestampByPattern = (text: string): number | undefined => {
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

/** Returned by {@link commonTimestamp} for a text it leaves to the pattern. */
const unusual = -Infinity

/** The value of `count` ASCII digits from `start`, or -1 if one is not a digit. */
const digits = (text: string, start: number, count: number): number => {
  let value = 0
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48
    // NaN past the end of the text fails this test too.
    if (!(digit >= 0 && digit <= 9)) return -1
    value = value * 10 + digit
  }
  return value
}

/**
 * Common shapes read digit by digit, with the arithmetic of the pattern's reading step
 * for step (so both give the same number): `YYYY-MM-DD`, then optionally `T` or a space,
 * `hh:mm`, `:ss`, `.` and 1 to 9 digits, then `Z` or `±hh:mm`/`±hhmm` or nothing.
 * Anything else (blanks, a bad value) is {@link unusual}.
 */
const commonTimestamp = (text: string): number | undefined => {
  const length = text.length
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return unusual
  const year = digits(text, 0, 4)
  const month = digits(text, 5, 2)
  const day = digits(text, 8, 2)
  if (year < 0 || month < 0 || day < 0) return unusual
  const days = daysFromCivil(year, month, day)
  if (Number.isNaN(days)) return unusual
  if (length === 10) return days
  const separator = text.charCodeAt(10)
  if ((separator !== 84 && separator !== 32) || length < 16 || text.charCodeAt(13) !== 58) return unusual
  const h = digits(text, 11, 2)
  const m = digits(text, 14, 2)
  if (h < 0 || m < 0 || h > 23 || m > 59) return unusual
  let position = 16
  let sec = 0
  let fraction = 0
  if (text.charCodeAt(position) === 58) {
    sec = digits(text, 17, 2)
    if (sec < 0 || sec > 59) return unusual
    position = 19
    if (text.charCodeAt(position) === 46) {
      const start = ++position
      let value = 0
      for (let digit = text.charCodeAt(position) - 48; digit >= 0 && digit <= 9 && position - start < 9; digit = text.charCodeAt(++position) - 48) value = value * 10 + digit
      const count = position - start
      if (count === 0) return unusual
      // An integer over a power of ten rounds as `Number('0.' + digits)` does (both are correctly rounded).
      fraction = (value / 10 ** count) * 1000
    }
  }
  let offset = 0
  if (position < length) {
    const zone = text.charCodeAt(position)
    if (zone === 90 && position + 1 === length) offset = 0
    else if ((zone === 43 || zone === 45) && (length - position === 6 || length - position === 5)) {
      const colon = length - position === 6
      if (colon && text.charCodeAt(position + 3) !== 58) return unusual
      const hours = digits(text, position + 1, 2)
      const minutes = digits(text, colon ? position + 4 : position + 3, 2)
      if (hours < 0 || minutes < 0) return unusual
      offset = (zone === 45 ? -1 : 1) * (hours * 60 + minutes)
    } else return unusual
  }
  const milliseconds = ((h * 60 + m - offset) * 60 + sec) * 1000 + fraction
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
