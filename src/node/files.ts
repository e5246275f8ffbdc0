import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { type ExperimentError, experimentError } from './errors.js'
import { type ManifestFile, type RowFormat, csvHeader, formatOfPath, manifestPathOf, manifestText, toCsvLine, toJsonLine } from './formats.js'
import { readManifest } from './manifest-file.js'
import type { ExperimentRun, RunFailure } from './run-experiment.js'
import { type CheckedRow, checkShardRows, rowsSha256 } from './shard-rows.js'

/** What {@link writeRuns} wrote. @category Experiments */
export interface WrittenRuns {
  readonly rows: number
  /** Runs whose rows were written. */
  readonly completedRuns: number
  /** `false` when the experiment was aborted, or a run failed, before every run of the shard gave its rows. */
  readonly complete: boolean
  /** Runs that failed (their rows are not written; the manifest lists them too). */
  readonly failures: ReadonlyArray<RunFailure>
}

/**
 * Stream an experiment's rows to `path` (CSV when it ends in `.csv`, else JSON Lines,
 * unless `format` says) and write its manifest to `path + '.manifest.json'` once the
 * rows are done, with the SHA-256 of the rows and the runs that failed. A run that
 * fails costs only its own rows; only whole runs are ever written. O(rows).
 * @category Experiments
 */
