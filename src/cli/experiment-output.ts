import type { ExperimentError } from '../node/errors.js'
import { manifestPathOf } from '../node/formats.js'
import { basename } from 'node:path'
import { type AtomicFile, beginAtomicFile, describePath, writeFailure } from './files.js'
import { CommandFailure, exitCodes, invalidInput } from './failure.js'
import { reportProblems } from './json-input.js'

const manifestSuffixBytes = manifestPathOf('').length

/** A rows file and its manifest, both written under temporary names until committed. @internal */
export interface AtomicResultFiles {
  /** Where the library should write the rows (its manifest goes beside it). */
  readonly temporary: string
  /** Rename the rows, then the manifest, into place. */
  commit(): void
  abandon(): void
}

/**
 * Begin writing an experiment's rows file and its `.manifest.json` atomically. The
 * library writes the manifest at `manifestPathOf(rows)`, so the temporary manifest is
 * named after the temporary rows file; both are removed on a signal or failure.
 * Both temporary names stay within the 255 bytes a file name may have.
 * The rows are renamed first: a crash between the two renames leaves the new rows with
 * the old manifest (or none), which `merge` refuses rather than misreads. @internal
 */
export const beginResultFiles = (path: string): AtomicResultFiles => {
  const rows = beginAtomicFile(path, { reserve: manifestSuffixBytes })
  let manifest: AtomicFile
  try {
    // The manifest goes beside the rows as they land (a link to a file is followed).
    const manifestPath = manifestPathOf(rows.target)
    if (Buffer.byteLength(basename(manifestPath)) > 255) throw writeFailure(manifestPath, { code: 'ENAMETOOLONG' })
    manifest = beginAtomicFile(manifestPath, { temporary: manifestPathOf(rows.temporary) })
  } catch (error) {
    rows.abandon()
    throw error
  }
  return {
    temporary: rows.temporary,
    commit() {
      try {
        rows.commit()
      } catch (error) {
        manifest.abandon()
        throw error
      }
      manifest.commit()
    },
    abandon() {
      rows.abandon()
      manifest.abandon()
    },
  }
}

/**
 * Report experiment errors, one line each, naming the file a numbered path points
 * at (`/2` is the third of `files`), and fail: exit code 2 when a file cannot be read,
 * else 1. @internal
 */
export function failWithExperimentErrors(source: string, errors: ReadonlyArray<ExperimentError>, summary: string, files: ReadonlyArray<string> = []): never {
  for (const error of errors) {
    const index = /^\/(\d+)$/.exec(error.path)?.[1]
    const file = index === undefined ? undefined : files[Number(index)]
    if (file === undefined) reportProblems(source, [error])
    else process.stderr.write(`${describePath(file)}: ${error.message} [${error.code}]\n`)
  }
  if (errors.some((error) => error.code === 'unreadable-file')) throw new CommandFailure(summary, exitCodes.usage)
  throw invalidInput(summary)
}
