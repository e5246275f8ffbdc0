import { CommandFailure, exitCodes } from './failure.js'

/** The longest path a message quotes whole; longer ones keep their start and end. */
const longestPathInMessages = 200

/**
 * A path cut for a one-line message: up to 200 characters as it is, else its first
 * and last hundred or so joined by `…`, so a 100 KB path cannot flood the terminal
 * but both the folder and the file name still show. @internal
 */
export const shortenPath = (path: string): string =>
  path.length <= longestPathInMessages ? path : `${path.slice(0, 99)}…${path.slice(-100)}`

/** The name a user gave a file, for messages: `-` is standard input or output; long paths are cut. @internal */
export const describePath = (path: string, stream: 'input' | 'output' = 'input'): string =>
  path === '-' ? `standard ${stream}` : shortenPath(path)

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
    case 'ELOOP':
      return 'too many symbolic links (a link loop?)'
    case 'ERR_STRING_TOO_LONG':
      return 'too large to hold as text (Node.js holds at most about 512 MB of text in one piece)'
    default:
      return typeof code === 'string' ? code : 'input/output error'
  }
}

/** A one-line failure (exit code 2) for a file that cannot be read. @internal */
export const readFailure = (path: string, error: unknown): CommandFailure =>
  new CommandFailure(`cannot read ${describePath(path)}: ${describeSystemError(error)}`, exitCodes.usage)

/** A one-line failure (exit code 2) for a file that cannot be written. @internal */
export const writeFailure = (path: string, error: unknown): CommandFailure =>
  new CommandFailure(`cannot write ${describePath(path, 'output')}: ${describeSystemError(error)}`, exitCodes.usage)
