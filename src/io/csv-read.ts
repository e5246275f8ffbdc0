import * as E from 'fp-ts/lib/Either.js'
import Papa from 'papaparse'
import type { Model } from '../model/codecs.js'
import { decodeModel, withoutByteOrderMark } from '../model/decode.js'
import { quoteId, type ModelError } from '../model/errors.js'
import { csvColumns, unprotectCell, type CsvColumn } from './csv-columns.js'
import { asInteropErrors, type CsvTableName, type InteropError } from './errors.js'
import { splitList } from './text.js'

/**
 * CSV texts to read. `actors` and `channels` are required; `assets` and `loops` may be
 * left out (no assets, no declared loops).
 * @category Interop
 */
export interface CsvInput {
  readonly actors: string
  readonly channels: string
  readonly assets?: string
  readonly loops?: string
}

/** Model-level fields, which the tables do not hold. @category Interop */
export interface CsvImportOptions {
  /** The model's id (default `csv-import`). */
  readonly id?: string
  /** The model's name (default `Imported from CSV`). */
  readonly name?: string
  readonly description?: string
}

interface ReadTable {
  readonly items: ReadonlyArray<Record<string, unknown>>
  /** Spreadsheet row number (header = 1) of each item. */
  readonly rows: ReadonlyArray<number>
}

const valueOf = (cell: string, column: CsvColumn): unknown => {
  const trimmed = cell.trim()
  switch (column.type) {
    case 'text':
      return cell === '' ? undefined : cell
    case 'word':
      return trimmed === '' ? undefined : trimmed
    case 'list':
      return splitList(cell)
    case 'number':
      return trimmed === '' ? undefined : Number.isFinite(Number(trimmed)) ? Number(trimmed) : cell
    case 'boolean': {
      const lower = trimmed.toLowerCase()
      return lower === '' ? undefined : lower === 'true' ? true : lower === 'false' ? false : cell
    }
  }
}

