import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { describeContext, errorSegments } from '../model/codec-words.js'
import type { Model } from '../model/codecs.js'
import { toPointer } from '../model/errors.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import { LoopOutcomePromise } from '../model/vocabulary.js'
import type { EvidenceError } from './errors.js'
import { didYouMean } from './suggest.js'

/**
 * The stages a feedback item passes through, in order: `raised` (a story, complaint or
 * comment is made), `received` (it reaches someone who can act), `themed` (made sense
 * of), `decided` (a decision or plan is made from it), `changed` (something is done),
 * `replied` (a reply goes back to the person who raised it), `seen` (the reply is read).
 * @category Evidence
 */
export const Stage = t.keyof({ raised: null, received: null, themed: null, decided: null, changed: null, replied: null, seen: null }, 'Stage')
/** @category Evidence */
export type Stage = t.TypeOf<typeof Stage>

/** Every stage, in order. @category Evidence */
export const stages: ReadonlyArray<Stage> = ['raised', 'received', 'themed', 'decided', 'changed', 'replied', 'seen']

/** Position of each stage in {@link stages}, for code that works on stage numbers. @internal */
export const stageIndex: Readonly<Record<Stage, number>> = Object.fromEntries(stages.map((stage, index) => [stage, index])) as Record<Stage, number>

/** The fields of an event that a log column can hold. @category Evidence */
export type EventField = 'case' | 'activity' | 'timestamp' | 'resource' | 'level' | 'channel' | 'outcome'

const activityList = t.readonlyArray(t.string, 'a list of activity names')
const positive = t.refinement(t.number, (n) => Number.isFinite(n) && n > 0, 'a number above 0')
const nonNegative = t.refinement(t.number, (n) => Number.isFinite(n) && n >= 0, 'a number, 0 or more')
const text = t.refinement(t.string, (s) => s.length > 0, 'non-empty text')

/**
 * How an event log speaks: which activities mean which {@link Stage}, which resources
 * are which model actors, which columns hold what. Decode untrusted input with
 * {@link decodeStageMapping}, which also refuses unknown fields and checks references.
 * @category Evidence
 */
export const StageMapping = t.readonly(
  t.intersection(
    [
      t.type({ stages: t.intersection([t.type({ raised: activityList }), t.partial(Object.fromEntries(stages.slice(1).map((stage) => [stage, activityList])))]) }),
      t.partial({
        ignore: activityList,
        actors: t.UnknownRecord,
        columns: t.partial({ case: text, activity: text, timestamp: text, resource: text, level: text, channel: text, outcome: text }),
        outcomes: t.UnknownRecord,
        sources: t.UnknownRecord,
        ocel: t.partial({ itemTypes: activityList, resourceTypes: activityList }),
        toleranceDays: nonNegative,
        resolutionDays: positive,
      }),
    ],
    'StageMapping',
  ),
)
/** @category Evidence */
export type StageMapping = t.TypeOf<typeof StageMapping>

/**
 * A decoded stage mapping, with its defaults filled in and its names in maps (so an
 * activity called `__proto__` is just a name).
 * @category Evidence
 */
export interface ResolvedMapping {
  readonly stageOf: ReadonlyMap<string, Stage>
  readonly ignored: ReadonlySet<string>
  /** Resource → model actor; a resource equal to a model actor id maps to that actor. */
  readonly actorOf: ReadonlyMap<string, ActorId>
  /** For each field, the column headings that may hold it (lower case). */
  readonly columns: ReadonlyMap<EventField, ReadonlyArray<string>>
  readonly outcomeOf: ReadonlyMap<string, LoopOutcomePromise>
  /** A raising activity → the model source asset its items are instances of. */
  readonly sourceOf: ReadonlyMap<string, AssetId>
  readonly itemTypes: ReadonlyArray<string>
  readonly resourceTypes: ReadonlyArray<string>
  /** How far back in time an event may arrive within an item and still count. */
  readonly toleranceDays: number
  /** Closure times are rounded up to this many days (1: "closed within n days"). */
  readonly resolutionDays: number
}

/** Default column headings: the plain names and the XES names PM4Py and bupaR export. */
const defaultColumns: ReadonlyArray<readonly [EventField, ReadonlyArray<string>]> = [
  ['case', ['case id', 'case', 'case_id', 'caseid', 'case:concept:name']],
  ['activity', ['activity', 'concept:name', 'event']],
  ['timestamp', ['timestamp', 'time:timestamp', 'time', 'date']],
  ['resource', ['resource', 'org:resource', 'actor']],
  ['level', ['level']],
  ['channel', ['channel']],
  ['outcome', ['outcome']],
]

const known: ReadonlyArray<readonly [ReadonlyArray<string>, ReadonlyArray<string>]> = [
  [[], ['stages', 'ignore', 'actors', 'columns', 'outcomes', 'sources', 'ocel', 'toleranceDays', 'resolutionDays']],
  [['stages'], stages],
  [['columns'], defaultColumns.map(([field]) => field)],
  [['ocel'], ['itemTypes', 'resourceTypes']],
]

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value)

const unknownFields = (input: unknown): EvidenceError[] => {
  const errors: EvidenceError[] = []
  for (const [path, fields] of known) {
    let value: unknown = input
    for (const segment of path) value = isRecord(value) ? value[segment] : undefined
    if (!isRecord(value)) continue
    for (const key of Object.keys(value)) {
      if (fields.includes(key)) continue
      const where = toPointer([...path, key])
      errors.push({ code: 'unknown-field', path: where, message: `The stage mapping has no field ${JSON.stringify(key)} at ${where}${didYouMean(key, fields)}.` })
    }
  }
  return errors
}

