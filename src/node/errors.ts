import * as t from 'io-ts'
import { describeContext, errorSegments, tagOf } from '../model/codec-words.js'

/**
 * Something wrong with an experiment spec, its model, or files to merge. `path` is a
 * JSON Pointer into the spec (or `""`; `/i` names the i-th file of a merge), `code` is
 * stable: `invalid-rows` is a rows file that differs from its manifest, `stopped` an
 * experiment aborted while it was being planned.
 * @category Experiments
 */
export interface ExperimentError {
  readonly code: 'invalid-spec' | 'invalid-model' | 'unreadable-file' | 'mismatched-shards' | 'invalid-rows' | 'stopped'
  readonly path: string
  readonly message: string
}

/** A value described without quoting text from it (spec text may hold names). @internal */
export const describeValue = (value: unknown): string => {
  if (value === undefined) return 'it is missing'
  if (value === null) return 'it is null'
  if (typeof value === 'number' || typeof value === 'boolean') return `it is ${String(value)}`
  if (typeof value === 'string') return value.length === 0 ? 'it is empty text' : 'it is text'
  return Array.isArray(value) ? 'it is a list' : 'it is an object'
}

const pointer = (segments: ReadonlyArray<string>): string =>
  segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')

/**
 * io-ts errors as {@link ExperimentError}s with JSON Pointer paths (union and
 * intersection member indices left out), one per path, saying in plain words what was
 * expected. `subject` names the whole document in a message about its root. @internal
 */
export const specErrors = (errors: t.Errors, prefix: ReadonlyArray<string> = [], subject = 'The spec'): ReadonlyArray<ExperimentError> => {
  const seen = new Set<string>()
  const result: ExperimentError[] = []
  for (const error of errors) {
    const segments = [...prefix, ...errorSegments(error)]
    const last = error.context[error.context.length - 1]?.type
    let expected = describeContext(error.context)
    let value = error.value
    // An object whose tag names no member: point at the tag, as a user would fix it there.
    const tagged = last === undefined ? undefined : tagOf(last)
    if (tagged !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      segments.push(tagged.tag)
      expected = `one of ${tagged.values.join(', ')}`
      value = (value as Readonly<Record<string, unknown>>)[tagged.tag]
    }
    const path = pointer(segments)
    if (seen.has(path)) continue
    seen.add(path)
    result.push({ code: 'invalid-spec', path, message: `${path === '' ? subject : `'${path}'`} must be ${expected}, but ${describeValue(value)}.` })
  }
  return result
}

/** Build one error. @internal */
export const experimentError = (code: ExperimentError['code'], path: ReadonlyArray<string | number>, message: string): ExperimentError => ({
  code,
  path: pointer(path.map(String)),
  message,
})
