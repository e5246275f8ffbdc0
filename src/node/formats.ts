import { protectCell } from '../io/csv-columns.js'
import type { ExperimentManifest, ExperimentRow, RunFailure } from './run-experiment.js'

/** Output formats for experiment rows. @category Experiments */
export type RowFormat = 'csv' | 'jsonl'

/** The format a file name implies: `.csv` is CSV, anything else JSON Lines. @category Experiments */
export const formatOfPath = (path: string): RowFormat => (path.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl')

/**
 * One CSV field: numbers and true/false as they are, text protected from being run as a
 * spreadsheet formula (by the library's one `protectCell`), quoted where it must be.
 */
const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'string' ? protectCell(value) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The CSV header line for rows with these parameter columns (without a newline). @category Experiments */
export const csvHeader = (columns: ReadonlyArray<string>): string =>
  ['run', 'replicate', 'seed', ...columns, 'metric', 'value'].map(csvField).join(',')

/** One row as a CSV line (without a newline); `null` is an empty field. @category Experiments */
export const toCsvLine = (row: ExperimentRow, columns: ReadonlyArray<string>): string =>
  [row.run, row.replicate, row.seed, ...columns.map((column) => row[column]), row.metric, row.value].map(csvField).join(',')

/** One row as a JSON Lines line (without a newline). @category Experiments */
export const toJsonLine = (row: ExperimentRow): string => JSON.stringify(row)

/**
 * A manifest as written beside a rows file: the manifest plus how many of its runs
 * were completed (fewer than `runs.length` after an abort or a failure), the runs that
 * failed, and the SHA-256 of the rows file's bytes (hex), by which `mergeRuns` knows
 * that not one value has changed since. @category Experiments
 */
export interface ManifestFile extends ExperimentManifest {
  readonly completedRuns: number
  readonly failures: ReadonlyArray<RunFailure>
  readonly rowsSha256: string
}

/** What a manifest file adds to the manifest, once the rows are written. @internal */
export type WrittenFacts = Pick<ManifestFile, 'completedRuns' | 'failures' | 'rowsSha256'>

/** Serialise a manifest file (fixed key order, two-space indent, final newline). @internal */
export const manifestText = (manifest: ExperimentManifest, facts: WrittenFacts): string => {
  const file: ManifestFile = {
    format: manifest.format,
    library: manifest.library,
    version: manifest.version,
    specHash: manifest.specHash,
    seed: manifest.seed,
    commonRandomNumbers: manifest.commonRandomNumbers,
    columns: manifest.columns,
    metrics: manifest.metrics,
    shard: { index: manifest.shard.index, count: manifest.shard.count },
    totalRuns: manifest.totalRuns,
    runs: manifest.runs.map(({ run, replicate, seed }) => ({ run, replicate, seed })),
    completedRuns: facts.completedRuns,
    failures: facts.failures.map(({ run, replicate, seed, parameters, reason }) => ({ run, replicate, seed, parameters, reason })),
    rowsSha256: facts.rowsSha256,
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

/** Where the manifest of a rows file lives. @category Experiments */
export const manifestPathOf = (rowsPath: string): string => `${rowsPath}.manifest.json`
