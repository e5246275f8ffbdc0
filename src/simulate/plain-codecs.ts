import * as t from 'io-ts'

const plain = <A>(name: string, is: (input: unknown) => input is A): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(name, is, (input, context) => (is(input) ? t.success(input) : t.failure(input, context)), t.identity)

/**
 * Unbranded codecs for options written by hand (`{ respond: 0.8 }`, `actor: 'ward-manager'`),
 * so that callers need no casts. The model's own codecs stay branded. Each is named in
 * plain words, because error messages quote a codec's name as what was expected. @internal
 */
export const nonNegativeNumber = plain('a number, 0 or more', (input): input is number => typeof input === 'number' && Number.isFinite(input) && input >= 0)
/** @internal */
export const probability = plain('a number from 0 to 1', (input): input is number => typeof input === 'number' && Number.isFinite(input) && input >= 0 && input <= 1)
/** @internal */
export const idText = plain('a non-empty id', (input): input is string => typeof input === 'string' && input.length > 0)
