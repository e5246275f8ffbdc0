import * as t from 'io-ts'
import { describeExpected, errorSegments } from '../model/codec-words.js'
import { toPointer } from '../model/errors.js'

/**
 * Stable codes for what can be wrong with a diagnosis config.
 *
 * - `invalid-config`: a field has the wrong type or value (a number where a list belongs).
 * - `unknown-field`: a field the config format does not have (often a typo).
 * - `unknown-rule`: a rule id that neither the built-in rules nor a plugin defines.
 * - `invalid-setting`: a rule setting that is not a level or `[level, options]`.
 * - `invalid-options`: options the rule does not accept.
 * - `duplicate-rule`: two rules (built-in or plugin) share an id.
 * @category Rules
 */
export type ConfigErrorCode =
  | 'invalid-config'
  | 'unknown-field'
  | 'unknown-rule'
  | 'invalid-setting'
  | 'invalid-options'
  | 'duplicate-rule'

/**
 * One thing wrong with a diagnosis config; `path` is a JSON Pointer into it.
 * @category Rules
 */
export interface ConfigError {
  readonly code: ConfigErrorCode
  readonly path: string
  readonly message: string
}

const describeValue = (value: unknown): string =>
  value === undefined ? 'nothing' : value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : JSON.stringify(value)

/**
 * io-ts validation errors as {@link ConfigError}s, with paths below `base` that skip the
 * member indices io-ts adds for unions and intersections. One error per path.
 * @internal
 */
export const configErrorsOf = (
  errors: t.Errors,
  base: ReadonlyArray<string | number>,
  code: ConfigErrorCode,
): ReadonlyArray<ConfigError> => {
  const seen = new Set<string>()
  const result: ConfigError[] = []
  for (const error of errors) {
    const path = toPointer([...base, ...errorSegments(error)])
    if (seen.has(path)) continue
    seen.add(path)
    const last = error.context[error.context.length - 1]?.type
    const expected = last === undefined ? 'a valid value' : describeExpected(last)
    result.push({ code, path, message: `The config value at ${path === '' ? '(config)' : path} must be ${expected}, but it is ${describeValue(error.value)}.` })
  }
  return result
}
