import type { Model } from '../model/codecs.js'
import { decodeModel } from '../model/decode.js'
import type { ModelError } from '../model/errors.js'
import { levels, type Level } from '../model/vocabulary.js'
import { actorBuilder, actorTypes, type ImportedActor } from './actors.js'
import { indexBundle, resolveReference, type BundleIndex } from './bundle-index.js'
import { channelStatusOf, isResponse, latencyOf, referencesOf } from './communications.js'
import type { FhirDiagnostic } from './diagnostics.js'
import type { FhirImportOptions } from './options.js'
import { pseudonymiser, pseudonymKeyProblem } from './pseudonym.js'
import { field, stringField } from './types.js'

/**
 * The result of a FHIR import: the model, when one could be built and validated, and
 * everything noticed on the way. `model` is absent exactly when a diagnostic has
 * severity `error`.
 * @category FHIR
 */
export interface FhirImport {
  readonly model?: Model
  readonly diagnostics: ReadonlyArray<FhirDiagnostic>
}

const readTypes: ReadonlySet<string> = new Set([...actorTypes, 'Practitioner', 'Communication', 'QuestionnaireResponse'])

/** Find the actor a reference points at, reporting why when there is none. */
const actorResolver = (index: BundleIndex, actors: ReadonlyMap<string, ImportedActor>, diagnostics: FhirDiagnostic[]) =>
  (reference: string, path: string): ImportedActor | undefined => {
    const target = resolveReference(index, reference)
    if (target === 'contained') {
      diagnostics.push({ code: 'unsupported-reference', severity: 'warning', path, message: `The contained reference at ${path} is not supported; it is skipped.` })
      return undefined
    }
    const actor = target === undefined ? undefined : actors.get(`${target.type}/${target.id}`)
    if (actor === undefined) {
      const what = target === undefined ? 'nothing in the bundle' : `a resource of type ${target.type}, which is not an actor`
      diagnostics.push({ code: 'unresolved-reference', severity: 'warning', path, message: `The reference at ${path} points to ${what}; it is skipped.` })
    }
    return actor
  }

/**
 * A model error as a diagnostic that quotes no id: the model's messages quote ids, and
 * here an id is a resource id (an NHS number can be a Patient id) or its pseudonym. The
 * path into the model is kept, and the bundle entry it came from is named.
 */
const modelProblem = (error: ModelError, entries: Readonly<Record<'actors' | 'assets' | 'channels', ReadonlyArray<number>>>): FhirDiagnostic => {
  const match = /^\/(actors|assets|channels)\/(\d+)(?:\/|$)/.exec(error.path)
  const entry = match === null ? undefined : entries[match[1] as 'actors' | 'assets' | 'channels'][Number(match[2])]
  const source = entry === undefined ? '' : `, from the resource at /entry/${entry}/resource`
  return { code: error.code, severity: 'error', path: error.path, message: `The model built from the bundle is not valid at ${error.path || '(document)'}${source}; the model's own message is left out, as it quotes ids.` }
}

/**
 * The level of a channel between two imported actors: the lowest level both take part
 * in or, when they share none (a service writing to its commissioner), the higher of
 * the levels either takes part in. Read from the levels each actor was imported with,
 * so the result does not depend on the order of the bundle. @internal
 */
const channelLevel = (from: ImportedActor, to: ImportedActor): Level =>
  levels.find((level) => from.levels.includes(level) && to.levels.includes(level)) ??
  levels.filter((level) => from.levels.includes(level) || to.levels.includes(level)).at(-1) ??
  'delivery'

