import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { CommandFailure, exitCodes } from './failure.js'

const describeSystemError = (error: unknown): string => {
  const code = (error as { code?: unknown }).code
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder'
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied'
    case 'EISDIR':
      return 'is a folder, not a file'
    case 'ENOTDIR':
      return 'a part of the path is not a folder'
    case 'ENOSPC':
      return 'no space left on the device'
    case 'ENAMETOOLONG':
      return 'the name is too long'
    default:
      return typeof code === 'string' ? code : 'input/output error'
  }
}

/** The name a user gave a file, for messages: `-` is standard input or output. @internal */
export const describePath = (path: string, stream: 'input' | 'output' = 'input'): string =>
  path === '-' ? `standard ${stream}` : path

/** A one-line failure (exit code 2) for a file that cannot be read. @internal */
export const readFailure = (path: string, error: unknown): CommandFailure =>
  new CommandFailure(`cannot read ${describePath(path)}: ${describeSystemError(error)}`, exitCodes.usage)

/** A one-line failure (exit code 2) for a file that cannot be written. @internal */
export const writeFailure = (path: string, error: unknown): CommandFailure =>
  new CommandFailure(`cannot write ${describePath(path, 'output')}: ${describeSystemError(error)}`, exitCodes.usage)

/** Read a text file, or standard input when `path` is `-`. @internal */
export const readText = (path: string): string => {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8')
  } catch (error) {
    throw readFailure(path, error)
  }
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

/**
 * A hidden temporary name beside `path` that keeps its extension (`.orgintel-<hex>.tmp.<name>`),
 * so code that picks a format from the extension sees the same one. @internal
 */
export const temporaryPathFor = (path: string): string =>
  join(dirname(path), `.orgintel-${randomBytes(6).toString('hex')}.tmp.${basename(path)}`)

const flushToDisk = (path: string): void => {
  const descriptor = openSync(path, 'r+')
  try {
    fsyncSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
}

/**
 * Write text to `path` atomically: into a temporary file beside it, flushed to disk,
 * then renamed over the target, so an interrupted run never leaves a half-written
 * file. `-` writes to standard output. @internal
 */
export const writeTextAtomically = (path: string, text: string): void => {
  if (path === '-') {
    process.stdout.write(text)
    return
  }
  const file = beginAtomicFile(path)
  try {
    writeFileSync(file.temporary, text)
  } catch (error) {
    file.abandon()
    throw writeFailure(path, error)
  }
  file.commit()
}

/** A file being written under a temporary name until `commit` renames it into place. @internal */
export interface AtomicFile {
  readonly path: string
  readonly temporary: string
  /** Flush the temporary file to disk and rename it over `path`. */
  commit(): void
  /** Delete the temporary file (safe to call twice, or after `commit`). */
  abandon(): void
}

/**
 * Begin an atomic streamed write of `path`: the caller writes `temporary` (created
 * empty here, so an unwritable folder fails now with a clear message), then calls
 * `commit` or `abandon`. A signal or crash before `commit` removes the temporary file.
 * `temporary` may be given when another writer chooses the name (it must sit beside
 * `path`, on the same file system). @internal
 */
export const beginAtomicFile = (path: string, temporary: string = temporaryPathFor(path)): AtomicFile => {
  pendingTemporaryFiles.add(temporary)
  try {
    closeSync(openSync(temporary, 'wx', 0o644))
  } catch (error) {
    pendingTemporaryFiles.delete(temporary)
    throw writeFailure(path, error)
  }
  let settled = false
  return {
    path,
    temporary,
    commit() {
      if (settled) return
      settled = true
      try {
        flushToDisk(temporary)
        renameSync(temporary, path)
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
