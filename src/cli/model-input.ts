import { formatModelErrors, type ModelError } from '../model/errors.js'
import { parseModelDocument } from '../model/decode.js'
import type { Model } from '../model/codecs.js'
import { CommandFailure, exitCodes } from './failure.js'
import { describePath, readText } from './files.js'

/** Print errors on stderr, one per line, prefixed with the file they came from. @internal */
export const reportErrors = (source: string, errors: ReadonlyArray<ModelError>): void => {
  for (const line of formatModelErrors(errors).split('\n')) process.stderr.write(`${source}: ${line}\n`)
}

/**
 * Read and decode a model file (or `-`); an invalid model ends the command with exit
 * code 1. What decoding did that the author may want to know (a v1 document read as v2)
 * is said on stderr, one line each. @internal
 */
export const loadModel = (path: string): Model => readModel(path).model

/** {@link loadModel}, with the text the model was read from. @internal */
export const readModel = (path: string): { readonly model: Model; readonly text: string } => {
  const text = readText(path)
  const result = parseModelDocument(text)
  const source = path === '-' ? 'stdin' : describePath(path)
  if (result._tag === 'Left') {
    reportErrors(source, result.left)
    throw new CommandFailure(`${describePath(path)} is not a valid orgintel/v2 model`, exitCodes.findings)
  }
  for (const notice of result.right.notices) process.stderr.write(`${source}: ${notice.message} [${notice.code}]\n`)
  return { model: result.right.model, text }
}
