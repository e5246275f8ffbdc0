import { arrayField, asObject, field, kindOf, stringField, type FhirResource } from './types.js'
import type { FhirDiagnostic } from './diagnostics.js'

/** A resource of the bundle with its position. @internal */
export interface IndexedResource {
  readonly entry: number
  readonly type: string
  /** The resource id, or failing that the last part of its `fullUrl`, or `entry{n}`. */
  readonly id: string
  readonly resource: FhirResource
}

/** Resources of a bundle, found by `fullUrl` or `Type/id`. @internal */
export interface BundleIndex {
  readonly resources: ReadonlyArray<IndexedResource>
  readonly byKey: ReadonlyMap<string, IndexedResource>
}

const absoluteTail = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9.-]{1,64})(?:\/_history\/[^/]+)?$/

/** Why an entry cannot be read, as a diagnostic, or `undefined` when it can. */
const entryProblem = (entry: unknown, position: number): FhirDiagnostic | undefined => {
  const skipped = (path: string, message: string): FhirDiagnostic => ({ code: 'invalid-resource', severity: 'warning', path, message: `${message}; it is skipped.` })
  if (asObject(entry) === undefined) return skipped(`/entry/${position}`, `Entry ${position} must be an object, but it is ${kindOf(entry)}`)
  const resource = field(entry, 'resource')
  if (resource === undefined) return skipped(`/entry/${position}/resource`, `Entry ${position} has no resource`)
  if (asObject(resource) === undefined) return skipped(`/entry/${position}/resource`, `The resource of entry ${position} must be an object, but it is ${kindOf(resource)}`)
  const type = stringField(resource, 'resourceType')
  if (type === undefined || !/^[A-Z][A-Za-z]+$/.test(type)) return skipped(`/entry/${position}/resource/resourceType`, `The resource of entry ${position} has no usable resourceType`)
  return undefined
}

/**
 * Index the entries of a bundle. An `entry` that is present but not a list is an
 * `invalid-bundle` error (nothing is indexed); an entry that cannot be read is an
 * `invalid-resource` warning and is skipped. @internal
 */
export const indexBundle = (bundle: unknown, diagnostics: FhirDiagnostic[]): BundleIndex => {
  const resources: IndexedResource[] = []
  const byKey = new Map<string, IndexedResource>()
  const entries = field(bundle, 'entry')
  if (entries !== undefined && !Array.isArray(entries)) {
    diagnostics.push({ code: 'invalid-bundle', severity: 'error', path: '/entry', message: `The Bundle's entry must be a list, but it is ${kindOf(entries)}.` })
    return { resources, byKey }
  }
  arrayField(bundle, 'entry').forEach((entry, position) => {
    const problem = entryProblem(entry, position)
    if (problem !== undefined) {
      diagnostics.push(problem)
      return
    }
    const resource = asObject(field(entry, 'resource'))!
    const type = stringField(resource, 'resourceType')!
    const fullUrl = stringField(entry, 'fullUrl')
    const id = stringField(resource, 'id') ?? fullUrl?.split(/[/:]/).pop() ?? `entry${position}`
    const indexed: IndexedResource = { entry: position, type, id, resource: resource as FhirResource }
    const key = `${type}/${id}`
    if (byKey.has(key)) {
      diagnostics.push({ code: 'duplicate-resource', severity: 'warning', path: `/entry/${position}`, message: `Entry ${position} repeats a ${type} already in the bundle; it is skipped.` })
      return
    }
    resources.push(indexed)
    byKey.set(key, indexed)
    if (fullUrl !== undefined && !byKey.has(fullUrl)) byKey.set(fullUrl, indexed)
  })
  return { resources, byKey }
}

/**
 * Resolve a reference (`Type/id`, a `fullUrl` such as `urn:uuid:…`, or an absolute URL
 * ending in `Type/id`). `contained` for a `#…` reference, `undefined` when nothing matches.
 * @internal
 */
export const resolveReference = (index: BundleIndex, reference: string): IndexedResource | 'contained' | undefined => {
  if (reference.startsWith('#')) return 'contained'
  const direct = index.byKey.get(reference)
  if (direct !== undefined) return direct
  const tail = absoluteTail.exec(reference)
  return tail === null ? undefined : index.byKey.get(`${tail[1]}/${tail[2]}`)
}
