/**
 * orgintel/fhir: build a model from FHIR R4 / UK Core resources. Browser-safe (Web
 * Crypto for pseudonyms); no runtime dependency on any FHIR library.
 * @packageDocumentation
 * @module orgintel/fhir
 */

export { fromFhirBundle } from './bundle.js'
export type { FhirImport } from './bundle.js'
export type { FhirDiagnostic, FhirDiagnosticCode } from './diagnostics.js'
export { defaultOrganizationKinds, defaultRoleKinds } from './options.js'
export type { FhirImportOptions } from './options.js'
