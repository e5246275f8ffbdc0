import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { type Model, ModelCodec, previousSchemaVersion, schemaVersion } from './codecs.js'
import { type ModelError, capErrors, maxReportedErrors } from './errors.js'
import { firstSyntaxErrorOffset } from './json-syntax.js'
import { referenceErrors } from './references.js'
import { shapeErrorsUpTo } from './shape-errors.js'

/**
 * Decode and validate an `orgintel/v2` document (a parsed JSON value). Two steps: the
 * shape (io-ts codecs, applying defaults), then the cross-references (unique ids,
 * references that resolve, closed declared loops). Every error is collected, up to
 * {@link maxReportedErrors}; none is thrown.
 *
 * @example
 * {@includeCode ../../examples/validate-model.ts#decode}
 * @category Model
 */
export const decodeModel = (input: unknown): E.Either<ReadonlyArray<ModelError>, Model> =>
  pipe(
    ModelCodec.decode(upgradeDocument(input)),
    E.mapLeft((errors) => {
      const shape = shapeErrorsUpTo(input, errors, maxReportedErrors)
      return capErrors(shape.errors, shape.more)
    }),
    E.chain((model) => {
      const errors = referenceErrors(model)
      return errors.length === 0 ? E.right(model) : E.left(capErrors(errors))
    }),
  )

/**
 * Whether a parsed document is in the earlier `orgintel/v1` format. Every v1 document is
 * a v2 document with a different `schema`: v2 only adds optional fields and kinds.
 * @category Model
 */
export const isPreviousVersion = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && (input as { schema?: unknown }).schema === previousSchemaVersion

/** A v1 document as the same document in v2 (a shallow copy with the new `schema`); anything else as it is. */
const upgradeDocument = (input: unknown): unknown =>
  isPreviousVersion(input) ? { ...(input as object), schema: schemaVersion } : input

/** Line and column (1-based) of a character offset in a text. */
const lineAndColumn = (text: string, offset: number): { line: number; column: number } => {
  let line = 1
  let lineStart = 0
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}


/** The text without a leading byte order mark (U+FEFF, which some Windows editors write): it is not part of the document. @internal */
export const withoutByteOrderMark = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

const describeCharacter = (text: string, offset: number): string => {
  if (offset >= text.length) return 'the text ends too early'
  const code = text.codePointAt(offset) ?? 0
  const printable = code > 32 && code < 127
  return `unexpected character ${printable ? `'${String.fromCodePoint(code)}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`}`
}

/**
 * Parse JSON text and decode it with {@link decodeModel}. A leading byte order mark
 * (U+FEFF) is skipped. A syntax error is returned as an `invalid-json` error with its
 * line and column, never thrown.
 * @category Model
 */
export const parseModel = (text: string): E.Either<ReadonlyArray<ModelError>, Model> => {
  const body = withoutByteOrderMark(text)
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    const offset = firstSyntaxErrorOffset(body)
    if (offset === undefined) {
      // The syntax is valid, so the engine gave up for another reason (memory, depth).
      return E.left([
        { code: 'invalid-json', path: '', message: 'The document is valid JSON but too large or too deeply nested to read.' },
      ])
    }
    const { line, column } = lineAndColumn(body, offset)
    return E.left([
      {
        code: 'invalid-json',
        path: '',
        line,
        column,
        message: `The document is not valid JSON: ${describeCharacter(body, offset)} at line ${line}, column ${column}.`,
      },
    ])
  }
  return decodeModel(value)
}

/**
 * Encode a model as a plain JSON value (the inverse of {@link decodeModel}; defaults
 * are written out).
 * @category Model
 */
export const encodeModel = (model: Model): unknown => ModelCodec.encode(model)
