import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'

/**
 * The most bytes one input file is read to unless told otherwise (256 MiB). An endless
 * input (`/dev/zero`, a stream that never ends) stops here instead of filling memory.
 * @category Experiments
 */
export const defaultMaxInputBytes = 256 * 1024 * 1024

/**
 * Why a file could not be read: a system error code (`ENOENT`, `EISDIR`, …),
 * `ERR_INPUT_TOO_LARGE` past the limit, or `ERR_STRING_TOO_LONG` when the text is
 * longer than a JavaScript string can be. @internal
 */
export interface ReadProblem {
  readonly code: string
}

const chunkBytes = 1024 * 1024

const readAll = (descriptor: number, maxBytes: number): E.Either<ReadProblem, Buffer> => {
  const stats = fstatSync(descriptor)
  if (stats.isFile() && stats.size > maxBytes) return E.left({ code: 'ERR_INPUT_TOO_LARGE' })
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(chunkBytes)
    const count = readSync(descriptor, chunk, 0, chunkBytes, null)
    if (count === 0) return E.right(Buffer.concat(chunks, total))
    total += count
    if (total > maxBytes) return E.left({ code: 'ERR_INPUT_TOO_LARGE' })
    chunks.push(count === chunkBytes ? chunk : chunk.subarray(0, count))
  }
}

/**
 * Read a whole text file (a path, or a descriptor the caller opened and closes, such as
 * `0` for standard input) as UTF-8, stopping with `ERR_INPUT_TOO_LARGE` once more than
 * `maxBytes` bytes arrive, so a device or a stream that never ends cannot exhaust
 * memory. O(size). @internal
 */
export const readTextBounded = (source: string | number, maxBytes: number = defaultMaxInputBytes): E.Either<ReadProblem, string> => {
  let descriptor: number
  try {
    descriptor = typeof source === 'number' ? source : openSync(source, 'r')
  } catch (error) {
    return E.left({ code: String((error as { code?: unknown }).code ?? 'EIO') })
  }
  try {
    const bytes = readAll(descriptor, maxBytes)
    if (E.isLeft(bytes)) return bytes
    try {
      return E.right(bytes.right.toString('utf8'))
    } catch {
      return E.left({ code: 'ERR_STRING_TOO_LONG' })
    }
  } catch (error) {
    return E.left({ code: String((error as { code?: unknown }).code ?? 'EIO') })
  } finally {
    if (typeof source === 'string') closeSync(descriptor)
  }
}