const describeValue = (value: unknown): string =>
  value === undefined ? 'missing' : value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'text' : String(value)

const entriesOf = (record: Readonly<Record<string, unknown>> | undefined): ReadonlyArray<readonly [string, unknown]> =>
  record === undefined ? [] : Object.entries(record)

/**
 * Check an untrusted stage mapping against its codec and the model, reporting every
 * problem in one pass: shape errors and unknown fields (with a "did you mean"), actors
 * and assets the model lacks, and activities mapped twice. O(size of the mapping).
 * @category Evidence
 */
export const decodeStageMapping = (input: unknown, model: Model): E.Either<ReadonlyArray<EvidenceError>, ResolvedMapping> => {
  const shape = StageMapping.decode(input)
  const errors: EvidenceError[] = unknownFields(input)
  if (E.isLeft(shape)) {
    const seen = new Set<string>()
    for (const error of shape.left) {
      const path = toPointer(errorSegments(error))
      if (seen.has(path) || error.context.length === 0) continue
      seen.add(path)
      errors.push({ code: 'invalid-mapping', path, message: `The stage mapping value at ${path === '' ? '(the mapping)' : path} must be ${describeContext(error.context)}, but it is ${describeValue(error.value)}.` })
    }
    return E.left(errors)
  }
  const mapping = shape.right
  const stageOf = new Map<string, Stage>()
  const place = new Map<string, string>()
  const claim = (activity: string, path: string, stage: Stage | undefined): void => {
    const earlier = place.get(activity)
    if (earlier !== undefined) {
      errors.push({ code: 'duplicate-activity', path, message: `Activity ${JSON.stringify(activity)} is mapped at ${earlier} already; an activity means one stage.` })
      return
    }
    place.set(activity, path)
    if (stage !== undefined) stageOf.set(activity, stage)
  }
  const stageLists = mapping.stages as Readonly<Partial<Record<Stage, ReadonlyArray<string>>>>
  for (const stage of stages) (stageLists[stage] ?? []).forEach((activity, index) => claim(activity, toPointer(['stages', stage, index]), stage))
  ;(mapping.ignore ?? []).forEach((activity, index) => claim(activity, toPointer(['ignore', index]), undefined))

  const actorIds = new Set<string>(model.actors.map((actor) => actor.id))
  const actorOf = new Map<string, ActorId>(model.actors.map((actor) => [actor.id, actor.id]))
  for (const [resource, actor] of entriesOf(mapping.actors)) {
    const path = toPointer(['actors', resource])
    if (typeof actor !== 'string') errors.push({ code: 'invalid-mapping', path, message: `The stage mapping value at ${path} must be an actor id, but it is not text.` })
    else if (!actorIds.has(actor)) errors.push({ code: 'unknown-reference', path, message: `The model has no actor ${JSON.stringify(actor)}${didYouMean(actor, actorIds)}.` })
    else actorOf.set(resource, actor as ActorId)
  }
  const assetIds = new Set<string>(model.assets.map((asset) => asset.id))
  const sourceOf = new Map<string, AssetId>()
  for (const [activity, asset] of entriesOf(mapping.sources)) {
    const path = toPointer(['sources', activity])
    if (stageOf.get(activity) !== 'raised') errors.push({ code: 'unknown-reference', path, message: `Sources are named for raising activities, and ${JSON.stringify(activity)} is not one${didYouMean(activity, stageLists.raised ?? [])}.` })
    if (typeof asset !== 'string') errors.push({ code: 'invalid-mapping', path, message: `The stage mapping value at ${path} must be an asset id, but it is not text.` })
    else if (!assetIds.has(asset)) errors.push({ code: 'unknown-reference', path, message: `The model has no asset ${JSON.stringify(asset)}${didYouMean(asset, assetIds)}.` })
    else sourceOf.set(activity, asset as AssetId)
  }
  const outcomeOf = new Map<string, LoopOutcomePromise>([['heard', 'heard'], ['decided', 'decided'], ['did', 'did']])
  for (const [cell, outcome] of entriesOf(mapping.outcomes)) {
    const path = toPointer(['outcomes', cell])
    if (LoopOutcomePromise.is(outcome)) outcomeOf.set(cell, outcome)
    else errors.push({ code: 'invalid-mapping', path, message: `The stage mapping value at ${path} must be one of 'heard', 'decided', 'did'.` })
  }
  if (errors.length > 0) return E.left(errors)
  const given = (mapping.columns ?? {}) as Readonly<Partial<Record<EventField, string>>>
  const columns = new Map(defaultColumns.map(([field, names]) => [field, given[field] === undefined ? names : [given[field]!.trim().toLowerCase()]] as const))
  return E.right({
    stageOf,
    ignored: new Set(mapping.ignore ?? []),
    actorOf,
    columns,
    outcomeOf,
    sourceOf,
    itemTypes: mapping.ocel?.itemTypes ?? ['feedback'],
    resourceTypes: mapping.ocel?.resourceTypes ?? ['resource', 'actor'],
    toleranceDays: mapping.toleranceDays ?? 1,
    resolutionDays: mapping.resolutionDays ?? 1,
  })
}
