import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { type ExperimentError, experimentError } from './errors.js'
import { type ManifestFile, manifestPathOf } from './formats.js'
import { readTextBounded } from './read-text.js'

const scalar = t.union([t.number, t.string, t.boolean])
const count = t.number

/** The shape of a manifest file, checked before anything in it is believed. */
const ManifestFileCodec = t.type({
  format: t.literal('orgintel-experiment/v1'),
  library: t.string,
  version: t.string,
  specHash: t.string,
  seed: t.number,
  columns: t.readonlyArray(t.string),
  metrics: t.readonlyArray(t.string),
  shard: t.type({ index: count, count }),
  totalRuns: count,
  runs: t.readonlyArray(t.type({ run: count, replicate: count, seed: t.number })),
  completedRuns: count,
  failures: t.readonlyArray(t.type({ run: count, replicate: count, seed: t.number, parameters: t.record(t.string, scalar), reason: t.string })),
  rowsSha256: t.string,
})

/** The most bytes a manifest may have: a line or so per run of the largest experiment. */
const maxManifestBytes = 256 * 1024 * 1024

/**
 * Read the manifest beside rows file number `index` of a merge: a missing, unreadable
 * or malformed one (or one written before manifests held a hash of their rows) is an
 * `unreadable-file` error for that file. @internal
 */
export const readManifest = (file: string, index: number): E.Either<ExperimentError, ManifestFile> => {
  const problem = experimentError('unreadable-file', [index], 'The manifest beside this rows file is missing or not an orgintel experiment manifest.')
  const text = readTextBounded(manifestPathOf(file), maxManifestBytes)
  if (E.isLeft(text)) return E.left(problem)
  let value: unknown
  try {
    value = JSON.parse(text.right)
  } catch {
    return E.left(problem)
  }
  const decoded = ManifestFileCodec.decode(value)
  return E.isLeft(decoded) ? E.left(problem) : E.right(decoded.right as ManifestFile)
}
