import { type BundleIndex, type IndexedResource, resolveReference } from '../fhir/bundle-index.js'
import { referencesOf } from '../fhir/communications.js'
import { pseudonymiser, pseudonymKeyProblem } from '../fhir/pseudonym.js'
import { codesOf, field, stringField } from '../fhir/types.js'
import { type LogEvent, type LogProblem, type LogRecord, parseTimestamp } from './events.js'
import { findThreads } from './fhir-threads.js'

/** Options of {@link readFhirEvents}. @category Evidence */
export interface FhirEventOptions {
  /**
   * A secret key: thread ids and the resources of events become keyed HMAC-SHA-256
   * pseudonyms (`Patient/9f2c…`), the very ids `fromFhirBundle` gives the actors of a
   * model imported with the same key. Without it, `Type/id` references are kept.
   */
  readonly pseudonymKey?: string | Uint8Array
}

/** A bundle event before pseudonyms: the resource is a reference still. */
interface Draft {
  readonly entry: number
  readonly thread: string
  readonly activity: string
  readonly timestamp: string
  readonly reference: string | undefined
}

const notSent: ReadonlySet<string> = new Set(['preparation', 'not-done', 'entered-in-error'])
const notAnswered: ReadonlySet<string> = new Set(['in-progress', 'stopped', 'entered-in-error'])
const at = (entry: number, name: string): string => `/entry/${entry}/resource/${name}`

/** The first of these fields that holds a reference, e.g. the author, else the subject, else the source. */
const firstReference = (resource: IndexedResource, names: ReadonlyArray<string>): string | undefined => {
  for (const name of names) {
    const found = referencesOf(field(resource.resource, name))[0]
    if (found !== undefined) return found.reference
  }
  return undefined
}

/** The time of a resource from the first of these fields that is present, and the field. */
const timeOf = (resource: IndexedResource, names: ReadonlyArray<string>): { readonly timestamp: string } | { readonly missing: string } => {
  for (const name of names) {
    const value = name === 'meta.lastUpdated' ? stringField(field(resource.resource, 'meta'), 'lastUpdated') : stringField(resource.resource, name)
    if (value !== undefined && value.trim() !== '') return { timestamp: value }
  }
  return { missing: names[0]! }
}

/** Who an actor reference is, as `Type/id`: a Practitioner stands for its first PractitionerRole, as in the import. */
const actorKey = (index: BundleIndex, roles: ReadonlyMap<string, string>, reference: string): { readonly type: string; readonly id: string } | undefined => {
  const target = resolveReference(index, reference)
  if (target === 'contained') return undefined
  const tail = target === undefined ? /(?:^|\/)([A-Z][A-Za-z]+)\/([^/]+?)(?:\/_history\/[^/]+)?$/.exec(reference) : null
  const key = target !== undefined ? `${target.type}/${target.id}` : tail === null ? undefined : `${tail[1]}/${tail[2]}`
  if (key === undefined) return { type: 'Reference', id: reference }
  const role = roles.get(key) ?? key
  const slash = role.indexOf('/')
  return { type: role.slice(0, slash), id: role.slice(slash + 1) }
}

