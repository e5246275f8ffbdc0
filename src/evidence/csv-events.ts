import Papa from 'papaparse'
import { unprotectCell } from '../io/csv-columns.js'
import { withoutByteOrderMark } from '../model/decode.js'
import type { LogEvent, LogRecord } from './events.js'
import type { EventField, ResolvedMapping } from './mapping.js'

/**
 * Text of an event log: one string, or chunks of text or UTF-8 bytes as they arrive
 * (a Node file stream, a `fetch` body, a database export).
 * @category Evidence
 */
export type LogText = string | AsyncIterable<string | Uint8Array> | Iterable<string>

/** Options of {@link readCsvEvents}. @category Evidence */
export interface CsvEventOptions {
  /** The cell separator (default `,`). */
  readonly delimiter?: string
}

/** Where each field is in the header, or the fields that have no column. */
const locateColumns = (header: ReadonlyArray<string>, mapping: ResolvedMapping): Map<EventField, number> | EventField[] => {
  const titles = header.map((title) => title.trim().toLowerCase())
  const found = new Map<EventField, number>()
  for (const [field, names] of mapping.columns) {
    const index = titles.findIndex((title) => names.includes(title))
    if (index >= 0) found.set(field, index)
  }
  const missing = (['case', 'activity', 'timestamp'] as const).filter((field) => !found.has(field))
  return missing.length > 0 ? missing : found
}

async function* textChunks(input: LogText): AsyncGenerator<string> {
  if (typeof input === 'string') {
    yield input
    return
  }
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of input as AsyncIterable<string | Uint8Array>) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  const rest = decoder.decode()
  if (rest !== '') yield rest
}

/**
 * Split text arriving in chunks into runs of whole CSV records: a run ends at the last
 * line break outside quotes (a quote count of even parity), so a quoted cell that holds
 * a line break is never cut. O(length); chunks without quotes are not scanned.
 */
async function* wholeRecords(input: LogText): AsyncGenerator<string> {
  let buffer = ''
  let inQuotes = false
  let first = true
  for await (const raw of textChunks(input)) {
    const chunk = first ? withoutByteOrderMark(raw) : raw
    first = false
    const start = buffer.length
    buffer += chunk
    let lastBreak = -1
    // What the buffer held before this chunk has no line break outside quotes.
    if (!inQuotes && !chunk.includes('"')) {
      const last = chunk.lastIndexOf('\n')
      lastBreak = last < 0 ? -1 : start + last
    } else {
      for (let i = start; i < buffer.length; i++) {
        const code = buffer.charCodeAt(i)
        if (code === 34) inQuotes = !inQuotes
        else if (code === 10 && !inQuotes) lastBreak = i
      }
    }
    if (lastBreak >= 0) {
      yield buffer.slice(0, lastBreak + 1)
      buffer = buffer.slice(lastBreak + 1)
    }
  }
  if (buffer !== '') yield buffer
}

/**
 * Read a CSV event log as it arrives, in batches of records (one per chunk of text),
 * in the columns process-mining tools use: case id, activity, timestamp (required),
 * resource, and optionally level, channel and outcome.
 * Headings are matched ignoring case: `case id` / `case` / `case:concept:name`,
 * `activity` / `concept:name` / `event`, `timestamp` / `time:timestamp` / `time` /
 * `date`, `resource` / `org:resource` / `actor`, `level`, `channel`, `outcome`; the
 * mapping's `columns` names others. Other columns (free text) are skipped as each row
 * is read. Parsing is papaparse's, a run of whole records at a time, so memory holds
 * one chunk of the file, never the whole log. A row that cannot be read is yielded as
 * a problem; a log without a required column yields one failure and stops. The
 * leading `'` the library's CSV writer adds against formula injection is removed.
 * O(length of the text).
 * @category Evidence
 */
export async function* readCsvEventBatches(input: LogText, mapping: ResolvedMapping, options: CsvEventOptions = {}): AsyncGenerator<ReadonlyArray<LogRecord>> {
  let columns: Map<EventField, number> | undefined
  let headerLength = 0
  let row = 0
  let newline: '\r\n' | '\n' | undefined
  for await (const run of wholeRecords(input)) {
    // Guess the line ending once, not for every run.
    newline ??= run.includes('\r\n') ? '\r\n' : '\n'
    const parsed = Papa.parse<string[]>(run, { delimiter: options.delimiter ?? ',', newline, header: false, skipEmptyLines: false })
    const bad = new Set(parsed.errors.map((error) => error.row ?? -1))
    const records = parsed.data
    // A run ends with a line break, after which papaparse sees one empty record.
    const count = records.length > 0 && run.endsWith('\n') && records[records.length - 1]!.length === 1 && records[records.length - 1]![0] === '' ? records.length - 1 : records.length
    const batch: LogRecord[] = []
    for (let index = 0; index < count; index++) {
      const record = records[index]!
      row++
      if (columns === undefined) {
        const located = locateColumns(record, mapping)
        if (Array.isArray(located)) {
          yield [{ failure: { code: 'missing-column', path: '', row: 1, message: `The event log has no column for ${located.map((field) => `'${field}'`).join(', ')} (headings are matched ignoring case; name others in the mapping's "columns").` } }]
          return
        }
        columns = located
        headerLength = record.length
        continue
      }
      if (record.length === 1 && record[0]!.trim() === '') continue
      if (bad.has(index) || (record.length > headerLength && record.slice(headerLength).some((cell) => cell.trim() !== ''))) {
        batch.push({ row, problem: 'unreadable-row' })
        continue
      }
      batch.push(eventOf(record, columns, row))
    }
    if (batch.length > 0) yield batch
  }
}

/**
 * {@link readCsvEventBatches} one record at a time, for callers that want a plain
 * stream of records; measuring takes either, and batches faster.
 * @category Evidence
 */
export async function* readCsvEvents(input: LogText, mapping: ResolvedMapping, options: CsvEventOptions = {}): AsyncGenerator<LogRecord> {
  for await (const batch of readCsvEventBatches(input, mapping, options)) yield* batch
}

const cellOf = (record: ReadonlyArray<string>, index: number | undefined): string | undefined => {
  if (index === undefined) return undefined
  const cell = record[index]
  if (cell === undefined || cell === '') return undefined
  const trimmed = cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32 ? cell.trim() : cell
  return trimmed === '' ? undefined : unprotectCell(trimmed)
}

const eventOf = (record: ReadonlyArray<string>, columns: ReadonlyMap<EventField, number>, row: number): LogRecord => {
  const item = cellOf(record, columns.get('case'))
  const activity = cellOf(record, columns.get('activity'))
  const timestamp = cellOf(record, columns.get('timestamp'))
  if (item === undefined || activity === undefined || timestamp === undefined) return { row, problem: 'missing-field' }
  // One object shape for every event (absent cells are undefined), so property access stays fast.
  return {
    row,
    item,
    activity,
    timestamp,
    resource: cellOf(record, columns.get('resource')),
    level: cellOf(record, columns.get('level')),
    channel: cellOf(record, columns.get('channel')),
    outcome: cellOf(record, columns.get('outcome')),
  }
}