/**
 * Build a model from a FHIR R4 (UK Core) Bundle. Organization, HealthcareService,
 * PractitionerRole, CareTeam, Patient and RelatedPerson become actors (kinds from
 * {@link FhirImportOptions} code maps; Patient → patient, RelatedPerson → carer,
 * CareTeam → clinician); a reference to a Practitioner stands for that practitioner's
 * first PractitionerRole. Each Communication becomes one channel per recipient
 * (`sender` → `recipient`, status and `sent`→`received` latency carried over) carrying
 * one asset held by the sender: a `response` when the Communication has
 * `inResponseTo`, otherwise `experience` from a lay sender or `evidence` from a
 * professional one. Each QuestionnaireResponse becomes an `experience` asset held by
 * its author, or else its subject or source.
 *
 * Levels: an actor takes part in the level of its kind (commissioner and board →
 * `planning`, regulator → `strategy`, every other kind → `delivery`). A channel works
 * at the lowest level its two actors share or, when they share none (a service writing
 * to its commissioner), at the higher of their levels, which is then added to the
 * actor that lacks it: the service also takes part in `planning`. So no imported
 * channel is at a level one of its actors does not take part in (`level-mismatch`).
 *
 * Personal data stays out: no name, telecom, address, birth date, identifier or free
 * text of any resource is copied (see the naming rules in `actorBuilder`); with
 * `pseudonymKey` resource ids are replaced by keyed HMAC-SHA-256 pseudonyms, which is
 * why the function is asynchronous (Web Crypto). A `pseudonymKey` that is empty (or
 * not a string or `Uint8Array`) is an `invalid-option` error at `/pseudonymKey`: the
 * result has no model, rather than one with real ids. An `entry` that is not a list is
 * an `invalid-bundle` error at `/entry`. Unresolvable references and malformed entries
 * become diagnostics; nothing is thrown for any input.
 * O(entries) time plus one HMAC per id.
 * @category FHIR
 */