/**
 * Read a FHIR R4 Bundle as an event log for `measureLoops`: every thread of messages is
 * one feedback item. A `Communication` with no `inResponseTo` opens an item (activity
 * `Communication` at `sent`, by its `sender`; `Communication received` at `received`, by
 * its first `recipient`); a Communication in response to one of the thread is
 * `Communication reply` (and `Communication reply received`) when someone other than
 * whoever opened the thread sent it, `Communication follow-up` when they did. A
 * `QuestionnaireResponse` opens an item (`QuestionnaireResponse` at `authored`, by its
 * `author`, else `subject`, else `source`). A `Task` joins the thread of the first
 * Communication, QuestionnaireResponse or Task its `focus`, `basedOn` or `partOf` names
 * (or opens its own); each change of its `status` is `Task <status>` (`Task received`,
 * `Task accepted`, `Task completed`) and each change of its `businessStatus` code
 * `Task business status <code>`, by its `owner` (else `requester`), at `lastModified`
 * (else `meta.lastUpdated`): a history bundle holding a Task once per version gives its
 * whole status history. Statuses that mean nothing was sent (`not-done`,
 * `entered-in-error`…) become `Communication <status>` or `QuestionnaireResponse <status>`.
 * Name the stages of these activities in the stage mapping ({@link fhirStageMapping}
 * does), and the actors by reference (`"Organization/ward-7": "ward-manager"`).
 *
 * No free text is read: not `payload`, `note`, answers or any `text`; only codes,
 * references and times. Events come in time order (a bundle's order means nothing), with
 * the entry number as the row (the first entry is row 1). A reference in a thread to
 * nothing in the bundle is bad input `unknown-reference`, a chain of replies that loops
 * back on itself `reference-cycle`, each with the JSON Pointer of the reference that
 * breaks it (`/entry/3/resource/inResponseTo/0`); an entry with no resource is
 * `unreadable-row`, an event with no time `missing-field`. Nothing is thrown for any
 * input; a document that is not a Bundle, or an empty `pseudonymKey`, yields one
 * failure. Asynchronous for the Web Crypto HMAC. O(entries log entries).
 * @example
 * {@includeCode ../../examples/measure-fhir.ts#measure}
 * @category Evidence
 */
export const readFhirEvents = async (bundle: unknown, options: FhirEventOptions = {}): Promise<ReadonlyArray<LogRecord>> => {
  if (stringField(bundle, 'resourceType') !== 'Bundle') return [{ failure: { code: 'invalid-log', path: '', message: 'The input is not a FHIR Bundle (its resourceType must be "Bundle").' } }]
  const keyProblem = pseudonymKeyProblem(options.pseudonymKey)
  if (keyProblem !== undefined) return [{ failure: { code: 'invalid-option', path: keyProblem.path, message: keyProblem.message } }]
  const { index, entries, unreadable, rootOf } = findThreads(bundle)
  const problems: LogProblem[] = unreadable.map((entry) => ({ row: entry + 1, problem: 'unreadable-row', path: `/entry/${entry}` }))
  const drafts: Draft[] = []
  const roles = new Map<string, string>()
  for (const resource of index.resources) {
    if (resource.type !== 'PractitionerRole') continue
    const practitioner = referencesOf(field(resource.resource, 'practitioner'))[0]
    const target = practitioner === undefined ? undefined : resolveReference(index, practitioner.reference)
    if (target !== undefined && target !== 'contained' && target.type === 'Practitioner' && !roles.has(`Practitioner/${target.id}`)) roles.set(`Practitioner/${target.id}`, `PractitionerRole/${resource.id}`)
  }
  const senderOf = (resource: IndexedResource | undefined): string | undefined => {
    const reference = resource === undefined ? undefined : firstReference(resource, ['sender'])
    const key = reference === undefined ? undefined : actorKey(index, roles, reference)
    return key === undefined ? undefined : `${key.type}/${key.id}`
  }
  const add = (resource: IndexedResource, thread: string, activity: string, names: ReadonlyArray<string>, reference: string | undefined): void => {
    const time = timeOf(resource, names)
    if ('missing' in time) problems.push({ row: resource.entry + 1, problem: 'missing-field', path: at(resource.entry, time.missing) })
    else drafts.push({ entry: resource.entry, thread, activity, timestamp: time.timestamp, reference })
  }
  const versions = new Map<string, IndexedResource[]>()
  for (const resource of entries) {
    const key = `${resource.type}/${resource.id}`
    const thread = rootOf.get(key)!
    if (typeof thread !== 'string') {
      problems.push({ row: resource.entry + 1, problem: thread.problem, path: thread.path })
      continue
    }
    const status = stringField(resource.resource, 'status') ?? ''
    if (resource.type === 'Task') {
      const list = versions.get(key)
      if (list === undefined) versions.set(key, [resource])
      else list.push(resource)
    } else if (resource.type === 'QuestionnaireResponse') {
      add(resource, thread, notAnswered.has(status) ? `QuestionnaireResponse ${status}` : 'QuestionnaireResponse', ['authored', 'meta.lastUpdated'], firstReference(resource, ['author', 'subject', 'source']))
    } else if (notSent.has(status)) {
      add(resource, thread, `Communication ${status}`, ['sent', 'received', 'meta.lastUpdated'], firstReference(resource, ['sender']))
    } else {
      const sender = senderOf(resource)
      const opener = senderOf(index.byKey.get(thread))
      const kind = thread === key ? 'Communication' : sender !== undefined && sender === opener ? 'Communication follow-up' : 'Communication reply'
      add(resource, thread, kind, ['sent', 'received', 'meta.lastUpdated'], firstReference(resource, ['sender']))
      if (stringField(resource.resource, 'sent') !== undefined && stringField(resource.resource, 'received') !== undefined) {
        add(resource, thread, `${kind} received`, ['received'], firstReference(resource, ['recipient']))
      }
    }
  }
  const timeless = new Set<number>()
  for (const [key, list] of versions) {
    for (const draft of taskHistory(list, rootOf.get(key) as string)) {
      if (draft.timestamp !== '') drafts.push(draft)
      else if (!timeless.has(draft.entry)) {
        timeless.add(draft.entry)
        problems.push({ row: draft.entry + 1, problem: 'missing-field', path: at(draft.entry, 'lastModified') })
      }
    }
  }
  const pseudonymise = await pseudonymiser(options.pseudonymKey)
  const timed = drafts.map((draft) => ({ draft, time: parseTimestamp(draft.timestamp) ?? -Infinity }))
  timed.sort((a, b) => a.time - b.time || a.draft.entry - b.draft.entry)
  const records: LogRecord[] = [...problems.sort((a, b) => a.row - b.row)]
  for (const { draft } of timed) {
    const slash = draft.thread.indexOf('/')
    const item = await pseudonymise(draft.thread.slice(0, slash), draft.thread.slice(slash + 1))
    const actor = draft.reference === undefined ? undefined : actorKey(index, roles, draft.reference)
    const event: LogEvent = { row: draft.entry + 1, item, activity: draft.activity, timestamp: draft.timestamp }
    records.push(actor === undefined ? event : { ...event, resource: await pseudonymise(actor.type, actor.id) })
  }
  return records
}

