import * as E from 'fp-ts/lib/Either.js'
import { type Model, ModelCodec, previousSchemaVersion, schemaVersion } from './codecs.js'
import { inDocumentOrder, partsOfDocument } from './document-parts.js'
import { type ModelError, type ModelNotice, capErrors, maxReportedErrors } from './errors.js'
import { firstSyntaxErrorOffset } from './json-syntax.js'
import { partsOfModel, referenceErrors } from './references.js'
import { shapeErrorsUpTo, subjectOf } from './shape-errors.js'
import { unknownFieldErrors } from './unknown-fields.js'

/**
 * A decoded model with what decoding did to it that its author may want to know (for
 * now, that an `orgintel/v1` document was upgraded). @category Model
 */
export interface DecodedModel {
  readonly model: Model
  readonly notices: ReadonlyArray<ModelNotice>
}

const upgradeNotice: ModelNotice = {
  code: 'upgraded-from-v1',
  path: '/schema',
  message: `The document is in the earlier format '${previousSchemaVersion}' and was read as '${schemaVersion}' (nothing else changes). Write it back with encodeModel, or run 'orgintel migrate', to update it.`,
}

/**
 * Decode and validate a document (a parsed JSON value) in format `orgintel/v2`, or in
 * `orgintel/v1`, which is read as v2 (v2 only adds optional fields and kinds) and
 * reported in `notices` as `upgraded-from-v1`. In one pass, every error is collected,
 * up to {@link maxReportedErrors}, and none is thrown:
 *
 * - the shape (io-ts codecs, applying defaults): types, vocabularies, ranges, ids a
 *   writer can carry (`invalid-id`), and every field the format does not define
 *   (`unknown-field`, with a "did you mean"), in every object of the document;
 * - the cross-references, on every part that decoded, even when another part did not,
 *   down to each reference that is right in an item with a shape error elsewhere:
 *   unique ids, references that resolve (holders, `derivedFrom`, channel ends and
 *   carried assets, loop actors and `source`; an id that names nothing comes with the
 *   closest id of its kind, when one is close), provenance without circles
 *   (`cyclic-provenance`) and closed declared loops.
 *
 * O(size of the document).
 * @category Model
 */
export const decodeModelDocument = (input: unknown): E.Either<ReadonlyArray<ModelError>, DecodedModel> => {
  const upgraded = isPreviousVersion(input)
  const document = upgraded ? { ...(input as object), schema: schemaVersion } : input
  const decoded = ModelCodec.decode(document)
  const unknownFields = unknownFieldErrors(ModelCodec, input, maxReportedErrors, (segments) => subjectOf(input, segments))
  if (E.isRight(decoded) && unknownFields.errors.length === 0) {
    const errors = referenceErrors(partsOfModel(decoded.right))
    return errors.length === 0
      ? E.right({ model: decoded.right, notices: upgraded ? [upgradeNotice] : [] })
      : E.left(capErrors(errors))
  }
  const shape = E.isLeft(decoded) ? shapeErrorsUpTo(input, decoded.left, maxReportedErrors) : { errors: [], more: 0 }
  const references = referenceErrors(E.isRight(decoded) ? partsOfModel(decoded.right) : partsOfDocument(document))
  return E.left(
    capErrors([...inDocumentOrder([...shape.errors, ...unknownFields.errors]), ...references], shape.more + unknownFields.more),
  )
}

/**
 * Decode and validate a document: {@link decodeModelDocument} without its notices. An
 * `orgintel/v1` document is read as `orgintel/v2`; use `decodeModelDocument` to learn
 * that it was.
 *
 * @example
 * {@includeCode ../../examples/validate-model.ts#decode}
 * @category Model
 */
export const decodeModel = (input: unknown): E.Either<ReadonlyArray<ModelError>, Model> =>
  E.map((decoded: DecodedModel) => decoded.model)(decodeModelDocument(input))

/**
 * Whether a parsed document is in the earlier `orgintel/v1` format. Every v1 document is
 * a v2 document with a different `schema`: v2 only adds optional fields and kinds.
 * @category Model
 */
export const isPreviousVersion = (input: unknown): boolean =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && (input as { schema?: unknown }).schema === previousSchemaVersion

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

/** JSON text as a value, or an `invalid-json` error with its line and column. */
const parseJson = (text: string): E.Either<ReadonlyArray<ModelError>, unknown> => {
  const body = withoutByteOrderMark(text)
  try {
    return E.right(JSON.parse(body))
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
}

/**
 * Parse JSON text and decode it with {@link decodeModelDocument}. A leading byte order
 * mark (U+FEFF) is skipped. A syntax error is returned as an `invalid-json` error with
 * its line and column, never thrown.
 * @category Model
 */
export const parseModelDocument = (text: string): E.Either<ReadonlyArray<ModelError>, DecodedModel> =>
  E.chain(decodeModelDocument)(parseJson(text))

/**
 * Parse JSON text and decode it with {@link decodeModel}. A leading byte order mark
 * (U+FEFF) is skipped. A syntax error is returned as an `invalid-json` error with its
 * line and column, never thrown.
 * @category Model
 */
export const parseModel = (text: string): E.Either<ReadonlyArray<ModelError>, Model> => E.chain(decodeModel)(parseJson(text))

/**
 * Encode a model as a plain JSON value in format `orgintel/v2` (the inverse of
 * {@link decodeModel}; defaults are written out).
 * @category Model
 */
export const encodeModel = (model: Model): unknown => ModelCodec.encode(model)
