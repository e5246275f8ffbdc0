import type { ModelError, ModelErrorCode } from '../model/errors.js'

/**
 * Codes for what can be wrong with a file read by `orgintel/io`, besides the model's
 * own {@link ModelErrorCode}s (which keep their meaning):
 *
 * - `invalid-csv`: the CSV text cannot be parsed (an unclosed quote), its bytes are not
 *   UTF-8, its cells are separated by `;` or tabs, or a table is not text or bytes.
 * - `missing-column`: a table lacks a required column.
 * - `unknown-column`: a heading names no known column: an error when it is close to one
 *   (a typo) or a required column is missing, otherwise a warning (the column is ignored).
 * - `extra-cell`: a row has a non-empty cell beyond the last header.
 * - `invalid-xml`: the XML text cannot be parsed.
 * - `unsupported-xml`: the XML has a DOCTYPE or entity declarations, which are refused.
 * - `invalid-graphml`: well-formed XML that is not GraphML, or embedded JSON that is not valid.
 * @category Interop
 */
export type InteropErrorCode =
  | ModelErrorCode
  | 'invalid-csv'
  | 'missing-column'
  | 'unknown-column'
  | 'extra-cell'
  | 'invalid-xml'
  | 'unsupported-xml'
  | 'invalid-graphml'

/**
 * One thing wrong with an imported file. `path` is a JSON Pointer into the model the
 * file describes (`""` when the fault is in the file as a whole). CSV errors also name
 * the `table`, the 1-based `row` (the header is row 1, as a spreadsheet shows it) and
 * the `column` header, and the `file` the table came from when the caller named it.
 * Messages quote ids only, never names or free text (a CSV heading or a word outside
 * its vocabulary is quoted, as an id is).
 * @category Interop
 */
export interface InteropError {
  readonly code: InteropErrorCode
  readonly path: string
  readonly message: string
  readonly file?: string
  readonly table?: CsvTableName
  readonly row?: number
  readonly column?: string
}

/** The tables of a CSV import. @category Interop */
export type CsvTableName = 'actors' | 'channels' | 'assets' | 'loops'

/**
 * Format import errors one per line: `table row N, column C: message [code]` (the
 * `file` instead of the table when it is known: `actors.csv row 3, column kind: …`), or
 * the JSON Pointer when no row is known.
 * @category Interop
 */
export const formatInteropErrors = (errors: ReadonlyArray<InteropError>): string =>
  errors
    .map((error) => {
      const table = error.file ?? error.table
      const where =
        table !== undefined && error.row !== undefined
          ? `${table} row ${error.row}${error.column === undefined ? '' : `, ${/^column \d+$/.test(error.column) ? '' : 'column '}${error.column}`}`
          : table !== undefined
            ? table
            : error.path === ''
              ? '(document)'
              : error.path
      return `${where}: ${error.message} [${error.code}]`
    })
    .join('\n')

/** Model errors as import errors (their line and column refer to JSON text, not to the file read). @internal */
export const asInteropErrors = (errors: ReadonlyArray<ModelError>): ReadonlyArray<InteropError> =>
  errors.map(({ code, path, message }) => ({ code, path, message }))
