import * as t from 'io-ts'

/**
 * Something wrong with an experiment spec, its model, or files to merge. `path` is a
 * JSON Pointer into the spec (or `""`), `code` is stable.
 * @category Experiments
 */
export interface ExperimentError {
  readonly code: 'invalid-spec' | 'invalid-model' | 'unreadable-file' | 'mismatched-shards'
  readonly path: string
  readonly message: string
}

const isWrapper = (type: t.Decoder<unknown, unknown>): boolean =>
  type instanceof t.UnionType || type instanceof t.IntersectionType

const unwrap = (type: t.Decoder<unknown, unknown>): t.Decoder<unknown, unknown> => {
  let current = type
  while (current instanceof t.ReadonlyType || current instanceof t.RefinementType) current = current.type
  return current
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
 * intersection member indices left out), one per path. @internal
 */
export const specErrors = (errors: t.Errors, prefix: ReadonlyArray<string> = []): ReadonlyArray<ExperimentError> => {
  const seen = new Set<string>()
  const result: ExperimentError[] = []
  for (const error of errors) {
    const segments: string[] = [...prefix]
    let parent: t.Decoder<unknown, unknown> | undefined
    for (const entry of error.context) {
      if (parent !== undefined && !isWrapper(unwrap(parent))) segments.push(entry.key)
      parent = entry.type
    }
    const path = pointer(segments)
    if (seen.has(path)) continue
    seen.add(path)
    const expected = error.context[error.context.length - 1]?.type.name ?? 'a value'
    const actual = describeValue(error.value)
    result.push({ code: 'invalid-spec', path, message: `${path === '' ? 'The spec' : `'${path}'`} must be ${expected}, but ${actual}.` })
  }
  return result
}

/** Build one error. @internal */
export const experimentError = (code: ExperimentError['code'], path: ReadonlyArray<string | number>, message: string): ExperimentError => ({
  code,
  path: pointer(path.map(String)),
  message,
})
