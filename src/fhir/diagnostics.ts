import type { ModelErrorCode } from '../model/errors.js'

/**
 * What the FHIR importer noticed, besides model errors (which keep their codes):
 *
 * - `invalid-bundle`: the input is not a FHIR Bundle (error; no model).
 * - `invalid-resource`: an entry without a usable `resourceType` (warning; skipped).
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
  | 'invalid-bundle'
  | 'invalid-resource'
  | 'duplicate-resource'
  | 'unresolved-reference'
  | 'unsupported-reference'
  | 'missing-reference'
  | 'ignored-resources'

/**
 * One finding of a FHIR import. `path` is a JSON Pointer into the bundle (or, for a
 * model error, into the model built). Messages quote paths and resource types only,
 * never resource ids, references or any other content of the bundle.
 * @category FHIR
 */
export interface FhirDiagnostic {
  readonly code: FhirDiagnosticCode
  readonly severity: 'error' | 'warning' | 'info'
  readonly path: string
  readonly message: string
}