export const writeRuns = async (run: ExperimentRun, path: string, options: { readonly format?: RowFormat } = {}): Promise<WrittenRuns> => {
  const format = options.format ?? formatOfPath(path)
  const { columns } = run.manifest
  const stream = createWriteStream(path, { encoding: 'utf8' })
  const hash = createHash('sha256')
  const write = async (line: string): Promise<void> => {
    const text = `${line}\n`
    hash.update(text, 'utf8')
    if (!stream.write(text)) await once(stream, 'drain')
  }
  let rows = 0
  let completedRuns = 0
  const failures: RunFailure[] = []
  try {
    if (format === 'csv') await write(csvHeader(columns))
    for await (const result of run.results) {
      if (result._tag === 'failed') {
        failures.push(result.failure)
        continue
      }
      for (const row of result.rows) {
        await write(format === 'csv' ? toCsvLine(row, columns) : toJsonLine(row))
        rows++
      }
      completedRuns++
    }
  } finally {
    stream.end()
    await once(stream, 'close')
  }
  await writeFile(manifestPathOf(path), manifestText(run.manifest, { completedRuns, failures, rowsSha256: hash.digest('hex') }), 'utf8')
  return { rows, completedRuns, complete: completedRuns === run.manifest.runs.length, failures }
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`

/** Check that the manifests are the shards of one experiment, each once and complete. */
const checkManifests = (manifests: ReadonlyArray<ManifestFile>): ReadonlyArray<ExperimentError> => {
  const errors: ExperimentError[] = []
  const first = manifests[0]
  if (first === undefined) return [experimentError('mismatched-shards', [], 'No files to merge.')]
  const seen = new Set<number>()
  manifests.forEach((manifest, index) => {
    if (manifest.specHash !== first.specHash || manifest.version !== first.version || manifest.shard.count !== first.shard.count) {
      errors.push(experimentError('mismatched-shards', [index], 'This file comes from a different experiment (spec hash, version or shard count differs).'))
    } else if (seen.has(manifest.shard.index)) {
      errors.push(experimentError('mismatched-shards', [index], `Shard ${manifest.shard.index} appears twice.`))
    } else if (manifest.failures.length > 0) {
      const runs = manifest.failures.map((failure) => failure.run).join(', ')
      errors.push(experimentError('mismatched-shards', [index], `Shard ${manifest.shard.index} has ${plural(manifest.failures.length, 'failed run')} (${runs}); run the shard again.`))
    } else if (manifest.completedRuns !== manifest.runs.length) {
      errors.push(experimentError('mismatched-shards', [index], `Shard ${manifest.shard.index} is incomplete (${manifest.completedRuns} of ${plural(manifest.runs.length, 'run')}).`))
    }
    if (manifest.specHash === first.specHash && manifest.version === first.version && manifest.shard.count === first.shard.count) seen.add(manifest.shard.index)
  })
  const missing = shardsMissing(seen, first.shard.count)
  if (missing !== undefined) errors.push(experimentError('mismatched-shards', [], missing))
  return errors
}

/** Shards listed in a message before the rest are counted: a thousand-way split may miss most of its shards. */
const shardsListed = 10

const shardNames = (indices: ReadonlyArray<number>, count: number): string => {
  const named = indices.slice(0, shardsListed).map((index) => `${index}/${count}`).join(', ')
  return indices.length > shardsListed ? `${named} and ${indices.length - shardsListed} more` : named
}

/**
 * Which shards of `count` the files do not hold, named as `--shard i/n` names them
 * ("Shard 1/3 is missing; got shards 0/3, 2/3."), or `undefined` when none is. O(count).
 */
const shardsMissing = (seen: ReadonlySet<number>, count: number): string | undefined => {
  const missing: number[] = []
  for (let index = 0; index < count; index++) if (!seen.has(index)) missing.push(index)
  if (missing.length === 0) return undefined
  const got = [...seen].sort((a, b) => a - b)
  const what = missing.length === 1 ? `Shard ${shardNames(missing, count)} is missing` : `${missing.length} of the ${count} shards are missing: ${shardNames(missing, count)}`
  return `${what}; got ${got.length === 1 ? 'shard' : 'shards'} ${shardNames(got, count)}.`
}

/** Read a rows file and check it against its manifest; a problem names the line. */
const readShardRows = async (file: string, index: number, manifest: ManifestFile, format: RowFormat): Promise<E.Either<ExperimentError, ReadonlyArray<CheckedRow>>> => {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const tooLong = (error as { code?: unknown }).code === 'ERR_STRING_TOO_LONG'
    return E.left(experimentError('unreadable-file', [index], tooLong ? 'This rows file is too large to read as text.' : 'This rows file cannot be read.'))
  }
  const checked = checkShardRows(text, manifest, format)
  if (E.isRight(checked)) return checked
  const { line, message } = checked.left
  const sentence = `${line === undefined ? 'The file' : `Line ${line}`} ${message}`
  return E.left(experimentError('invalid-rows', [index], /[.?]$/.test(sentence) ? sentence : `${sentence}.`))
}

/** Options of {@link mergeRuns}. @category Experiments */
export interface MergeOptions {
  /** Stop early: nothing more is read or written, and the result is marked incomplete. */
  readonly signal?: AbortSignal
}

/**
 * Join the outputs of every shard of one experiment into `output` (and its manifest).
 * Checks that the manifests share a spec hash, version and shard count, that every
 * shard is present once and complete, and every row of every file against its
 * manifest (header, run numbers, replicates, seeds and metrics in order, no row
 * missing, doubled or foreign, LF line ends, and the SHA-256 of the rows, so a changed
 * value is caught too), reporting each file's first problem with its line; then sorts
 * the rows by run. The result is byte for byte what the unsharded experiment writes.
 * O(rows log rows).
 * @category Experiments
 */
export const mergeRuns = async (
  files: ReadonlyArray<string>,
  output: string,
  options: MergeOptions = {},
): Promise<E.Either<ReadonlyArray<ExperimentError>, WrittenRuns>> => {
  const stopped = { rows: 0, completedRuns: 0, complete: false, failures: [] }
  const manifests: ManifestFile[] = []
  const errors: ExperimentError[] = []
  for (const [index, file] of files.entries()) {
    const manifest = readManifest(file, index)
    if (E.isLeft(manifest)) errors.push(manifest.left)
    else manifests.push(manifest.right)
  }
  if (errors.length > 0) return E.left(errors)
  errors.push(...checkManifests(manifests))
  if (errors.length > 0) return E.left(errors)
  const first = manifests[0]!
  const format = formatOfPath(output)
  const lines: Array<CheckedRow & { readonly order: number }> = []
  for (const [index, file] of files.entries()) {
    if (formatOfPath(file) !== format) {
      errors.push(experimentError('mismatched-shards', [index], `This file is ${formatOfPath(file) === 'csv' ? 'CSV' : 'JSON Lines'}, unlike the output; every file must have the format of the output.`))
      continue
    }
    const rows = await readShardRows(file, index, manifests[index]!, format)
    if (options.signal?.aborted === true) return E.right(stopped)
    if (E.isLeft(rows)) errors.push(rows.left)
    else for (const row of rows.right) lines.push({ ...row, order: lines.length })
  }
  if (errors.length > 0) return E.left(errors)
  lines.sort((a, b) => a.run - b.run || a.order - b.order)
  const text = (format === 'csv' ? `${csvHeader(first.columns)}\n` : '') + lines.map((line) => `${line.text}\n`).join('')
  await writeFile(output, text, 'utf8')
  const runs = manifests.flatMap((manifest) => manifest.runs).sort((a, b) => a.run - b.run)
  const merged = { ...first, shard: { index: 0, count: 1 }, runs }
  await writeFile(manifestPathOf(output), manifestText(merged, { completedRuns: runs.length, failures: [], rowsSha256: rowsSha256(text) }), 'utf8')
  return E.right({ rows: lines.length, completedRuns: runs.length, complete: true, failures: [] })
}
