import Papa from 'papaparse'
import type { Model } from '../model/codecs.js'
import { csvColumns, protectCell } from './csv-columns.js'
import type { CsvTableName } from './errors.js'
import { joinList } from './text.js'

/**
 * The CSV texts of a model, one per table, as {@link fromCsv} reads them.
 * @category Interop
 */
export interface CsvTables {
  readonly actors: string
  readonly channels: string
  readonly assets: string
  readonly loops: string
}

const cellOf = (value: unknown): string => {
  if (value === undefined) return ''
  if (Array.isArray(value)) return joinList(value as ReadonlyArray<string>)
  return String(value)
}

const tableOf = (name: CsvTableName, rows: ReadonlyArray<object>): string => {
  const columns = csvColumns[name]
  const data = rows.map((row) =>
    columns.map((column) => protectCell(cellOf((row as Readonly<Record<string, unknown>>)[column.name]))),
  )
  return `${Papa.unparse({ fields: columns.map((column) => column.name), data }, { newline: '\n', escapeFormulae: false })}\n`
}

/**
 * Write a model as four CSV texts for spreadsheets: `actors`, `channels`, `assets`
 * and `loops`, one row per item under a header row (the columns are listed at
 * {@link fromCsv}). Every field is written, defaults included, so the result is a
 * fixed point: `toCsv(fromCsv(toCsv(model)))` equals `toCsv(model)`. The model's
 * `id`, `name` and `description` are not in the tables; pass them to `fromCsv`.
 *
 * Lists are `|`-joined (`\|` and `\\` inside a value). Cells are quoted only when they
 * must be (comma, quote, line break, or edge spaces) and lines end with `\n`. A cell
 * that a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, tab or CR) is
 * written with a leading `'`; `fromCsv` removes it. O(size of the model) time.
 * @category Interop
 */
export const toCsv = (model: Model): CsvTables => ({
  actors: tableOf('actors', model.actors),
  channels: tableOf('channels', model.channels),
  assets: tableOf('assets', model.assets),
  loops: tableOf('loops', model.loops),
})
