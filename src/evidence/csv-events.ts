import { unprotectCell } from '../io/csv-columns.js'
import { withoutByteOrderMark } from '../model/decode.js'
import { CsvScanner } from './csv-scanner.js'
import type { LogRecord } from './events.js'
import type { EventField, ResolvedMapping } from './mapping.js'

/**
 * Text of an event log: one string, or chunks of text or UTF-8 bytes as they arrive
 * (a Node file stream, a `fetch` body, a database export).
 * @category Evidence
 */
export type LogText = string | AsyncIterable<string | Uint8Array> | Iterable<string>

/** Options of {@link readCsvEvents}. @category Evidence */
export interface CsvEventOptions {
  /** The cell separator: one character, not a quote or a line end (default `,`; `\t` for tab-separated logs). */
  readonly delimiter?: string
}

/** The column of each field (-1: none). */
type EventColumns = Readonly<Record<EventField, number>>

/** Where each field is in the header, or the fields that have no column. */
const locateColumns = (header: ReadonlyArray<string>, mapping: ResolvedMapping): EventColumns | EventField[] => {
  const titles = header.map((title) => title.trim().toLowerCase())
  const found: Record<EventField, number> = { case: -1, activity: -1, timestamp: -1, resource: -1, level: -1, channel: -1, outcome: -1 }
  for (const [field, names] of mapping.columns) found[field] = titles.findIndex((title) => names.includes(title))
  const missing = (['case', 'activity', 'timestamp'] as const).filter((field) => found[field] < 0)
  return missing.length > 0 ? missing : found
}

const joinBytes = (parts: ReadonlyArray<Uint8Array>, length: number): Uint8Array => {
  if (parts.length === 1) return parts[0]!
  const joined = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    joined.set(part, offset)
    offset += part.length
  }
  return joined
}

/**
 * The text of a log in pieces. Bytes are cut after their last line feed and decoded a
 * piece at a time (a line feed is never part of a multi-byte character), so a piece
 * mostly ends where a record does and is scanned without being joined to the next.
 * Bytes kept for the next piece are copied: a source may reuse its buffer.
 */
async function* textChunks(input: LogText): AsyncGenerator<string> {
  if (typeof input === 'string') {
    yield input
    return
  }
  const decoder = new TextDecoder('utf-8')
  const pending: Uint8Array[] = []
  let pendingLength = 0
  const decodePending = (): string => {
    const text = decoder.decode(joinBytes(pending, pendingLength), { stream: true })
    pending.length = 0
    pendingLength = 0
    return text
  }
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
    if (typeof chunk === 'string') {
      if (pendingLength > 0) yield decodePending()
      yield chunk
      continue
    }
    const cut = chunk.lastIndexOf(10) + 1
    if (cut > 0) {
      pending.push(chunk.subarray(0, cut))
      pendingLength += cut
      yield decodePending()
    }
    if (cut < chunk.length) {
      pending.push(chunk.slice(cut))
      pendingLength += chunk.length - cut
    }
  }
  const rest = (pendingLength > 0 ? decodePending() : '') + decoder.decode()
  if (rest !== '') yield rest
}

/**
 * Read a CSV event log as it arrives, in batches of records (up to 1,024 at a time),
 * in the columns process-mining tools use: case id, activity, timestamp (required),
 * resource, and optionally level, channel and outcome.
 * Headings are matched ignoring case: `case id` / `case` / `case:concept:name`,
 * `activity` / `concept:name` / `event`, `timestamp` / `time:timestamp` / `time` /
 * `date`, `resource` / `org:resource` / `actor`, `level`, `channel`, `outcome`; the
 * mapping's `columns` names others. Other columns (free text) are skipped unread: a
 * cell becomes text only if it is one of these. Records are split in one pass over
 * the text (RFC 4180 quoting, CR LF or LF line ends), so memory holds one chunk of the
 * file, never the whole log. A row that cannot be read (broken quoting,
 * more cells than the header) is yielded as a problem with its row number (the
 * header is row 1; a record whose quoted cell spans lines is one row); a log without
 * a required column yields one failure and stops. The leading `'` the library's CSV
 * writer adds against formula injection is removed. O(length of the text).
 * @category Evidence
 */
