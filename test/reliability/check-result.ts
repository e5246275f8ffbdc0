/**
 * The oracle for every front-door result: never a throw; a `Right` holds a model that
 * re-encodes and re-decodes to itself; a `Left` holds well-formed errors whose paths
 * point into the input and whose messages quote no names and no raw control or
 * bidirectional characters.
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeModel, encodeModel } from '../../src/index.js'
import type { ModelError } from '../../src/index.js'
import { freeTextMarker, nameMarker, unsafeMessageCharacters } from './hostile-text.js'
import type { Expectation } from './mutate.js'
import { pathPointsIntoInput } from './pointer.js'

export const errorCodes: ReadonlySet<string> = new Set([
  'invalid-json', 'unsupported-schema', 'missing-field', 'invalid-type', 'invalid-value',
  'out-of-range', 'duplicate-id', 'unknown-reference', 'invalid-loop', 'too-many-errors',
  'unknown-field', 'invalid-id', 'cyclic-provenance',
])

/** The longest message a decode may produce (ids are cut to 64 characters). */
export const maxMessageLength = 600

export interface CheckOptions {
  /** Messages must not contain the name and free-text markers (generated documents). */
  readonly namesPlanted: boolean
  readonly expectation?: Expectation
}

/** Problems with one result, as short strings; empty when all is well. */
export const checkDecodeResult = (
  input: unknown,
  result: E.Either<ReadonlyArray<ModelError>, unknown>,
  options: CheckOptions,
): ReadonlyArray<string> => {
  const problems: string[] = []
  if (!E.isLeft(result) && !E.isRight(result)) return ['result is not an Either']
  if (E.isRight(result)) {
    const again = decodeModel(encodeModel(result.right as never))
    if (!E.isRight(again)) problems.push('a decoded model does not decode again after encoding')
    const expectation = options.expectation
    if (expectation !== undefined && expectation.kind === 'error') problems.push(`decoded, but expected ${expectation.code} at ${expectation.path}`)
    if (expectation !== undefined && expectation.kind === 'error-at-or-below') problems.push(`decoded, but expected an error at or below '${expectation.path}'`)
    return problems
  }
  const errors = result.left
  if (!Array.isArray(errors) || errors.length === 0) return ['Left without errors']
  for (const error of errors) {
    if (!errorCodes.has(error.code)) problems.push(`unknown code ${String(error.code)}`)
    if (typeof error.message !== 'string' || error.message.length === 0) problems.push(`${error.code}: empty message`)
    else {
      if (error.message.length > maxMessageLength) problems.push(`${error.code} at ${error.path}: message of ${error.message.length} characters`)
      if (unsafeMessageCharacters.test(error.message)) problems.push(`${error.code} at ${error.path}: raw control or bidi character in message`)
      if (options.namesPlanted && (error.message.includes(nameMarker) || error.message.includes(freeTextMarker))) {
        problems.push(`${error.code} at ${error.path}: message quotes a name or free text`)
      }
    }
    if (typeof error.path !== 'string') problems.push(`${error.code}: path is not a string`)
    else if (error.code !== 'invalid-json' && error.code !== 'too-many-errors' && !pathPointsIntoInput(input, error.path, error.code)) {
      problems.push(`${error.code}: path '${error.path}' does not point into the input`)
    }
  }
  const expectation = options.expectation
  if (expectation?.kind === 'valid') problems.push(`expected a valid model, got ${errors[0]!.code} at '${errors[0]!.path}'`)
  if (expectation?.kind === 'error' && !errors.some((e) => e.code === expectation.code && e.path === expectation.path)) {
    problems.push(`expected ${expectation.code} at ${expectation.path}, got ${errors.slice(0, 3).map((e) => `${e.code} at ${e.path}`).join('; ')}`)
  }
  if (expectation?.kind === 'error-at-or-below' && !errors.some((e) => e.path === expectation.path || e.path.startsWith(`${expectation.path}/`))) {
    problems.push(`expected an error at or below '${expectation.path}', got ${errors[0]!.code} at '${errors[0]!.path}'`)
  }
  return problems
}
