/**
 * Stable codes for what can be wrong with a document. Codes never change meaning;
 * new ones may be added.
 *
 * - `invalid-json`: the text is not JSON (`line` and `column` say where).
 * - `unsupported-schema`: `schema` is neither `orgintel/v2` nor `orgintel/v1`.
 * - `missing-field`: a required field is absent.
 * - `unknown-field`: a field the format does not define (often a misspelling: the
 *   message suggests the nearest field). Never silently dropped.
 * - `invalid-type`: a field has the wrong JSON type (text where a list belongs).
 * - `invalid-value`: the type is right but the value is not allowed (an unknown kind,
 *   an empty id, an empty list of levels).
 * - `out-of-range`: a number outside its range (negative latency, reliability above 1).
 * - `invalid-id`: an id holding a character no output format can carry (a C0 control
 *   character, U+FFFE, U+FFFF or a lone surrogate); the message names it as `U+XXXX`.
 * - `duplicate-id`: two items of one collection share an id.
 * - `unknown-reference`: an id that names nothing in the model.
 * - `invalid-loop`: a declared loop that does not return to its first actor.
 * - `cyclic-provenance`: assets that derive from one another in a circle (or an asset
 *   that derives from itself); the message names the circle.
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
  | 'unknown-field'
  | 'invalid-id'
  | 'cyclic-provenance'

/**
 * One thing wrong with a document. `path` is a JSON Pointer (RFC 6901) into the input,
 * `""` for the whole document. Messages never quote names or free text: they quote
 * ids, field names and a value given where a closed vocabulary belongs when it looks
 * like a misspelt word (`'Patient'`), each escaped and cut to 64 characters.
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
 * - `self-channel`: a channel runs from an actor to itself, so it takes nothing anywhere.
 * - `unreachable-loop-level`: no step of a declared loop joins two actors who take part in its level.
 * - `provenance-unreached`: an asset is made from another that never reaches its
 *   holder over an active channel that carries it.
 * - `loop-source-not-a-source`: a declared loop's `source` is not a source (an
 *   `experience`, `evidence` or `data` asset made from nothing), so no traced loop is
 *   about it; the message names the source it is made from, when provenance says.
 * - `loop-without-source-holder`: the holder of a declared loop's `source` is not on
 *   its `through`, so the loop brings nothing back to them.
 * - `loop-not-from-source-holder`: a declared loop passes its source's holder but does
 *   not start with it; start `through` with the holder so the source is followed round.
 * @category Model
 */
export type ModelWarningCode =
  | 'asset-not-available'
  | 'level-mismatch'
  | 'self-channel'
  | 'inactive-carries-nothing'
  | 'unreachable-loop-level'
  | 'provenance-unreached'
  | 'loop-source-not-a-source'
  | 'loop-without-source-holder'
  | 'loop-not-from-source-holder'

/** @category Model */
export interface ModelWarning {
  readonly code: ModelWarningCode
  readonly path: string
  readonly message: string
}

/**
 * Codes for what decoding did to a valid document that its author may want to know.
 *
 * - `upgraded-from-v1`: the document said `orgintel/v1` and was read as `orgintel/v2`
 *   (nothing else changes: v2 only adds optional fields and kinds). `orgintel migrate`
 *   rewrites the file.
 * @category Model
 */
export type ModelNoticeCode = 'upgraded-from-v1'

/** Something decoding did to a valid document, such as upgrading it from v1. @category Model */
export interface ModelNotice {
  readonly code: ModelNoticeCode
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
 * Format errors, warnings or notices one per line: `path: message [code]`. Suitable for
 * a terminal or a log (it quotes only ids, never names). An `invalid-json` message
 * says its line and column itself, so the position is given once.
 * @category Model
 */
export const formatModelErrors = (errors: ReadonlyArray<ModelError | ModelWarning | ModelNotice>): string =>
  errors.map((error) => `${error.path === '' ? '(document)' : error.path}: ${error.message} [${error.code}]`).join('\n')

/** Escape one JSON Pointer segment (RFC 6901). @internal */
export const escapePointerSegment = (segment: string): string =>
  segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment

/** Build a JSON Pointer from segments. @internal */
export const toPointer = (segments: ReadonlyArray<string | number>): string => {
  let pointer = ''
  for (const segment of segments) pointer += `/${escapePointerSegment(String(segment))}`
  return pointer
}

/** Controls, invisible and bidirectional characters, non-characters and lone surrogates. */
const unsafeInMessages =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * Quote an id for a message: at most 64 characters, control and bidirectional
 * characters shown as escapes so a message cannot be spoofed by its content.
 * @internal
 */
export const quoteId = (id: string): string => {
  const safe = id.replace(unsafeInMessages, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  if (safe.length <= 64) return `'${safe}'`
  // Never cut a character pair in two: half of one is a lone surrogate.
  const end = safe.charCodeAt(60) >= 0xd800 && safe.charCodeAt(60) <= 0xdbff ? 60 : 61
  return `'${safe.slice(0, end)}...'`
}
