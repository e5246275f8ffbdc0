import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { readCsvEvents } from '../../src/evidence/csv-events.js'
import { CsvScanner } from '../../src/evidence/csv-scanner.js'
import type { LogRecord } from '../../src/evidence/events.js'
import { withoutByteOrderMark } from '../../src/model/decode.js'
import { wardMapping } from './ward-log.js'

interface Scanned {
  readonly cells: ReadonlyArray<string>
  readonly malformed: boolean
}

/** Every record the scanner finds in text given in these pieces. */
const scan = (pieces: ReadonlyArray<string>): Scanned[] => {
  const scanner = new CsvScanner(44)
  const found: Scanned[] = []
  const take = (final: boolean) => {
    while (scanner.next(final)) found.push({ cells: Array.from({ length: scanner.count }, (_, index) => scanner.cell(index)), malformed: scanner.malformed })
  }
  for (const piece of pieces) {
    scanner.append(piece)
    take(false)
  }
  take(true)
  return found
}

/** Cut text at the given fractions of its length. */
const cut = (text: string, at: ReadonlyArray<number>): string[] => {
  const points = [...new Set(at.map((fraction) => Math.floor(fraction * text.length)))].sort((a, b) => a - b)
  const pieces: string[] = []
  let start = 0
  for (const point of points) {
    pieces.push(text.slice(start, point))
    start = point
  }
  pieces.push(text.slice(start))
  return pieces
}

const plainCell = fc.stringMatching(/^(?:[a-zé ß—][a-z "é—ß]{0,6})?$/)
const quotedCell = (newline: string) =>
  fc.array(fc.constantFrom('a', ',', '"', '\n', newline, ' ', 'é', ''), { maxLength: 8 }).map((parts) => `"${parts.join('').replaceAll('"', '""')}"`)

/** Well-formed CSV: plain and quoted cells (quotes, separators and line breaks inside), empty cells, either line end, a byte order mark or not. */
const csvText = fc.constantFrom('\n', '\r\n').chain((newline) =>
  fc.record({
    newline: fc.constant(newline),
    records: fc.array(fc.array(fc.oneof(plainCell, quotedCell(newline), fc.constant('')), { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    lineEndAtEnd: fc.boolean(),
    byteOrderMark: fc.boolean(),
  }),
)

describe('CsvScanner', () => {
  it('finds the records papaparse finds in well-formed CSV, however the text is cut', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), ({ newline, records, lineEndAtEnd, byteOrderMark }, at) => {
        const text = `${byteOrderMark ? '\uFEFF' : ''}${records.map((cells) => cells.join(',')).join(newline)}${lineEndAtEnd && records.length > 0 ? newline : ''}`
        const expected = Papa.parse<string[]>(text, { delimiter: ',', newline: newline as '\n' | '\r\n', header: false, skipEmptyLines: false }).data
        // Text that ends with a line end gives papaparse one more, empty, record.
        if (text.endsWith(newline) && expected.length > 0 && expected[expected.length - 1]!.join() === '') expected.pop()
        const scanned = scan(cut(withoutByteOrderMark(text), at))
        expect(scanned.map((record) => record.cells)).toEqual(expected)
        expect(scanned.every((record) => !record.malformed)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('gives the same records for any text, well-formed or not, whole or in pieces', () => {
    const text = fc.array(fc.constantFrom('a', ',', '"', '\n', '\r', ' '), { maxLength: 40 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (whole, at) => {
        expect(scan(cut(whole, at))).toEqual(scan([whole]))
      }),
      { numRuns: 1000 },
    )
  })

  it('marks a record with broken quoting, which still ends at its own line end', () => {
    expect(scan(['a,"b"x,c\nd,e\n"open,f\n'])).toEqual([
      { cells: ['a', '"b"x', 'c'], malformed: true },
      { cells: ['d', 'e'], malformed: false },
      { cells: ['open,f\n'], malformed: true },
    ])
    expect(scan(['"a" ,b\r\n"c""d"\r\n'])).toEqual([
      { cells: ['a', 'b'], malformed: false },
      { cells: ['c"d'], malformed: false },
    ])
  })
})

describe('readCsvEvents on bytes', () => {
  const mapping = wardMapping()
  const collect = async (records: AsyncIterable<LogRecord>): Promise<LogRecord[]> => {
    const list: LogRecord[] = []
    for await (const record of records) list.push(record)
    return list
  }
  async function* inPieces(bytes: Uint8Array, at: ReadonlyArray<number>): AsyncGenerator<Uint8Array> {
    const points = [...new Set(at.map((fraction) => Math.floor(fraction * bytes.length)))].sort((a, b) => a - b)
    let start = 0
    for (const point of [...points, bytes.length]) {
      // A fresh buffer each time, overwritten after use, as some sources reuse theirs.
      const piece = bytes.slice(start, point)
      yield piece
      piece.fill(0)
      start = point
    }
  }

  it('reads the same records from bytes cut anywhere (inside quotes and characters) as from the whole text', async () => {
    const row = fc.record({
      item: fc.constantFrom('S1', 'S2', ' S3 ', '', '"S,4"'),
      activity: fc.constantFrom('Story posted', 'Alert sent', '"Reply published"', 'Liked'),
      timestamp: fc.constantFrom('2026-01-01', '2026-01-02T10:00:00.000Z', 'soon'),
      resource: fc.constantFrom('Ward 7 patient', 'Manager', "'=Manager", ''),
      story: fc.oneof(plainCell, quotedCell('\r\n'), fc.constant('"broken"x')),
      extra: fc.constantFrom('', ',', ',more'),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), async (rows, newline, at) => {
        const lines = ['case id,activity,timestamp,resource,story', ...rows.map((cells) => `${cells.item},${cells.activity},${cells.timestamp},${cells.resource},${cells.story}${cells.extra}`)]
        const text = `\uFEFF${lines.join(newline)}${newline}`
        const whole = await collect(readCsvEvents(text, mapping))
        expect(await collect(readCsvEvents(inPieces(new TextEncoder().encode(text), at), mapping))).toEqual(whole)
        // One record per row, numbered from the header's 1, bad rows included.
        expect(whole.map((record) => ('row' in record ? record.row : 0))).toEqual(rows.map((_, index) => index + 2))
      }),
      { numRuns: 300 },
    )
  })
})
