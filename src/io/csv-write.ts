import Papa from 'papaparse'
import type { Model } from '../model/codecs.js'
import { csvColumns, noneCell, protectCell } from './csv-columns.js'
import type { CsvTableName } from './errors.js'
import { modelIds, type ModelIds } from './model-ids.js'
import { carriableText, joinList } from './text.js'

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

const cellOf = (value: unknown, id: (id: string) => string, optional: boolean): string => {
  if (value === undefined) return ''
  if (optional && Array.isArray(value) && value.length === 0) return noneCell
  if (Array.isArray(value)) {
    const joined = joinList((value as ReadonlyArray<string>).map(id))
    // A list holding just the id '-' must not read back as the empty list.
    return optional && joined === noneCell ? `\\${noneCell}` : joined
  }
  return typeof value === 'string' ? id(value) : String(value)
}

const tableOf = (name: CsvTableName, rows: ReadonlyArray<object>, ids: ModelIds): string => {
  const columns = csvColumns[name]
  const data = rows.map((row) =>
    columns.map((column) =>
      protectCell(cellOf((row as Readonly<Record<string, unknown>>)[column.name], column.ids === undefined ? carriableText : ids[column.ids], column.type === 'optional-list')),
    ),
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
 * written with a leading `'`; `fromCsv` removes it. Only the schema's columns are
 * written. Characters that UTF-8 or XML cannot carry (C0 controls but tab and line
 * breaks, U+FFFE, U+FFFF, lone surrogates; possible only in a model built in code)
 * become U+FFFD in text, and `\uXXXX` escapes in ids, so two ids never become one. O(size of the model) time.
 * @category Interop
 */
export const toCsv = (model: Model): CsvTables => {
  const ids = modelIds(model)
  return {
    actors: tableOf('actors', model.actors, ids),
    channels: tableOf('channels', model.channels, ids),
    assets: tableOf('assets', model.assets, ids),
    loops: tableOf('loops', model.loops, ids),
  }
}
