import * as E from 'fp-ts/lib/Either.js'

/** One line of a rows file (a CSV record may span lines inside quotes): where it starts, its text and its fields. @internal */
export interface RowRecord {
  /** The line it starts on, counting from 1. */
  readonly line: number
  /** The record as written, without its line end. */
  readonly text: string
  readonly fields: ReadonlyArray<string>
}

/** Why a file cannot be split into records, and on which line. @internal */
export interface RecordProblem {
  readonly line: number
  readonly message: string
}

const crlfMessage = 'ends with CR LF, but the sweep writes LF line ends: the file was changed after it was written (e.g. by an editor on Windows)'
const cutMessage = 'has no line end: the file is cut short'

/**
 * Split CSV text into records of fields (RFC 4180 quotes; every record ends with
 * `\n`). A record ending in `\r\n`, a quote left open and a last line without its line
 * end are problems, reported with their line. O(length), iterative.
 * @internal
 */
export const splitCsvRecords = (text: string): E.Either<RecordProblem, ReadonlyArray<RowRecord>> => {
  const records: RowRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let recordStart = 0
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!
    if (quoted) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"'
          index++
        } else quoted = false
      } else {
        if (character === '\n') line++
        field += character
      }
    } else if (character === '"' && field === '') {
      quoted = true
    } else if (character === ',') {
      fields.push(field)
      field = ''
    } else if (character === '\n') {
      if (text[index - 1] === '\r') return E.left({ line: recordLine, message: crlfMessage })
      fields.push(field)
      records.push({ line: recordLine, text: text.slice(recordStart, index), fields })
      fields = []
      field = ''
      line++
      recordLine = line
      recordStart = index + 1
    } else {
      field += character
    }
  }
  if (quoted) return E.left({ line: recordLine, message: 'opens a quoted field that never closes: the file is cut short' })
  if (recordStart < text.length) return E.left({ line: recordLine, message: cutMessage })
  return E.right(records)
}

/**
 * Split JSON Lines text into records: each line parsed, with the same line-end rules as
 * {@link splitCsvRecords}. A line that is not JSON is a problem; a first line that looks
 * like a CSV header says so. O(length).
 * @internal
 */
export const splitJsonRecords = (text: string): E.Either<RecordProblem, ReadonlyArray<{ readonly line: number; readonly text: string; readonly value: unknown }>> => {
  const records: Array<{ readonly line: number; readonly text: string; readonly value: unknown }> = []
  const lines = text.split('\n')
  const last = lines.pop()
  if (last !== '') return E.left({ line: lines.length + 1, message: cutMessage })
  for (const [index, line] of lines.entries()) {
    if (line.endsWith('\r')) return E.left({ line: index + 1, message: crlfMessage })
    try {
      records.push({ line: index + 1, text: line, value: JSON.parse(line) as unknown })
    } catch {
      const csv = index === 0 && line.startsWith('run,')
      return E.left({ line: index + 1, message: csv ? 'is a CSV header, not JSON: is this a CSV file named .jsonl?' : 'is not valid JSON (cut short, or not a row the sweep wrote)' })
    }
  }
  return E.right(records)
}
