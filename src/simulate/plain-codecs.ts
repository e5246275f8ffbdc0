import * as t from 'io-ts'

const plain = <A>(name: string, is: (input: unknown) => input is A): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(name, is, (input, context) => (is(input) ? t.success(input) : t.failure(input, context)), t.identity)

/**
 * Unbranded codecs for options written by hand (`{ respond: 0.8 }`, `actor: 'ward-manager'`),
 * so that callers need no casts. The model's own codecs stay branded. @internal
 */
export const nonNegativeNumber = plain('NonNegative', (input): input is number => typeof input === 'number' && Number.isFinite(input) && input >= 0)
/** @internal */
export const probability = plain('Probability', (input): input is number => typeof input === 'number' && Number.isFinite(input) && input >= 0 && input <= 1)
/** @internal */
export const idText = plain('Id', (input): input is string => typeof input === 'string' && input.length > 0)
