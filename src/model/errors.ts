/**
 * Stable codes for what can be wrong with a document. Codes never change meaning;
 * new ones may be added.
 *
 * - `invalid-json`: the text is not JSON (`line` and `column` say where).
 * - `unsupported-schema`: `schema` is not `orgintel/v1`.
 * - `missing-field`: a required field is absent.
 * - `invalid-type`: a field has the wrong JSON type (text where a list belongs).
 * - `invalid-value`: the type is right but the value is not allowed (an unknown kind,
 *   an empty id, an empty list of levels).
 * - `out-of-range`: a number outside its range (negative latency, reliability above 1).
 * - `duplicate-id`: two items of one collection share an id.
 * - `unknown-reference`: an id that names nothing in the model.
 * - `invalid-loop`: a declared loop that does not return to its first actor.
 * - `too-many-errors`: the document has more errors than are listed.
 * @category Model
 */
export type ModelErrorCode =
  | 'invalid-json'
  | 'unsupported-schema'
  | 'missing-field'
  | 'invalid-type'
  | 'invalid-value'
  | 'out-of-range'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'invalid-loop'
  | 'too-many-errors'

/**
 * One thing wrong with a document. `path` is a JSON Pointer (RFC 6901) into the input,
 * `""` for the whole document. Messages never quote names or free text, only ids.
 * @category Model
 */
export interface ModelError {
  readonly code: ModelErrorCode
  readonly path: string
  readonly message: string
  /** 1-based line, for `invalid-json` and errors read from text. */
  readonly line?: number
  /** 1-based column, for `invalid-json` and errors read from text. */
  readonly column?: number
}

/**
 * Codes for things that are allowed but probably not meant.
 *
 * - `asset-not-available`: a channel carries an asset its sender neither holds nor
 *   receives on any channel.
 * - `level-mismatch`: a channel works at a level one of its actors does not take part in.
 * - `unreachable-loop-level`: a declared loop's level is not one its actors share.
 * @category Model
 */
export type ModelWarningCode = 'asset-not-available' | 'level-mismatch' | 'unreachable-loop-level'

/** @category Model */
export interface ModelWarning {
  readonly code: ModelWarningCode
  readonly path: string
  readonly message: string
}

/** The most errors one decode reports before it stops listing them. @category Model */
export const maxReportedErrors = 1000

const tooManyErrors = (more: number): ModelError => ({
  code: 'too-many-errors',
  path: '',
  message: `The document has ${more} more ${more === 1 ? 'error' : 'errors'} than are listed here.`,
})

/**
 * Keep at most {@link maxReportedErrors} errors, ending with a `too-many-errors` note.
 * `more` counts further errors already left out by the caller.
 * @internal
 */
export const capErrors = (errors: ReadonlyArray<ModelError>, more = 0): ReadonlyArray<ModelError> => {
  const excess = Math.max(0, errors.length - maxReportedErrors) + more
  return excess === 0 ? errors : [...errors.slice(0, maxReportedErrors), tooManyErrors(excess)]
}

/**
 * Format errors or warnings one per line: `path: message [code]`, with line and column
 * where known. Suitable for a terminal or a log (it quotes only ids, never names).
 * @category Model
 */
export const formatModelErrors = (errors: ReadonlyArray<ModelError | ModelWarning>): string =>
  errors
    .map((error) => {
      const where = error.path === '' ? '(document)' : error.path
      const position =
        'line' in error && error.line !== undefined ? ` (line ${error.line}, column ${error.column ?? 1})` : ''
      return `${where}${position}: ${error.message} [${error.code}]`
    })
    .join('\n')

/** Escape one JSON Pointer segment (RFC 6901). @internal */
export const escapePointerSegment = (segment: string): string =>
  segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment

/** Build a JSON Pointer from segments. @internal */
export const toPointer = (segments: ReadonlyArray<string | number>): string => {
  let pointer = ''
  for (const segment of segments) pointer += `/${escapePointerSegment(String(segment))}`
  return pointer
}

/**
 * Quote an id for a message: at most 64 characters, control and bidirectional
 * characters shown as escapes so a message cannot be spoofed by its content.
 * @internal
 */
export const quoteId = (id: string): string => {
  // eslint-disable-next-line no-control-regex
  const safe = id.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return `'${safe.length > 64 ? `${safe.slice(0, 61)}...` : safe}'`
}
