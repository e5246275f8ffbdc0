import { formatModelErrors, type ModelError } from '../model/errors.js'
import { parseModel } from '../model/decode.js'
import type { Model } from '../model/codecs.js'
import { CommandFailure, exitCodes } from './failure.js'
import { describePath, readText } from './files.js'

/** Print errors on stderr, one per line, prefixed with the file they came from. @internal */
export const reportErrors = (source: string, errors: ReadonlyArray<ModelError>): void => {
  for (const line of formatModelErrors(errors).split('\n')) process.stderr.write(`${source}: ${line}\n`)
}

/** Read and decode a model file (or `-`); an invalid model ends the command with exit code 1. @internal */
export const loadModel = (path: string): Model => {
  const result = parseModel(readText(path))
  if (result._tag === 'Left') {
    reportErrors(path === '-' ? 'stdin' : describePath(path), result.left)
    throw new CommandFailure(`${describePath(path)} is not a valid orgintel/v2 model`, exitCodes.findings)
  }
  return result.right
}