export async function* readCsvEventBatches(input: LogText, mapping: ResolvedMapping, options: CsvEventOptions = {}): AsyncGenerator<ReadonlyArray<LogRecord>> {
  const delimiter = options.delimiter ?? ','
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    yield [{ failure: { code: 'invalid-option', path: '/delimiter', message: `The cell separator must be one character other than a quote or a line end, but it is ${JSON.stringify(delimiter)}.` } }]
    return
  }
  const scanner = new CsvScanner(delimiter.charCodeAt(0))
  let columns: EventColumns | undefined
  let headerLength = 0
  let row = 0
  let first = true
  let ended = false
  const chunks = textChunks(input)
  while (!ended) {
    const chunk = await chunks.next()
    if (chunk.done === true) ended = true
    else {
      scanner.append(first ? withoutByteOrderMark(chunk.value) : chunk.value)
      first = false
    }
    let batch: LogRecord[] = []
    while (scanner.next(ended)) {
      if (batch.length === batchSize) {
        yield batch
        batch = []
      }
      row++
      if (columns === undefined) {
        const header = Array.from({ length: scanner.count }, (_, index) => scanner.cell(index))
        const located = locateColumns(header, mapping)
        if (Array.isArray(located)) {
          yield [{ failure: { code: 'missing-column', path: '', row: 1, message: `The event log has no column for ${located.map((field) => `'${field}'`).join(', ')} (headings are matched ignoring case; name others in the mapping's "columns").` } }]
          return
        }
        columns = located
        headerLength = header.length
        continue
      }
      if (scanner.count === 1 && scanner.isBlank(0)) continue
      if (scanner.malformed || hasExtraCells(scanner, headerLength)) batch.push({ row, problem: 'unreadable-row' })
      else batch.push(eventOf(scanner, columns, row))
    }
    if (batch.length > 0) yield batch
  }
}

/**
 * Records per batch: enough that a batch's await costs nothing, few enough that the
 * records are measured before the garbage collector has to move them.
 */
const batchSize = 1024

const hasExtraCells = (scanner: CsvScanner, headerLength: number): boolean => {
  for (let index = headerLength; index < scanner.count; index++) if (!scanner.isBlank(index)) return true
  return false
}

/**
 * {@link readCsvEventBatches} one record at a time, for callers that want a plain
 * stream of records; measuring takes either, and batches faster.
 * @category Evidence
 */
export async function* readCsvEvents(input: LogText, mapping: ResolvedMapping, options: CsvEventOptions = {}): AsyncGenerator<LogRecord> {
  for await (const batch of readCsvEventBatches(input, mapping, options)) yield* batch
}

const cellOf = (scanner: CsvScanner, index: number): string | undefined => {
  if (index < 0) return undefined
  const cell = scanner.cell(index)
  if (cell === '') return undefined
  const trimmed = cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32 ? cell.trim() : cell
  return trimmed === '' ? undefined : unprotectCell(trimmed)
}

const eventOf = (scanner: CsvScanner, columns: EventColumns, row: number): LogRecord => {
  const item = cellOf(scanner, columns.case)
  const activity = cellOf(scanner, columns.activity)
  const timestamp = cellOf(scanner, columns.timestamp)
  if (item === undefined || activity === undefined || timestamp === undefined) return { row, problem: 'missing-field' }
  // One object shape for every event (absent cells are undefined), so property access stays fast.
  return {
    row,
    item,
    activity,
    timestamp,
    resource: cellOf(scanner, columns.resource),
    level: cellOf(scanner, columns.level),
    channel: cellOf(scanner, columns.channel),
    outcome: cellOf(scanner, columns.outcome),
  }
}
