import { arrayField, asObject, stringField, type FhirResource } from './types.js'
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

/** Index the entries of a bundle; entries without a resource type become diagnostics. @internal */
export const indexBundle = (bundle: unknown, diagnostics: FhirDiagnostic[]): BundleIndex => {
  const resources: IndexedResource[] = []
  const byKey = new Map<string, IndexedResource>()
  arrayField(bundle, 'entry').forEach((entry, position) => {
    const resource = asObject(asObject(entry)?.['resource'])
    const type = stringField(resource, 'resourceType')
    if (resource === undefined || type === undefined || !/^[A-Z][A-Za-z]+$/.test(type)) {
      diagnostics.push({ code: 'invalid-resource', severity: 'warning', path: `/entry/${position}`, message: `Entry ${position} has no resource with a resourceType; it is skipped.` })
      return
    }
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