const describeInput = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`

const readTable = (table: CsvTableName, text: string, errors: InteropError[]): ReadTable => {
  const parsed = Papa.parse<string[]>(withoutByteOrderMark(text), { delimiter: ',', header: false, skipEmptyLines: false })
  for (const error of parsed.errors) {
    const row = (error.row ?? 0) + 1
    errors.push({ code: 'invalid-csv', path: '', table, row, message: `The ${table} CSV cannot be read at row ${row} (${error.code}).` })
  }
  const [header = [], ...records] = parsed.data
  const known = csvColumns[table]
  const columns: Array<CsvColumn | undefined> = []
  header.forEach((title, position) => {
    const match = known.find((column) => column.name.toLowerCase() === title.trim().toLowerCase())
    if (match === undefined || columns.includes(match)) {
      if (title.trim() !== '' || records.some((record) => (record[position] ?? '') !== '')) {
        // The header cell is not quoted: in a file without a header row it holds data,
        // which may be a person's name.
        const place = `column ${position + 1}`
        errors.push({ code: 'unknown-column', path: '', table, row: 1, column: place, message: `The ${table} table has an unknown or repeated heading in ${place} (known columns: ${known.map((column) => column.name).join(', ')}).` })
      }
      columns.push(undefined)
    } else columns.push(match)
  })
  for (const column of known) {
    if (column.required && !columns.includes(column)) {
      errors.push({ code: 'missing-column', path: '', table, row: 1, column: column.name, message: `The ${table} table has no '${column.name}' column.` })
    }
  }
  const items: Record<string, unknown>[] = []
  const rows: number[] = []
  records.forEach((record, position) => {
    const row = position + 2
    if (record.every((cell) => cell.trim() === '')) return
    const item: Record<string, unknown> = {}
    record.forEach((raw, index) => {
      const column = columns[index]
      if (column !== undefined) {
        const value = valueOf(unprotectCell(raw), column)
        if (value !== undefined) item[column.name] = value
      } else if (index >= header.length && raw.trim() !== '') {
        errors.push({ code: 'extra-cell', path: `/${table}/${items.length}`, table, row, message: `Row ${row} of the ${table} table has more cells than the header.` })
      }
    })
    for (const column of known) if (column.fallback !== undefined && !(column.name in item)) item[column.name] = column.fallback
    items.push(item)
    rows.push(row)
  })
  return { items, rows }
}

const unescapeSegment = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~')

/** Attach the table, row and column to an error whose path points into a table. */
const locate = (error: InteropError, tables: ReadonlyMap<CsvTableName, ReadTable>): InteropError => {
  const [, collection = '', index = '', field] = error.path.split('/').map(unescapeSegment)
  const table = tables.get(collection as CsvTableName)
  const row = table?.rows[Number(index)]
  if (table === undefined || row === undefined || !/^\d+$/.test(index)) return error
  const column = csvColumns[collection as CsvTableName].find((candidate) => candidate.name === field)
  return { ...error, table: collection as CsvTableName, row, ...(column === undefined ? {} : { column: column.name }) }
}

/**
 * Read a model from spreadsheet CSV (the texts {@link toCsv} writes). The first row of
 * each table is a header; column names are matched ignoring case and order:
 *
 * - `actors`: `id`, `name`, `kind`, `levels` (required), `perspective`, `tags`;
 * - `channels`: `id`, `from`, `to`, `level` (required), `carries`, `status`,
 *   `latencyDays`, `reliability`, `polarity` (`+` or `-`);
 * - `assets`: `id`, `name`, `kind`, `holder` (required), `acknowledged` (`true`/`false`);
 * - `loops`: `id`, `name`, `level`, `through` (required), `maxLatencyDays`.
 *
 * `levels`, `tags`, `carries` and `through` hold several values separated by `|`;
 * write `\|` for a bar and `\\` for a backslash inside a value. An empty cell means
 * "not given" (the model's default applies). Blank rows are skipped. A leading `'`
 * before `=`, `+`, `-`, `@`, tab or CR (added by `toCsv` against formula injection) is
 * removed. The model is validated by `decodeModel`; every error carries its table, its
 * spreadsheet row (the header is row 1) and its column where it has one, so
 * `/channels/3/to` is reported as channels row 5, column `to`. A table given as
 * anything but text (from untyped JavaScript or JSON) is an `invalid-csv` error for that
 * table, never a throw. O(size of the text).
 * @example
 * {@includeCode ../../examples/import-csv.ts#import}
 * @category Interop
 */
export const fromCsv = (input: CsvInput, options: CsvImportOptions = {}): E.Either<ReadonlyArray<InteropError>, Model> => {
  const errors: InteropError[] = []
  const tables = new Map<CsvTableName, ReadTable>()
  const given: Partial<Record<CsvTableName, unknown>> = typeof input === 'object' && input !== null ? input : {}
  const inputs: ReadonlyArray<readonly [CsvTableName, unknown]> = [
    ['actors', given.actors],
    ['assets', given.assets],
    ['channels', given.channels],
    ['loops', given.loops],
  ]
  for (const [name, text] of inputs) {
    if (text === undefined) continue
    // Untyped callers (JavaScript, parsed JSON) can pass anything; only text is a table.
    if (typeof text !== 'string') {
      errors.push({ code: 'invalid-csv', path: '', table: name, message: `The ${name} table must be CSV text, but it is ${describeInput(text)}.` })
      continue
    }
    tables.set(name, readTable(name, text, errors))
  }
  if (errors.length > 0) return E.left(errors)
  const document = {
    schema: 'orgintel/v2',
    id: options.id ?? 'csv-import',
    name: options.name ?? 'Imported from CSV',
    ...(options.description === undefined ? {} : { description: options.description }),
    actors: tables.get('actors')?.items ?? [],
    assets: tables.get('assets')?.items ?? [],
    channels: tables.get('channels')?.items ?? [],
    loops: tables.get('loops')?.items ?? [],
  }
  return E.mapLeft((modelErrors: ReadonlyArray<ModelError>) => asInteropErrors(modelErrors).map((error) => locate(error, tables)))(
    decodeModel(document),
  )
}
