import type { ActorKind } from '../model/vocabulary.js'
import type { IndexedResource } from './bundle-index.js'
import { defaultOrganizationKinds, defaultRoleKinds, importedLevels, type FhirImportOptions } from './options.js'
import { codesOf, field, stringField } from './types.js'

/** An actor before validation, with the key of the resource it came from. @internal */
export interface ImportedActor {
  readonly key: string
  /** The bundle entry of the resource. */
  readonly entry: number
  readonly id: string
  readonly name: string
  readonly kind: ActorKind
  readonly levels: ReadonlyArray<string>
  readonly tags: ReadonlyArray<string>
}

/** Resource types that become actors. @internal */
export const actorTypes: ReadonlySet<string> = new Set([
  'Organization',
  'HealthcareService',
  'PractitionerRole',
  'CareTeam',
  'Patient',
  'RelatedPerson',
])

const merged = (defaults: ReadonlyMap<string, ActorKind>, extra: ReadonlyMap<string, ActorKind> | undefined) =>
  extra === undefined ? defaults : new Map([...defaults, ...extra])

const firstMatch = (codes: ReadonlyArray<{ code: string }>, kinds: ReadonlyMap<string, ActorKind>): ActorKind | undefined => {
  for (const { code } of codes) {
    const kind = kinds.get(code)
    if (kind !== undefined) return kind
  }
  return undefined
}

/**
 * Make the actor-building function for one import. Names are never taken from people:
 * patients become `Patient 1`, `Patient 2`…, related people `Carer 1`…, care teams
 * `Care team 1`… (a care team's name often names its patient), practitioner roles
 * their role's display text or code and a number; organisations and healthcare
 * services keep their own names unless `organisationNames` is `false`.
 * @internal
 */
export const actorBuilder = (options: FhirImportOptions) => {
  const organizationKinds = merged(defaultOrganizationKinds, options.organizationKinds)
  const roleKinds = merged(defaultRoleKinds, options.roleKinds)
  const counters = new Map<string, number>()
  const keepOrganisationNames = options.organisationNames ?? true
  return (resource: IndexedResource, id: string): ImportedActor => {
    const count = (counters.get(resource.type) ?? 0) + 1
    counters.set(resource.type, count)
    const numbered = (label: string): string => `${label} ${count}`
    let kind: ActorKind
    let name: string
    switch (resource.type) {
      case 'Patient':
        kind = 'patient'
        name = numbered('Patient')
        break
      case 'RelatedPerson':
        kind = 'carer'
        name = numbered('Carer')
        break
      case 'CareTeam':
        kind = 'clinician'
        name = numbered('Care team')
        break
      case 'PractitionerRole': {
        const codes = codesOf(field(resource.resource, 'code'))
        kind = firstMatch(codes, roleKinds) ?? 'clinician'
        const role = codes[0]?.display ?? codes[0]?.code
        name = numbered(role === undefined ? 'Practitioner role' : role.slice(0, 64))
        break
      }
      default: {
        const codes = codesOf(field(resource.resource, 'type'))
        kind = resource.type === 'Organization' ? (firstMatch(codes, organizationKinds) ?? 'provider') : 'provider'
        const own = stringField(resource.resource, 'name')
        name = keepOrganisationNames && own !== undefined && own.trim() !== '' ? own : numbered(resource.type === 'HealthcareService' ? 'Healthcare service' : 'Organisation')
      }
    }
    return { key: `${resource.type}/${resource.id}`, entry: resource.entry, id, name, kind, levels: importedLevels(kind), tags: [`fhir:${resource.type}`] }
  }
}
