import { ActorKind, assetKinds, ChannelStatus, levels, Perspective, Polarity } from '../model/vocabulary.js'
import type { CsvTableName } from './errors.js'
import type { ModelIds } from './model-ids.js'

/** How a column's cells are read and written. @internal */
/**
 * How a cell is read and written. An `optional-list` tells an absent list (an empty cell)
 * from an empty one (`-`): an asset that declares it is made from nothing is not one
 * whose provenance is left to inference.
 */
export type CsvCellType = 'text' | 'word' | 'list' | 'optional-list' | 'number' | 'boolean'

/** One column of a CSV table. @internal */
export interface CsvColumn {
  readonly name: string
  readonly type: CsvCellType
  readonly required: boolean
  /** The value when the column is absent, where the model has no default of its own. */
  readonly fallback?: ReadonlyArray<never>
  /** The id space of the ids the cells hold, for a column of ids. */
  readonly ids?: keyof ModelIds
  /** The closed vocabulary of the cells' values, for a column of words. */
  readonly values?: ReadonlyArray<string>
}

/** The cell of an `optional-list` that says "an empty list" (`derivedFrom: []`: made from nothing). @internal */
export const noneCell = '-'

const column = (name: string, type: CsvCellType, required = false, fallback?: ReadonlyArray<never>): CsvColumn =>
  fallback === undefined ? { name, type, required } : { name, type, required, fallback }

const wordColumn = (name: string, type: 'word' | 'list', values: ReadonlyArray<string>, required = false): CsvColumn => ({
  ...column(name, type, required),
  values,
})

const idColumn = (name: string, type: CsvCellType, ids: keyof ModelIds, required = false, fallback?: ReadonlyArray<never>): CsvColumn => ({
  ...column(name, type, required, fallback),
  ids,
})

/**
 * The columns of each table, in the order {@link toCsv} writes them. `word` cells
 * (closed vocabularies) are trimmed; `text` cells (ids, names) are kept exactly.
 * @internal
 */
export const csvColumns: Readonly<Record<CsvTableName, ReadonlyArray<CsvColumn>>> = {
  actors: [
    idColumn('id', 'text', 'actor', true),
    column('name', 'text', true),
    wordColumn('kind', 'word', Object.keys(ActorKind.keys), true),
    wordColumn('perspective', 'word', Object.keys(Perspective.keys)),
    wordColumn('levels', 'list', levels, true),
    column('tags', 'list'),
    column('represents', 'number'),
  ],
  assets: [
    idColumn('id', 'text', 'asset', true),
    column('name', 'text', true),
    wordColumn('kind', 'word', assetKinds, true),
    idColumn('holder', 'text', 'actor', true),
    column('acknowledged', 'boolean'),
    idColumn('derivedFrom', 'optional-list', 'asset'),
  ],
  channels: [
    idColumn('id', 'text', 'channel', true),
    idColumn('from', 'text', 'actor', true),
    idColumn('to', 'text', 'actor', true),
    idColumn('carries', 'list', 'asset', false, []),
    wordColumn('level', 'word', levels, true),
    wordColumn('status', 'word', Object.keys(ChannelStatus.keys)),
    column('latencyDays', 'number'),
    column('reliability', 'number'),
    wordColumn('polarity', 'word', Object.keys(Polarity.keys)),
  ],
  loops: [
    idColumn('id', 'text', 'loop', true),
    column('name', 'text', true),
    wordColumn('level', 'word', levels, true),
    idColumn('through', 'list', 'actor', true),
    column('maxLatencyDays', 'number'),
    idColumn('source', 'text', 'asset'),
    wordColumn('promises', 'word', ['heard', 'decided', 'did']),
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
