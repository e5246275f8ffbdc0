/**
 * Stable codes for what stops a measurement before it starts.
 *
 * - `invalid-mapping`: a stage-mapping field has the wrong type or value.
 * - `unknown-field`: a field the stage mapping does not have (often a typo).
 * - `unknown-reference`: the mapping names an actor or asset the model does not have.
 * - `duplicate-activity`: one activity is mapped to two stages.
 * - `missing-column`: the event log has no column for a required field.
 * - `invalid-log`: the event log cannot be read at all (not CSV, not OCEL 2.0 JSON).
 * - `invalid-option`: an option of `measureLoops` or a reader cannot be used (an empty
 *   pseudonym key, a cell separator of two characters).
 * - `bad-input`: with `onBadInput: 'fail'`, the first bad row of the log.
 * - `mismatched-shards`: summaries to merge were made from different models or settings.
 * - `invalid-summary`: a measurement summary read back from JSON lacks a field or has one
 *   of the wrong type.
 * @category Evidence
 */
export type EvidenceErrorCode =
  | 'invalid-mapping'
  | 'unknown-field'
  | 'unknown-reference'
  | 'duplicate-activity'
  | 'missing-column'
  | 'invalid-log'
  | 'invalid-option'
  | 'bad-input'
  | 'mismatched-shards'
  | 'invalid-summary'

/**
 * One thing that stops a measurement. `path` is a JSON Pointer into the stage mapping
 * (or `""`); `row` the log row (the CSV header is row 1; OCEL events count from 1).
 * Messages quote mapping keys and model ids, never cells of the log.
 * @category Evidence
 */
export interface EvidenceError {
  readonly code: EvidenceErrorCode
  readonly path: string
  readonly message: string
  readonly row?: number
}

/**
 * Errors as text, one per line: `path: message` (or `row N: message`).
 * @category Evidence
 */
export const formatEvidenceErrors = (errors: ReadonlyArray<EvidenceError>): string =>
  errors
    .map((error) => `${error.row !== undefined ? `row ${error.row}` : error.path === '' ? '(mapping)' : error.path}: ${error.message}`)
    .join('\n')
