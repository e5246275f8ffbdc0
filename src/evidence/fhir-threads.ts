import { type BundleIndex, type IndexedResource, resolveReference } from '../fhir/bundle-index.js'
import { referencesOf } from '../fhir/communications.js'
import { arrayField, asObject, field, stringField, type FhirResource } from '../fhir/types.js'

/** The resource types a FHIR event log is read from. @internal */
export const eventTypes: ReadonlySet<string> = new Set(['Communication', 'QuestionnaireResponse', 'Task'])

/** Why an entry's thread cannot be found: its own reference, or one up its chain, is broken. @internal */
export interface ThreadProblem {
  readonly problem: 'unknown-reference' | 'reference-cycle'
  /** The JSON Pointer of the reference that breaks the thread, e.g. `/entry/3/resource/inResponseTo/0`. */
  readonly path: string
}

/** The thread (feedback item) of every Communication, QuestionnaireResponse and Task, by `Type/id`. @internal */
export interface Threads {
  readonly index: BundleIndex
  /** Every entry of an event type, in bundle order (versions of one resource included). */
  readonly entries: ReadonlyArray<IndexedResource>
  /** Positions of the entries that cannot be read (no object, no resource, no `resourceType`). */
  readonly unreadable: ReadonlyArray<number>
  /** `Type/id` → the `Type/id` of its thread's first resource, or why there is none. */
  readonly rootOf: ReadonlyMap<string, string | ThreadProblem>
}

const keyOf = (resource: IndexedResource): string => `${resource.type}/${resource.id}`

/** The type a reference names: the resource it resolves to, else the `Type/id` it ends in. */
const typeNamed = (index: BundleIndex, reference: string): string | undefined => {
  const target = resolveReference(index, reference)
  if (target !== undefined && target !== 'contained') return target.type
  return /(?:^|\/)([A-Z][A-Za-z]+)\/[^/]+(?:\/_history\/[^/]+)?$/.exec(reference)?.[1]
}

/**
 * The reference that makes a resource part of another's thread: a Communication's first
 * `inResponseTo`; a Task's first `focus`, `basedOn` or `partOf` that names a
 * Communication, QuestionnaireResponse or Task. `undefined`: it opens a thread.
 */
const parentReference = (index: BundleIndex, resource: IndexedResource): { readonly reference: string; readonly path: string } | undefined => {
  const base = `/entry/${resource.entry}/resource`
  if (resource.type === 'Communication') {
    const first = referencesOf(field(resource.resource, 'inResponseTo'))[0]
    return first === undefined ? undefined : { reference: first.reference, path: `${base}/inResponseTo${first.position === undefined ? '' : `/${first.position}`}` }
  }
  if (resource.type !== 'Task') return undefined
  for (const name of ['focus', 'basedOn', 'partOf']) {
    for (const { reference, position } of referencesOf(field(resource.resource, name))) {
      const type = typeNamed(index, reference)
      if (type !== undefined && eventTypes.has(type)) return { reference, path: `${base}/${name}${position === undefined ? '' : `/${position}`}` }
    }
  }
  return undefined
}

/**
 * Index a bundle's entries for reading events: unlike the model import, every version of
 * a resource is kept (a history bundle holds a Task once per status it passed through),
 * and a reference resolves to the first. Entries that are not objects with a resource
 * and a `resourceType` are listed as unreadable, except deletions. O(entries).
 */
const indexEntries = (bundle: unknown): { readonly index: BundleIndex; readonly entries: IndexedResource[]; readonly unreadable: number[] } => {
  const resources: IndexedResource[] = []
  const byKey = new Map<string, IndexedResource>()
  const unreadable: number[] = []
  arrayField(bundle, 'entry').forEach((entry, position) => {
    const resource = asObject(field(entry, 'resource'))
    const type = stringField(resource, 'resourceType')
    // A history bundle records a deletion as an entry with a request and no resource: not an event.
    if (resource === undefined && stringField(field(entry, 'request'), 'method') === 'DELETE') return
    if (resource === undefined || type === undefined || !/^[A-Z][A-Za-z]+$/.test(type)) {
      unreadable.push(position)
      return
    }
    const fullUrl = stringField(entry, 'fullUrl')
    const id = stringField(resource, 'id') ?? fullUrl?.split(/[/:]/).pop() ?? `entry${position}`
    const indexed: IndexedResource = { entry: position, type, id, resource: resource as FhirResource }
    resources.push(indexed)
    if (!byKey.has(`${type}/${id}`)) byKey.set(`${type}/${id}`, indexed)
    if (fullUrl !== undefined && !byKey.has(fullUrl)) byKey.set(fullUrl, indexed)
  })
  return { index: { resources, byKey }, entries: resources.filter((resource) => eventTypes.has(resource.type)), unreadable }
}

/**
 * Find the thread of every event resource of a bundle: a Communication with no
 * `inResponseTo`, a QuestionnaireResponse, or a Task linked to no other event resource
 * opens a thread; the rest join the thread of what they answer or act on. Iterative
 * (a chain of any length, no recursion); a reference to nothing in the bundle, or to a
 * resource of another type, breaks the thread of everything below it
 * (`unknown-reference`), and so does a chain that loops back on itself
 * (`reference-cycle`): each resource is visited once. O(entries).
 * @internal
 */
export const findThreads = (bundle: unknown): Threads => {
  const { index, entries, unreadable } = indexEntries(bundle)
  // The first entry of a resource says what it answers; later versions follow it.
  const parents = new Map<string, { readonly key: string | undefined; readonly path: string } | undefined>()
  for (const resource of entries) {
    const key = keyOf(resource)
    if (parents.has(key)) continue
    const parent = parentReference(index, resource)
    if (parent === undefined) parents.set(key, undefined)
    else {
      const target = resolveReference(index, parent.reference)
      const joins = target !== undefined && target !== 'contained' && eventTypes.has(target.type) && (resource.type === 'Task' || target.type === 'Communication')
      parents.set(key, { key: joins ? keyOf(target) : undefined, path: parent.path })
    }
  }
  const rootOf = new Map<string, string | ThreadProblem>()
  for (const start of parents.keys()) {
    if (rootOf.has(start)) continue
    const chain: string[] = []
    const onChain = new Set<string>()
    let current = start
    let outcome: string | ThreadProblem
    for (;;) {
      const known = rootOf.get(current)
      if (known !== undefined) {
        outcome = known
        break
      }
      const parent = parents.get(current)
      if (onChain.has(current)) {
        // The reference that led back into the chain closes the cycle.
        outcome = { problem: 'reference-cycle', path: parents.get(chain[chain.length - 1]!)!.path }
        break
      }
      chain.push(current)
      onChain.add(current)
      if (parent === undefined) {
        outcome = current
        break
      }
      if (parent.key === undefined) {
        outcome = { problem: 'unknown-reference', path: parent.path }
        break
      }
      current = parent.key
    }
    for (const key of chain) rootOf.set(key, outcome)
  }
  return { index, entries, unreadable, rootOf }
}
