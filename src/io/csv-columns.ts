import type { CsvTableName } from './errors.js'

/** How a column's cells are read and written. @internal */
export type CsvCellType = 'text' | 'word' | 'list' | 'number' | 'boolean'

/** One column of a CSV table. @internal */
export interface CsvColumn {
  readonly name: string
  readonly type: CsvCellType
  readonly required: boolean
  /** The value when the column is absent, where the model has no default of its own. */
  readonly fallback?: ReadonlyArray<never>
}

const column = (name: string, type: CsvCellType, required = false, fallback?: ReadonlyArray<never>): CsvColumn =>
  fallback === undefined ? { name, type, required } : { name, type, required, fallback }

/**
 * The columns of each table, in the order {@link toCsv} writes them. `word` cells
 * (closed vocabularies) are trimmed; `text` cells (ids, names) are kept exactly.
 * @internal
 */
export const csvColumns: Readonly<Record<CsvTableName, ReadonlyArray<CsvColumn>>> = {
  actors: [
    column('id', 'text', true),
    column('name', 'text', true),
    column('kind', 'word', true),
    column('perspective', 'word'),
    column('levels', 'list', true),
    column('tags', 'list'),
  ],
  assets: [
    column('id', 'text', true),
    column('name', 'text', true),
    column('kind', 'word', true),
    column('holder', 'text', true),
    column('acknowledged', 'boolean'),
  ],
  channels: [
    column('id', 'text', true),
    column('from', 'text', true),
    column('to', 'text', true),
    column('carries', 'list', false, []),
    column('level', 'word', true),
    column('status', 'word'),
    column('latencyDays', 'number'),
    column('reliability', 'number'),
    column('polarity', 'word'),
  ],
  loops: [
    column('id', 'text', true),
    column('name', 'text', true),
    column('level', 'word', true),
    column('through', 'list', true),
    column('maxLatencyDays', 'number'),
  ],
}

// Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"),
// with their full-width forms, which some spreadsheets (in East Asian locales) read the same.
const formulaStart = /^'*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/

/**
 * Protect a cell from being run as a spreadsheet formula: a cell that starts with
 * `=`, `+`, `-`, `@`, tab or carriage return, or full-width `＝`, `＋`, `－`, `＠` (after
 * any leading `'`s) gets one more `'` in front. The one protection every CSV writer of
 * the library applies to its text cells. A cell that is exactly `+` or `-` (a polarity) is left alone: no
 * spreadsheet reads it as a formula. {@link unprotectCell} undoes this.
 * @internal
 */
export const protectCell = (cell: string): string =>
  cell !== '+' && cell !== '-' && formulaStart.test(cell) ? `'${cell}` : cell

/** Remove the `'` that {@link protectCell} adds. @internal */
export const unprotectCell = (cell: string): string =>
  cell.startsWith("'") && formulaStart.test(cell) ? cell.slice(1) : cell
