import type { ModelErrorCode } from '../model/errors.js'

/**
 * What the FHIR importer noticed, besides model errors (which keep their codes):
 *
 * - `invalid-option`: an option that cannot be used, such as an empty `pseudonymKey`
 *   (error; no model).
 * - `invalid-bundle`: the input is not a FHIR Bundle, or its `entry` is not a list
 *   (error; no model).
 * - `invalid-resource`: an entry that is not an object, or has no resource with a usable
 *   `resourceType` (warning; skipped).
 * - `duplicate-resource`: a resource that appears twice (warning; the first is used).
 * - `unresolved-reference`: a reference to nothing in the bundle, or to a resource that
 *   cannot be an actor (warning; the channel or asset is skipped).
 * - `unsupported-reference`: a contained (`#…`) reference (warning; skipped).
 * - `missing-reference`: a Communication without sender or recipient, a
 *   QuestionnaireResponse without author or subject (warning; skipped).
 * - `ignored-resources`: resources of a type the importer does not read, counted per type (info).
 * @category FHIR
 */
export type FhirDiagnosticCode =
  | ModelErrorCode
  | 'invalid-option'
  | 'invalid-bundle'
  | 'invalid-resource'
  | 'duplicate-resource'
  | 'unresolved-reference'
  | 'unsupported-reference'
  | 'missing-reference'
  | 'ignored-resources'

/**
 * One finding of a FHIR import. `path` is a JSON Pointer into the bundle (or, for a
 * model error, into the model built; for `invalid-option`, into the options). Messages quote paths and resource types only,
 * never resource ids, references or any other content of the bundle.
 * @category FHIR
 */
export interface FhirDiagnostic {
  readonly code: FhirDiagnosticCode
  readonly severity: 'error' | 'warning' | 'info'
  readonly path: string
  readonly message: string
}
