import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import { type ExperimentError, experimentError } from './errors.js'
import { type ManifestFile, type RowFormat, csvHeader, formatOfPath, manifestPathOf, manifestText, toCsvLine, toJsonLine } from './formats.js'
import type { ExperimentRun } from './run-experiment.js'

/** What {@link writeRuns} wrote. @category Experiments */
export interface WrittenRuns {
  readonly rows: number
  readonly completedRuns: number
  /** `false` when the experiment was aborted before every run of the shard finished. */
  readonly complete: boolean
}

/**
 * Stream an experiment's rows to `path` (CSV when it ends in `.csv`, else JSON Lines,
 * unless `format` says) and write its manifest to `path + '.manifest.json'` once the
 * rows are done. Only whole runs are ever written. O(rows).
 * @category Experiments
 */
export const writeRuns = async (run: ExperimentRun, path: string, options: { readonly format?: RowFormat } = {}): Promise<WrittenRuns> => {
  const format = options.format ?? formatOfPath(path)
  const { columns, metrics } = run.manifest
  const stream = createWriteStream(path, { encoding: 'utf8' })
  const write = async (line: string): Promise<void> => {
    if (!stream.write(`${line}\n`)) await once(stream, 'drain')
  }
  let rows = 0
  try {
    if (format === 'csv') await write(csvHeader(columns))
    for await (const row of run.rows) {
      await write(format === 'csv' ? toCsvLine(row, columns) : toJsonLine(row))
      rows++
    }
  } finally {
    stream.end()
    await once(stream, 'close')
  }
  const completedRuns = metrics.length === 0 ? 0 : rows / metrics.length
  await writeFile(manifestPathOf(path), manifestText(run.manifest, completedRuns), 'utf8')
  return { rows, completedRuns, complete: completedRuns === run.manifest.runs.length }
}

const readManifest = async (file: string, index: number): Promise<E.Either<ExperimentError, ManifestFile>> => {
  try {
    const value = JSON.parse(await readFile(manifestPathOf(file), 'utf8')) as ManifestFile
    if (value.format !== 'orgintel-experiment/v1' || !Array.isArray(value.runs)) throw new Error('format')
    return E.right(value)
  } catch {
    return E.left(experimentError('unreadable-file', [index], 'The manifest beside this rows file is missing or not an orgintel experiment manifest.'))
  }
}

/** The run number at the start of a data line, in either format. */
const runOfLine = (line: string, format: RowFormat): number =>
  format === 'csv' ? Number(line.slice(0, line.indexOf(','))) : (JSON.parse(line) as { run: number }).run

/**
 * Join the outputs of every shard of one experiment into `output` (and its manifest):
 * checks that the manifests share a spec hash, version and shard count, that every
 * shard is present once and complete, then sorts the rows by run. The result is byte
 * for byte what the unsharded experiment writes. O(rows log rows).
 * @category Experiments
 */
export const mergeRuns = async (files: ReadonlyArray<string>, output: string): Promise<E.Either<ReadonlyArray<ExperimentError>, WrittenRuns>> => {
  const manifests: ManifestFile[] = []
  const errors: ExperimentError[] = []
  for (const [index, file] of files.entries()) {
    const manifest = await readManifest(file, index)
    if (E.isLeft(manifest)) errors.push(manifest.left)
    else manifests.push(manifest.right)
  }
  if (errors.length > 0) return E.left(errors)
  const first = manifests[0]
  if (first === undefined) return E.left([experimentError('mismatched-shards', [], 'No files to merge.')])
  const seen = new Set<number>()
  manifests.forEach((manifest, index) => {
    if (manifest.specHash !== first.specHash || manifest.version !== first.version || manifest.shard.count !== first.shard.count) {
      errors.push(experimentError('mismatched-shards', [index], 'This file comes from a different experiment (spec hash, version or shard count differs).'))
    } else if (seen.has(manifest.shard.index)) {
      errors.push(experimentError('mismatched-shards', [index], `Shard ${manifest.shard.index} appears twice.`))
    } else if (manifest.completedRuns !== manifest.runs.length) {
      errors.push(experimentError('mismatched-shards', [index], `Shard ${manifest.shard.index} is incomplete (${manifest.completedRuns} of ${manifest.runs.length} run${manifest.runs.length === 1 ? '' : 's'}).`))
    }
    seen.add(manifest.shard.index)
  })
  if (errors.length === 0 && seen.size !== first.shard.count) {
    errors.push(experimentError('mismatched-shards', [], `Expected ${first.shard.count} shard${first.shard.count === 1 ? '' : 's'}; got ${seen.size}.`))
  }
  if (errors.length > 0) return E.left(errors)

  const format = formatOfPath(output)
  const lines: Array<{ readonly run: number; readonly order: number; readonly text: string }> = []
  for (const file of files) {
    if (formatOfPath(file) !== format) return E.left([experimentError('mismatched-shards', [], 'Every file must have the format of the output.')])
    const body = (await readFile(file, 'utf8')).split('\n').filter((line) => line.length > 0)
    for (const text of format === 'csv' ? body.slice(1) : body) lines.push({ run: runOfLine(text, format), order: lines.length, text })
  }
  lines.sort((a, b) => a.run - b.run || a.order - b.order)
  const header = format === 'csv' ? `${csvHeader(first.columns)}\n` : ''
  await writeFile(output, header + lines.map((line) => `${line.text}\n`).join(''), 'utf8')
  const runs = manifests.flatMap((manifest) => manifest.runs).sort((a, b) => a.run - b.run)
  const merged = { ...first, shard: { index: 0, count: 1 }, runs }
  await writeFile(manifestPathOf(output), manifestText(merged, runs.length), 'utf8')
  return E.right({ rows: lines.length, completedRuns: runs.length, complete: true })
}