/**
 * The status history of one Task from its versions: in time order (the `lastModified`,
 * else `meta.lastUpdated`, of each), an event for each status and business status that
 * differs from the version before. A version with no time gives drafts with an empty
 * timestamp, which the caller reports.
 */
const taskHistory = (versions: ReadonlyArray<IndexedResource>, thread: string): Draft[] => {
  const timed = versions.map((resource) => {
    const time = timeOf(resource, ['lastModified', 'meta.lastUpdated', 'authoredOn'])
    return { resource, timestamp: 'timestamp' in time ? time.timestamp : undefined }
  })
  timed.sort((a, b) => (parseTimestamp(a.timestamp ?? '') ?? Infinity) - (parseTimestamp(b.timestamp ?? '') ?? Infinity) || a.resource.entry - b.resource.entry)
  const drafts: Draft[] = []
  let status: string | undefined
  let business: string | undefined
  for (const { resource, timestamp } of timed) {
    const reference = firstReference(resource, ['owner', 'requester'])
    const nowStatus = stringField(resource.resource, 'status')
    const nowBusiness = codesOf(field(resource.resource, 'businessStatus'))[0]?.code
    const base = { entry: resource.entry, thread, timestamp: timestamp ?? '', reference }
    if (nowStatus !== undefined && nowStatus !== status) drafts.push({ ...base, activity: `Task ${nowStatus}` })
    if (nowBusiness !== undefined && nowBusiness !== business) drafts.push({ ...base, activity: `Task business status ${nowBusiness}` })
    status = nowStatus ?? status
    business = nowBusiness ?? business
  }
  return drafts
}
