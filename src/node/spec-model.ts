import { isAbsolute, resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import type { Model } from '../model/codecs.js'
import { decodeModel, parseModel } from '../model/decode.js'
import { type ExperimentError, experimentError } from './errors.js'
import { defaultMaxInputBytes, readTextBounded } from './read-text.js'
import type { ExperimentSpec } from './spec.js'

/** Why a model file could not be read, in words. */
const readProblem = (code: string): string => {
  if (code === 'ERR_INPUT_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG') return `it is larger than ${defaultMaxInputBytes} bytes`
  if (code === 'ENOENT') return 'there is no such file'
  if (code === 'EISDIR') return 'it is a folder'
  if (code === 'EACCES' || code === 'EPERM') return 'permission is denied'
  return `it cannot be read (${code})`
}

/**
 * The model a spec names: inline (`model`) or in a JSON file (`modelPath`, read from
 * `baseDirectory` when relative, as a spec file's own folder is for `orgintel sweep`).
 * A file that cannot be read is an `unreadable-file` error naming the path tried, and
 * how it was resolved; a model that does not decode gives its errors under `/model` or
 * `/modelPath`. Reading is bounded, so a path that names a device or an endless stream
 * cannot fill memory. O(size of the model).
 * @internal
 */
export const loadSpecModel = (
  spec: Pick<ExperimentSpec, 'model' | 'modelPath'>,
  baseDirectory: string | undefined,
): E.Either<ReadonlyArray<ExperimentError>, Model> => {
  if ((spec.model === undefined) === (spec.modelPath === undefined)) {
    return E.left([experimentError('invalid-spec', [], 'Give exactly one of `model` and `modelPath`.')])
  }
  let decoded: ReturnType<typeof decodeModel>
  if (spec.modelPath !== undefined) {
    const path = resolve(baseDirectory ?? '.', spec.modelPath)
    const text = readTextBounded(path)
    if (E.isLeft(text)) {
      const how = isAbsolute(spec.modelPath) ? '' : ` (${JSON.stringify(spec.modelPath)} from ${baseDirectory === undefined ? 'the working directory' : resolve(baseDirectory)})`
      return E.left([experimentError('unreadable-file', ['modelPath'], `The model file ${path}${how} cannot be read: ${readProblem(text.left.code)}.`)])
    }
    decoded = parseModel(text.right)
  } else {
    decoded = decodeModel(spec.model)
  }
  const prefix = spec.modelPath !== undefined ? '/modelPath' : '/model'
  return E.isLeft(decoded)
    ? E.left(decoded.left.map((error) => ({ code: 'invalid-model' as const, path: prefix + error.path, message: error.message })))
    : E.right(decoded.right)
}
