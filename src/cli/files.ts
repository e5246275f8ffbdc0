import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { defaultMaxInputBytes, readTextBounded } from '../node/read-text.js'
import { CommandFailure, exitCodes } from './failure.js'
import { describePath, readFailure, writeFailure } from './file-errors.js'
import { type OutputTarget, noteInput, planOutput, temporaryPathFor } from './output-target.js'

export { describePath, readFailure, writeFailure } from './file-errors.js'

let maxInputBytes = defaultMaxInputBytes

/** Set the most bytes one input may have (`--max-input-bytes`); the default is 256 MiB. @internal */
export const setMaxInputBytes = (bytes: number): void => {
  maxInputBytes = bytes
}

/**
 * Read a text file, or standard input when `path` is `-`, up to the input limit (256
 * MiB unless `--max-input-bytes` says otherwise): a larger or endless input is a
 * one-line failure, never a process that fills memory. The file is remembered as an
 * input, so output cannot overwrite it without `--force`. @internal
 */
export const readText = (path: string): string => {
  let descriptor = 0
  if (path !== '-') {
    try {
      descriptor = openSync(path, 'r')
    } catch (error) {
      throw readFailure(path, error)
    }
  }
  let text: ReturnType<typeof readTextBounded>
  try {
    if (path !== '-') noteInput(fstatSync(descriptor))
    text = readTextBounded(descriptor, maxInputBytes)
  } finally {
    if (path !== '-') closeSync(descriptor)
  }
  if (E.isRight(text)) return text.right
  if (text.left.code === 'ERR_INPUT_TOO_LARGE') {
    throw new CommandFailure(
      `cannot read ${describePath(path)}: it is larger than the input limit of ${maxInputBytes.toLocaleString('en-GB')} bytes (raise it with --max-input-bytes)`,
      exitCodes.usage,
    )
  }
  throw readFailure(path, text.left)
}

const pendingTemporaryFiles = new Set<string>()

const removeQuietly = (path: string): void => {
  try {
    unlinkSync(path)
  } catch {
    // Already gone.
  }
}

/**
 * Remove temporary files left by an interrupted write (called on SIGINT/SIGTERM and
 * after a crash), so nothing half-written stays behind. @internal
 */
export const removePendingTemporaryFiles = (): void => {
  for (const path of pendingTemporaryFiles) removeQuietly(path)
  pendingTemporaryFiles.clear()
}

/** A file being written under a temporary name until `commit` renames it into place. @internal */
export interface AtomicFile {
  /** The path the user gave. */
  readonly path: string
  /** The regular file `commit` replaces or creates (`path` with its links followed). */
  readonly target: string
  readonly temporary: string
  /** Flush the temporary file to disk, give it the target's mode, and rename it over the target. */
  commit(): void
  /** Delete the temporary file (safe to call twice, or after `commit`). */
  abandon(): void
}

/** Give the temporary file what the file it replaces had: its mode, and its owner where allowed. */
const finishTemporary = (temporary: string, target: OutputTarget): void => {
  const descriptor = openSync(temporary, 'r+')
  try {
    if (target.kind === 'replace') {
      fchmodSync(descriptor, target.stats.mode & 0o7777)
      try {
        fchownSync(descriptor, target.stats.uid, target.stats.gid)
      } catch {
        // Only the superuser may give a file away; the mode is what matters.
      }
    }
    fsyncSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
}

const atomicTargetOf = (path: string, target: OutputTarget): Extract<OutputTarget, { readonly kind: 'replace' | 'create' }> => {
  if (target.kind === 'replace' || target.kind === 'create') return target
  throw new CommandFailure(`cannot write ${describePath(path, 'output')}: not a regular file (this output needs a file beside it)`, exitCodes.usage)
}

/** Options of {@link beginAtomicFile}. @internal */
export interface AtomicFileOptions {
  /** The temporary name, when another writer chooses it (beside the target, on the same file system). */
  readonly temporary?: string
  /** Bytes to leave free in the temporary name for a suffix another writer adds. */
  readonly reserve?: number
  /** The target, when it was already planned. */
  readonly target?: OutputTarget
}

/**
 * Begin an atomic streamed write of the regular file at `path` (a device, FIFO or
 * standard output is a usage failure: use {@link writeTextAtomically} for those). The
 * caller writes `temporary` (created empty here, so an unwritable folder fails now with
 * a clear message), then calls `commit` or `abandon`. A signal or crash before
 * `commit` removes the temporary file. A new file gets the umask's mode; a replaced
 * one keeps its mode (and owner, where allowed); a link to a file stays a link. @internal
 */
export const beginAtomicFile = (path: string, options: AtomicFileOptions = {}): AtomicFile => {
  const target = atomicTargetOf(path, options.target ?? planOutput(path))
  const temporary = options.temporary ?? temporaryPathFor(target.path, options.reserve)
  pendingTemporaryFiles.add(temporary)
  try {
    // A replaced file may be private: its copy is private too until it gets the file's mode.
    closeSync(openSync(temporary, 'wx', target.kind === 'replace' ? 0o600 : 0o666))
  } catch (error) {
    pendingTemporaryFiles.delete(temporary)
    throw writeFailure(path, error)
  }
  let settled = false
  return {
    path,
    target: target.path,
    temporary,
    commit() {
      if (settled) return
      settled = true
      try {
        finishTemporary(temporary, target)
        renameSync(temporary, target.path)
      } catch (error) {
        removeQuietly(temporary)
        throw writeFailure(path, error)
      } finally {
        pendingTemporaryFiles.delete(temporary)
      }
    },
    abandon() {
      settled = true
      removeQuietly(temporary)
      pendingTemporaryFiles.delete(temporary)
    },
  }
}

/**
 * Write text to `path`. A regular file (or a new one) is written atomically: into a
 * temporary file beside it, flushed to disk, then renamed over it keeping its mode, so
 * an interrupted run never leaves a half-written file. `-` and `/dev/stdout` write to
 * standard output; a device or FIFO is written as it is, never replaced. @internal
 */
export const writeTextAtomically = (path: string, text: string): void => {
  const target = planOutput(path)
  if (target.kind === 'standard-output') {
    process.stdout.write(text)
    return
  }
  if (target.kind === 'in-place') {
    try {
      writeFileSync(target.path, text)
    } catch (error) {
      throw writeFailure(path, error)
    }
    return
  }
  const file = beginAtomicFile(path, { target })
  try {
    writeFileSync(file.temporary, text)
  } catch (error) {
    file.abandon()
    throw writeFailure(path, error)
  }
  file.commit()
}
