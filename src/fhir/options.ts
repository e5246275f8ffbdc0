import type { ActorKind, Level } from '../model/vocabulary.js'

/**
 * Options for `fromFhirBundle`. Code maps are `Map`s (not plain objects) so that a
 * code such as `__proto__` in the data cannot reach a prototype.
 * @category FHIR
 */
export interface FhirImportOptions {
  /** The model's id (default `fhir-import`). */
  readonly id?: string
  /** The model's name (default `Imported from FHIR`). */
  readonly name?: string
  /**
   * A secret key. When given, every resource id becomes a pseudonym: the first 12
   * bytes of HMAC-SHA-256(key, `Type/id`) in hex, e.g. `Patient/9f2c…`. The same key
   * gives the same pseudonyms, so imports can be joined without revealing ids. An empty
   * key is an `invalid-option` error (no model), never a silent return to real ids.
   * Without a key the resource ids are kept: the library asks its caller to choose,
   * while the command line (`orgintel import --from fhir`) pseudonymises by default,
   * with a random key for that run when none is given, and keeps ids only with
   * `--keep-ids`.
   */
  readonly pseudonymKey?: string | Uint8Array
  /**
   * Organisation type codes (FHIR organization-type, or NHS ODS role codes) to actor
   * kinds; merged over {@link defaultOrganizationKinds}. The first coding that matches
   * wins; an unmatched organisation is a `provider`.
   */
  readonly organizationKinds?: ReadonlyMap<string, ActorKind>
  /** PractitionerRole codes to actor kinds; merged over {@link defaultRoleKinds}; unmatched → `clinician`. */
  readonly roleKinds?: ReadonlyMap<string, ActorKind>
  /**
   * Keep the names of Organization and HealthcareService resources (default `true`:
   * they name organisations, not people); `false` numbers them (`Organisation 1`…), as
   * `--no-organisation-names` does on the command line.
   */
  readonly organisationNames?: boolean
}

/**
 * Default organisation kinds: FHIR organization-type codes (`prov`, `dept`, `team`,
 * `pay`, `ins`, `govt`, `edu`, `reli`, `crs`, `cg`, `bus`) and common NHS ODS role
 * codes (`RO197` NHS trust, `RO76` GP practice, `RO177` prescribing cost centre →
 * provider; `RO98` clinical commissioning group, `RO318` integrated care board,
 * `RO319` sub-ICB location → commissioner).
 * @category FHIR
 */
export const defaultOrganizationKinds: ReadonlyMap<string, ActorKind> = new Map<string, ActorKind>([
  ['prov', 'provider'],
  ['dept', 'provider'],
  ['team', 'provider'],
  ['bus', 'provider'],
  ['pay', 'commissioner'],
  ['ins', 'commissioner'],
  ['govt', 'regulator'],
  ['edu', 'researcher'],
  ['crs', 'researcher'],
  ['reli', 'community-group'],
  ['cg', 'community-group'],
  ['RO197', 'provider'],
  ['RO76', 'provider'],
  ['RO177', 'provider'],
  ['RO98', 'commissioner'],
  ['RO318', 'commissioner'],
  ['RO319', 'commissioner'],
])

/**
 * Default PractitionerRole kinds (FHIR practitioner-role codes): `doctor`, `nurse`,
 * `pharmacist` → clinician; `researcher` → researcher; `teacher`, `ict` → manager.
 * @category FHIR
 */
export const defaultRoleKinds: ReadonlyMap<string, ActorKind> = new Map<string, ActorKind>([
  ['doctor', 'clinician'],
  ['nurse', 'clinician'],
  ['pharmacist', 'clinician'],
  ['researcher', 'researcher'],
  ['teacher', 'manager'],
  ['ict', 'manager'],
])

/** The levels an actor of this kind takes part in when imported. @internal */
export const importedLevels = (kind: ActorKind): ReadonlyArray<Level> =>
  kind === 'commissioner' || kind === 'board' ? ['planning'] : kind === 'regulator' ? ['strategy'] : ['delivery']
