import Papa from 'papaparse'
import { withoutByteOrderMark } from '../model/decode.js'
import { quoteId } from '../model/errors.js'
import { csvColumns, noneCell, unprotectCell, type CsvColumn } from './csv-columns.js'
import type { CsvTableName, InteropError } from './errors.js'
import { closestName } from '../model/suggest.js'
import { splitList } from './text.js'

/** The items of one table, with the spreadsheet row of each. @internal */
export interface ReadTable {
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
    case 'optional-list':
      return trimmed === '' ? undefined : trimmed === noneCell ? [] : splitList(cell)
    case 'number':
      return trimmed === '' ? undefined : Number.isFinite(Number(trimmed)) ? Number(trimmed) : cell
    case 'boolean': {
      const lower = trimmed.toLowerCase()
      return lower === '' ? undefined : lower === 'true' ? true : lower === 'false' ? false : cell
    }
  }
}

/** What a papaparse error code means, in words (the code itself means nothing to a user). */
const parseProblem = (code: string): string => {
  switch (code) {
    case 'MissingQuotes':
      return 'a quoted cell is never closed (a " is missing)'
    case 'InvalidQuotes':
      return 'a cell has a " that is neither doubled ("") nor at its start or end'
    default:
      return 'the row is not well-formed CSV'
  }
}

const otherSeparators = [';', '\t'] as const

/** The separator a header uses instead of `,`, when splitting it by that names two or more columns. */
const foreignSeparator = (header: ReadonlyArray<string>, known: ReadonlyArray<CsvColumn>): string | undefined => {
  if (header.length !== 1) return undefined
  return otherSeparators.find(
    (separator) => header[0]!.split(separator).filter((title) => known.some((column) => column.name.toLowerCase() === title.trim().toLowerCase())).length >= 2,
  )
}

/**
 * Read the rows of one table into items, adding what is wrong to `errors` and what is
 * only worth saying to `warnings`. @internal
 */
export const readTable = (table: CsvTableName, text: string, errors: InteropError[], warnings: InteropError[]): ReadTable => {
  const parsed = Papa.parse<string[]>(withoutByteOrderMark(text), { delimiter: ',', header: false, skipEmptyLines: false })
  for (const error of parsed.errors) {
    const row = (error.row ?? 0) + 1
    errors.push({ code: 'invalid-csv', path: '', table, row, message: `The ${table} CSV cannot be read at row ${row}: ${parseProblem(error.code)}.` })
  }
  const [header = [], ...records] = parsed.data
  const known = csvColumns[table]
  const separator = foreignSeparator(header, known)
  if (separator !== undefined) {
    const name = separator === ';' ? "';' (semicolons)" : 'tabs'
    errors.push({ code: 'invalid-csv', path: '', table, row: 1, message: `The ${table} table separates its cells with ${name}; orgintel reads CSV with ',' (commas) between cells: save or export it as "CSV (comma delimited)".` })
    return { items: [], rows: [] }
  }
  const columns: Array<CsvColumn | undefined> = header.map((title) => known.find((column) => column.name.toLowerCase() === title.trim().toLowerCase()))
  const missing = known.filter((column) => column.required && !columns.includes(column))
  header.forEach((title, position) => {
    const match = columns[position]
    const place = `column ${position + 1}`
    if (match !== undefined) {
      const first = columns.indexOf(match)
      if (first === position) return
      errors.push({ code: 'unknown-column', path: '', table, row: 1, column: place, message: `The ${table} table has the heading '${match.name}' twice (columns ${first + 1} and ${position + 1}).` })
      columns[position] = undefined
      return
    }
    if (title.trim() === '' && !records.some((record) => (record[position] ?? '') !== '')) return
    const suggestion = closestName(title.trim(), known.map((column) => column.name))
    if (suggestion !== undefined) {
      errors.push({ code: 'unknown-column', path: '', table, row: 1, column: place, message: `The ${table} table's heading ${quoteId(title)} in ${place} is not a column; did you mean '${suggestion}'?` })
    } else if (missing.length > 0) {
      // Without the required columns, the first row may be data (a person's name): do not quote it.
      errors.push({ code: 'unknown-column', path: '', table, row: 1, column: place, message: `The ${table} table has an unknown heading in ${place} (known columns: ${known.map((column) => column.name).join(', ')}).` })
    } else {
      warnings.push({ code: 'unknown-column', path: '', table, row: 1, column: place, message: `The ${table} table's column ${quoteId(title)} (${place}) is not one orgintel reads; it is ignored.` })
    }
  })
  for (const column of missing) {
    errors.push({ code: 'missing-column', path: '', table, row: 1, column: column.name, message: `The ${table} table has no '${column.name}' column.` })
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
