import { randomBytes } from 'node:crypto'
import { lstatSync, readlinkSync, realpathSync, type Stats, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { CommandFailure, exitCodes } from './failure.js'
import { describePath, writeFailure } from './file-errors.js'

/**
 * Where output goes and how it is written:
 * - `standard-output`: `-`, `/dev/stdout` and its aliases: written to this process's stdout;
 * - `in-place`: a character device, FIFO or socket (or anything under `/dev` or `/proc`):
 *   opened and written as it is, never replaced;
 * - `replace`: a regular file, reached through any symbolic links: a temporary file
 *   beside it is renamed over it (the links stay links), keeping its mode and owner;
 * - `create`: nothing there yet (or a link to nothing): a temporary file renamed into
 *   place, with the mode a new file gets under the umask.
 * @internal
 */
export type OutputTarget =
  | { readonly kind: 'standard-output' }
  | { readonly kind: 'in-place'; readonly path: string }
  | { readonly kind: 'replace'; readonly path: string; readonly stats: Stats }
  | { readonly kind: 'create'; readonly path: string }

const standardOutputNames: ReadonlySet<string> = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'])

/** Files there are devices or views of the kernel: never replace one. */
const isSystemPlace = (path: string): boolean => path.startsWith('/dev/') || path.startsWith('/proc/')

const codeOf = (error: unknown): unknown => (error as { code?: unknown }).code

/** Follow a chain of links that ends at nothing, to the path a write through them would create. */
const danglingLinkTarget = (path: string): string => {
  let current = path
  for (let hop = 0; hop < 40; hop++) {
    let stats: Stats
    try {
      stats = lstatSync(current)
    } catch {
      return current
    }
    if (!stats.isSymbolicLink()) return current
    current = resolve(dirname(current), readlinkSync(current))
  }
  throw writeFailure(path, { code: 'ELOOP' })
}

/** Files read by the running command (device and inode), so that output never overwrites one. */
let inputs: Array<{ readonly dev: number; readonly ino: number }> = []
let overwriteInputs = false

/**
 * Start a command's bookkeeping: forget the inputs of the last one, and whether
 * `--force` lets output overwrite an input. @internal
 */
export const beginFileSession = (options: { readonly force: boolean }): void => {
  inputs = []
  overwriteInputs = options.force
}

/** Remember a file the command reads (a regular file), so it is not overwritten by mistake. @internal */
export const noteInput = (stats: Stats): void => {
  if (stats.isFile()) inputs.push({ dev: stats.dev, ino: stats.ino })
}

/** Note each file at `paths` (those that can be looked at) as an input. @internal */
export const noteInputPaths = (paths: ReadonlyArray<string>): void => {
  for (const path of paths) {
    try {
      noteInput(statSync(path))
    } catch {
      // Unreadable inputs fail when read, with their own message.
    }
  }
}

const refuseIfInput = (path: string, stats: Stats): void => {
  if (overwriteInputs || !inputs.some((input) => input.dev === stats.dev && input.ino === stats.ino)) return
  throw new CommandFailure(`refusing to write ${describePath(path, 'output')}: it is also an input of this command (give --force to overwrite it)`, exitCodes.usage)
}

/**
 * Decide how to write `path` (see {@link OutputTarget}): never by renaming over
 * something that is not a regular file, and never onto a file the command read unless
 * `--force` was given. A folder is a write failure. @internal
 */
export const planOutput = (path: string): OutputTarget => {
  if (path === '-' || standardOutputNames.has(resolve(path))) return { kind: 'standard-output' }
  let stats: Stats
  try {
    stats = statSync(path)
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { kind: 'create', path: danglingLinkTarget(path) }
    throw writeFailure(path, error)
  }
  if (stats.isDirectory()) throw writeFailure(path, { code: 'EISDIR' })
  if (!stats.isFile()) return { kind: 'in-place', path }
  let real: string
  try {
    real = realpathSync(path)
  } catch (error) {
    throw writeFailure(path, error)
  }
  if (isSystemPlace(resolve(path)) || isSystemPlace(real)) return { kind: 'in-place', path }
  refuseIfInput(path, stats)
  return { kind: 'replace', path: real, stats }
}

/** The longest file name most file systems allow, in bytes. */
const maxNameBytes = 255

/** The end of `text` that fits in `limit` UTF-8 bytes, cut only between characters. */
const lastBytes = (text: string, limit: number): string => {
  if (Buffer.byteLength(text) <= limit) return text
  const characters = Array.from(text)
  let bytes = 0
  let start = characters.length
  while (start > 0 && bytes + Buffer.byteLength(characters[start - 1]!) <= limit) bytes += Buffer.byteLength(characters[--start]!)
  return characters.slice(start).join('')
}

/**
 * A hidden temporary name beside `path` that keeps its extension
 * (`.orgintel-<hex>.tmp.<name>`), so code that picks a format from the extension sees
 * the same one. The name is cut from the front to stay within 255 bytes, less
 * `reserve` bytes for a suffix another writer adds (a manifest's). @internal
 */
export const temporaryPathFor = (path: string, reserve = 0): string => {
  const prefix = `.orgintel-${randomBytes(6).toString('hex')}.tmp.`
  return join(dirname(path), prefix + lastBytes(basename(path), maxNameBytes - reserve - prefix.length))
}
