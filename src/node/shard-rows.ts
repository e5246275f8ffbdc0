import { createHash } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { type RecordProblem, splitCsvRecords, splitJsonRecords } from './csv-records.js'
import { type ManifestFile, type RowFormat, csvHeader } from './formats.js'

/** A data row of a checked rows file: its run, and its text as written. @internal */
export interface CheckedRow {
  readonly run: number
  readonly text: string
}

/** What is wrong with a rows file, and on which line when one is to blame. @internal */
export interface RowsProblem {
  readonly line?: number
  readonly message: string
}

/** The SHA-256 of a rows file's text, as its manifest records it (hex). @internal */
export const rowsSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

type ExpectedRun = ManifestFile['runs'][number]

/** One data row, its run, replicate, seed, metric and value as text; `undefined` fields when the row has the wrong shape. */
interface RowFields {
  readonly shaped: boolean
  readonly run: string
  readonly replicate: string
  readonly seed: string
  readonly metric: string
  readonly value: string | number | null
}

const csvFields = (fields: ReadonlyArray<string>, columns: number): RowFields => ({
  shaped: fields.length === columns + 5,
  run: fields[0] ?? '',
  replicate: fields[1] ?? '',
  seed: fields[2] ?? '',
  metric: fields[fields.length - 2] ?? '',
  value: fields[fields.length - 1] === '' ? null : (fields[fields.length - 1] ?? ''),
})

const jsonFields = (value: unknown, keys: ReadonlyArray<string>): RowFields => {
  const row = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Readonly<Record<string, unknown>>) : {}
  const named = Object.keys(row)
  const scalar = (name: string): string => (typeof row[name] === 'number' ? String(row[name]) : '')
  const metric = row['metric']
  const shaped = named.length === keys.length && named.every((name, index) => name === keys[index])
  const rowValue = row['value']
  return {
    shaped,
    run: scalar('run'),
    replicate: scalar('replicate'),
    seed: scalar('seed'),
    metric: typeof metric === 'string' ? metric : '',
    value: rowValue === null || typeof rowValue === 'number' ? rowValue : '',
  }
}

const isNumberText = (value: string | number | null): boolean =>
  value === null || typeof value === 'number' || (value !== '' && String(Number(value)) === value)

/** What is wrong with one row at `index` among the data rows, or `undefined`. */
const rowProblem = (row: RowFields, index: number, expected: ReadonlyArray<ExpectedRun>, metrics: ReadonlyArray<string>, mine: ReadonlySet<number>): string | undefined => {
  const wanted = expected[Math.floor(index / metrics.length)]
  if (wanted === undefined) return 'is a row more than the manifest lists (duplicated, or from another shard)'
  if (!row.shaped) return 'does not have the fields of this experiment\'s rows (cut short, changed, or not a row the sweep wrote)'
  if (row.run !== String(wanted.run)) {
    const run = Number(row.run)
    if (!/^\d+$/.test(row.run)) return 'is not a row of this experiment (its run is not a number)'
    if (!mine.has(run)) return `is a row of run ${run}, which is not one of this shard's runs (a row from another shard?)`
    return `is a row of run ${run} where run ${wanted.run} comes: rows are duplicated, missing or out of order`
  }
  if (row.replicate !== String(wanted.replicate) || row.seed !== String(wanted.seed)) return `has a replicate or seed that is not the one the manifest lists for run ${wanted.run}`
  const metric = metrics[index % metrics.length]!
  if (row.metric !== metric) return `names metric ${JSON.stringify(row.metric.slice(0, 40))} where ${metric} comes: rows are duplicated, missing or out of order`
  if (!isNumberText(row.value)) return 'has a value that is not a number'
  return undefined
}

/**
 * Check a shard's rows file against its manifest, line by line: the header (CSV), one
 * row per completed run and metric in run then metric order with the run numbers,
 * replicates and seeds the manifest lists for this shard, numeric values, LF line
 * ends and a final line end; then the SHA-256 of the whole text, so a changed value is
 * caught too. The first problem is returned with its line. O(size of the text).
 * @internal
 */
export const checkShardRows = (text: string, manifest: ManifestFile, format: RowFormat): E.Either<RowsProblem, ReadonlyArray<CheckedRow>> => {
  const failed = new Set(manifest.failures.map((failure) => failure.run))
  const expected = manifest.runs.filter((run) => !failed.has(run.run))
  const mine = new Set(manifest.runs.map((run) => run.run))
  const { columns, metrics } = manifest
  let records: ReadonlyArray<{ readonly line: number; readonly text: string; readonly row: RowFields }>
  let lastLine = 0
  if (format === 'csv') {
    const split = splitCsvRecords(text)
    if (E.isLeft(split)) return split satisfies E.Left<RecordProblem>
    const [header, ...data] = split.right
    const wantedHeader = csvHeader(columns)
    if (header?.text !== wantedHeader) return E.left({ line: 1, message: `is not the header the manifest names (${wantedHeader})` })
    records = data.map((record) => ({ line: record.line, text: record.text, row: csvFields(record.fields, columns.length) }))
    lastLine = split.right.at(-1)?.line ?? 0
  } else {
    const split = splitJsonRecords(text)
    if (E.isLeft(split)) return split satisfies E.Left<RecordProblem>
    const keys = ['run', 'replicate', 'seed', ...columns, 'metric', 'value']
    records = split.right.map((record) => ({ line: record.line, text: record.text, row: jsonFields(record.value, keys) }))
    lastLine = split.right.at(-1)?.line ?? 0
  }
  const rows: CheckedRow[] = []
  for (const [index, record] of records.entries()) {
    const problem = rowProblem(record.row, index, expected, metrics, mine)
    if (problem !== undefined) return E.left({ line: record.line, message: problem })
    rows.push({ run: Number(record.row.run), text: record.text })
  }
  const wantedRows = expected.length * metrics.length
  if (rows.length < wantedRows) {
    return E.left({ line: lastLine + 1, message: `is where the file ends, after ${rows.length} of the ${wantedRows} rows the manifest lists: rows are missing` })
  }
  if (rowsSha256(text) !== manifest.rowsSha256) {
    return E.left({ message: 'has rows that differ from those the sweep wrote (their SHA-256 is not the one in the manifest): a value was changed' })
  }
  return E.right(rows)
}