export const fromFhirBundle = async (bundle: unknown, options: FhirImportOptions = {}): Promise<FhirImport> => {
  const keyProblem = pseudonymKeyProblem(options.pseudonymKey)
  const diagnostics: FhirDiagnostic[] = keyProblem === undefined ? [] : [keyProblem]
  if (stringField(bundle, 'resourceType') !== 'Bundle') {
    return { diagnostics: [...diagnostics, { code: 'invalid-bundle', severity: 'error', path: '', message: 'The input is not a FHIR Bundle.' }] }
  }
  const index = indexBundle(bundle, diagnostics)
  // Stop before any id is read: a bad key must not fall back to real ids.
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { diagnostics }
  const pseudonymise = await pseudonymiser(options.pseudonymKey)
  const buildActor = actorBuilder(options)
  const actors = new Map<string, ImportedActor>()
  const ignored = new Map<string, number>()
  for (const resource of index.resources) {
    if (actorTypes.has(resource.type)) {
      const actor = buildActor(resource, await pseudonymise(resource.type, resource.id))
      actors.set(actor.key, actor)
    } else if (!readTypes.has(resource.type)) ignored.set(resource.type, (ignored.get(resource.type) ?? 0) + 1)
  }
  for (const [type, count] of ignored) {
    diagnostics.push({ code: 'ignored-resources', severity: 'info', path: '/entry', message: `${count} ${type} resource(s) are not read.` })
  }
  // A Practitioner stands for the actor of its first PractitionerRole.
  for (const resource of index.resources) {
    if (resource.type !== 'PractitionerRole') continue
    const practitioner = referencesOf(field(resource.resource, 'practitioner'))[0]
    const target = practitioner === undefined ? undefined : resolveReference(index, practitioner.reference)
    if (target !== undefined && target !== 'contained' && target.type === 'Practitioner' && !actors.has(`Practitioner/${target.id}`)) {
      actors.set(`Practitioner/${target.id}`, actors.get(`PractitionerRole/${resource.id}`)!)
    }
  }
  const actorAt = actorResolver(index, actors, diagnostics)
  // Levels an actor takes part in through its channels, beyond those of its kind.
  const joined = new Map<ImportedActor, Set<Level>>()
  const join = (actor: ImportedActor, level: Level): void => {
    if (actor.levels.includes(level)) return
    const extra = joined.get(actor) ?? new Set<Level>()
    joined.set(actor, extra.add(level))
  }
  const assets: object[] = []
  const channels: object[] = []
  // The bundle entry each asset and channel comes from, to point model errors at it.
  const assetEntries: number[] = []
  const channelEntries: number[] = []
  let messages = 0
  let responses = 0
  let questionnaires = 0

  for (const resource of index.resources) {
    const base = `/entry/${resource.entry}/resource`
    if (resource.type === 'Communication') {
      const id = await pseudonymise('Communication', resource.id)
      const sender = referencesOf(field(resource.resource, 'sender'))[0]
      const recipients = referencesOf(field(resource.resource, 'recipient'))
      if (sender === undefined || recipients.length === 0) {
        diagnostics.push({ code: 'missing-reference', severity: 'warning', path: base, message: `The Communication at ${base} has no sender or no recipient; it is skipped.` })
        continue
      }
      const response = isResponse(resource)
      for (const answered of referencesOf(field(resource.resource, 'inResponseTo'))) {
        const target = resolveReference(index, answered.reference)
        if (target === undefined || target === 'contained' || target.type !== 'Communication') {
          const path = `${base}/inResponseTo${answered.position === undefined ? '' : `/${answered.position}`}`
          diagnostics.push({ code: 'unresolved-reference', severity: 'warning', path, message: `The inResponseTo at ${path} names no Communication in the bundle; the reply is kept.` })
        }
      }
      const from = actorAt(sender.reference, `${base}/sender`)
      if (from === undefined) continue
      const lay = from.kind === 'patient' || from.kind === 'carer'
      assetEntries.push(resource.entry)
      assets.push({
        id,
        name: response ? `Response ${++responses}` : `Message ${++messages}`,
        kind: response ? 'response' : lay ? 'experience' : 'evidence',
        holder: from.id,
      })
      const latencyDays = latencyOf(resource)
      recipients.forEach((recipient, position) => {
        const to = actorAt(recipient.reference, `${base}/recipient/${recipient.position ?? position}`)
        if (to === undefined) return
        const level = channelLevel(from, to)
        join(from, level)
        join(to, level)
        channelEntries.push(resource.entry)
        channels.push({
          id: recipients.length === 1 ? id : `${id}#${position + 1}`,
          from: from.id,
          to: to.id,
          carries: [id],
          level,
          status: channelStatusOf(resource),
          ...(latencyDays === undefined ? {} : { latencyDays }),
        })
      })
    } else if (resource.type === 'QuestionnaireResponse') {
      const candidates = (['author', 'subject', 'source'] as const).flatMap((name) =>
        referencesOf(field(resource.resource, name)).map((reference) => ({ ...reference, name })),
      )
      const holder = candidates
        .map((candidate) => resolveReference(index, candidate.reference))
        .map((target) => (target === undefined || target === 'contained' ? undefined : actors.get(`${target.type}/${target.id}`)))
        .find((actor) => actor !== undefined)
      if (holder === undefined) {
        diagnostics.push({ code: candidates.length === 0 ? 'missing-reference' : 'unresolved-reference', severity: 'warning', path: base, message: `The QuestionnaireResponse at ${base} has no author, subject or source that is an actor; it is skipped.` })
        continue
      }
      assetEntries.push(resource.entry)
      assets.push({ id: await pseudonymise('QuestionnaireResponse', resource.id), name: `Questionnaire response ${++questionnaires}`, kind: 'experience', holder: holder.id })
    }
  }

  const importedActors = [...new Set(actors.values())]
  const uniqueActors = importedActors.map((imported) => {
    const { key: _key, entry: _entry, ...actor } = imported
    const extra = joined.get(imported)
    return extra === undefined ? actor : { ...actor, levels: levels.filter((level) => actor.levels.includes(level) || extra.has(level)) }
  })
  const decoded = decodeModel({
    schema: 'orgintel/v2',
    id: options.id ?? 'fhir-import',
    name: options.name ?? 'Imported from FHIR',
    actors: uniqueActors,
    assets,
    channels,
    loops: [],
  })
  if (decoded._tag === 'Left') {
    const entries = { actors: importedActors.map((actor) => actor.entry), assets: assetEntries, channels: channelEntries }
    for (const error of decoded.left) diagnostics.push(modelProblem(error, entries))
    return { diagnostics }
  }
  return { model: decoded.right, diagnostics }
}
