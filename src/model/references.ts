import type { Model } from './codecs.js'
import { type ModelError, maxReportedErrors, quoteId, toPointer } from './errors.js'
import type { ActorId, AssetId } from './primitives.js'
import { provenanceCycleErrors } from './provenance.js'
import { isWordShaped } from './shape-errors.js'
import { closestNameFinder } from './suggest.js'

type Collection = 'actors' | 'assets' | 'channels' | 'loops'

/**
 * What the reference check reads of an asset: each reference that decoded. A list keeps
 * its items in place, `undefined` where one has a shape error (reported by the codecs).
 * @internal
 */
export interface AssetReferences {
  readonly holder?: ActorId
  readonly derivedFrom?: ReadonlyArray<AssetId | undefined>
}

/** What the reference check reads of a channel (see {@link AssetReferences}). @internal */
export interface ChannelReferences {
  readonly from?: ActorId
  readonly to?: ActorId
  readonly carries?: ReadonlyArray<AssetId | undefined>
}

/** What the reference check reads of a declared loop (see {@link AssetReferences}). @internal */
export interface LoopReferences {
  readonly through?: ReadonlyArray<ActorId | undefined>
  readonly source?: AssetId
}

/**
 * One collection as far as it decoded: `items[i]` holds the references of the item that
 * decoded (a whole item, or for an item with a shape error the references in it that
 * are right), or `undefined` where the item is not an object at all; `idAt(i)` is the
 * id the item was written with (also for an item that did not decode, so that
 * references to it are not reported as unknown), or `undefined` when it has none.
 * Messages quote the ids and references of an item with a shape error only when they
 * are shaped like ids (see `isWordShaped`).
 * @internal
 */
export interface DecodedCollection<T> {
  readonly items: ReadonlyArray<T | undefined>
  readonly idAt: (index: number) => string | undefined
  /** Whether the item has a shape error (absent: none has). Its values may then be text out of place, such as a name in the wrong cell of a spreadsheet row. */
  readonly hasShapeError?: (index: number) => boolean
}

/**
 * The parts of a document that decoded, for the reference check. A collection that is
 * absent was not a list at all: references into it cannot be checked.
 * @internal
 */
export interface DecodedParts {
  readonly actors?: DecodedCollection<unknown>
  readonly assets?: DecodedCollection<AssetReferences>
  readonly channels?: DecodedCollection<ChannelReferences>
  readonly loops?: DecodedCollection<LoopReferences>
}

const wholeCollection = <T extends { readonly id: string }>(items: ReadonlyArray<T>): DecodedCollection<T> => ({
  items,
  idAt: (index) => items[index]!.id,
})

/** A model that decoded whole, as parts. @internal */
export const partsOfModel = (model: Model): DecodedParts => ({
  actors: wholeCollection(model.actors),
  assets: wholeCollection(model.assets),
  channels: wholeCollection(model.channels),
  loops: wholeCollection(model.loops),
})

const singular: Readonly<Record<Collection, string>> = {
  actors: 'actor',
  assets: 'asset',
  channels: 'channel',
  loops: 'declared loop',
}

/** An unknown reference; `id` is `undefined` when it may be text out of place, not to be quoted. */
const unknown = (path: ReadonlyArray<string | number>, subject: string, kind: string, id: string | undefined, suggestion: string): ModelError => ({
  code: 'unknown-reference',
  path: toPointer(path),
  message:
    id === undefined
      ? `${subject} refers to a ${kind} that is not in the model (not quoted: the item has other faults, so this may be text out of place).${suggestion}`
      : `${subject} refers to ${kind} ${quoteId(id)}, which is not in the model.${suggestion}`,
})

/** Index a collection by id (first position of each), reporting every repeated id. */
const indexIds = (
  collection: Collection,
  parts: DecodedCollection<unknown> | undefined,
  errors: ModelError[],
): ReadonlyMap<string, number> | undefined => {
  if (parts === undefined) return undefined
  const index = new Map<string, number>()
  for (let position = 0; position < parts.items.length; position++) {
    const id = parts.idAt(position)
    if (id === undefined) continue
    const first = index.get(id)
    if (first === undefined) {
      index.set(id, position)
      continue
    }
    errors.push({
      code: 'duplicate-id',
      path: toPointer([collection, position, 'id']),
      message: `The ${singular[collection]} id ${quoteId(id)} is used more than once (first at ${toPointer([collection, first])}).`,
    })
  }
  return index
}

/**
 * How many ids of one kind the "did you mean" of one decode compares in all: enough for
 * every listed error of a model of five thousand ids, and for a few of a model of a
 * million, whose document has bigger faults than typing mistakes if it has thousands.
 */
const suggestionComparisons = 5_000_000

/**
 * " Did you mean 'x'?" after an id that names nothing: the closest id of the kind the
 * reference must name (see {@link closestNameFinder}), from a finder prepared on the
 * first miss, O(ids) once, and remembered for each missing id, so a renamed actor named
 * by a thousand channels is looked up once. At most {@link maxReportedErrors} ids are
 * looked up, as no more errors are listed, comparing at most `suggestionComparisons`
 * ids in all. Only ids that may be quoted are suggested.
 */
const suggestionsFor = (index: ReadonlyMap<string, number>, parts: DecodedCollection<unknown>): ((id: string) => string) => {
  let find: ((name: string) => string | undefined) | undefined
  const said = new Map<string, string>()
  return (id) => {
    let suggestion = said.get(id)
    if (suggestion !== undefined) return suggestion
    if (said.size >= maxReportedErrors) return ''
    find ??= closestNameFinder(quotableIds(index, parts), suggestionComparisons)
    const closest = find(id)
    suggestion = closest === undefined ? '' : ` Did you mean ${quoteId(closest)}?`
    said.set(id, suggestion)
    return suggestion
  }
}

/** Whether a value of an item may be quoted: any in an item without shape errors, an id-shaped one in another. */
const isQuotable = (parts: DecodedCollection<unknown>, position: number, value: string): boolean =>
  parts.hasShapeError?.(position) !== true || isWordShaped(value)

/** The ids of a collection that a message may quote, in document order. */
function* quotableIds(index: ReadonlyMap<string, number>, parts: DecodedCollection<unknown>): Iterable<string> {
  for (const [id, position] of index) if (isQuotable(parts, position, id)) yield id
}

/** "Channel 'c4'", or "Channel at /channels/3" for an item without an id that may be quoted. */
const subjectAt = (collection: Collection, parts: DecodedCollection<unknown>, position: number): string => {
  const label = singular[collection][0]!.toUpperCase() + singular[collection].slice(1)
  const id = parts.idAt(position)
  return id === undefined || !isQuotable(parts, position, id) ? `${label} at ${toPointer([collection, position])}` : `${label} ${quoteId(id)}`
}

/** Call `visit` with each decoded item, its position and a function naming it (called only for a fault). */
const eachDecoded = <T>(
  collection: Collection,
  parts: DecodedCollection<T> | undefined,
  visit: (item: T, position: number, subject: () => string) => void,
): void => {
  if (parts === undefined) return
  parts.items.forEach((item, position) => {
    if (item !== undefined) visit(item, position, () => subjectAt(collection, parts, position))
  })
}

/**
 * Whether a declared loop's actors make a round trip: at least two, ending with the
 * first. A first or last actor with a shape error (`undefined`) is reported as such,
 * not as an open loop.
 */
const isClosed = (through: ReadonlyArray<ActorId | undefined>): boolean => {
  const first = through[0]
  const last = through[through.length - 1]
  return through.length >= 2 && (first === undefined || last === undefined || first === last)
}

/**
 * The second step of decoding: check that ids are unique within each collection, that
 * every reference resolves (asset holders, provenance, channel ends and carried assets,
 * declared loop actors and sources), that provenance has no circle and that declared
 * loops are closed. Runs on every part that decoded, down to the references of an item
 * whose other fields have shape errors, so a document with a shape error still has
 * every reference checked in the same pass. A reference to an id that names nothing
 * says which id of the right kind is closest ("did you mean"), when one is close.
 * Returns every error found, in document order of the checks. O(size of the document);
 * the suggestions add O(ids of a kind) once for each kind with a missing id, and a
 * bounded number of comparisons in all.
 * @internal
 */
export const referenceErrors = (parts: DecodedParts): ReadonlyArray<ModelError> => {
  const errors: ModelError[] = []
  const actors = indexIds('actors', parts.actors, errors)
  const assets = indexIds('assets', parts.assets, errors)
  indexIds('channels', parts.channels, errors)
  indexIds('loops', parts.loops, errors)
  const actorSuggestion = actors === undefined ? undefined : suggestionsFor(actors, parts.actors!)
  const assetSuggestion = assets === undefined ? undefined : suggestionsFor(assets, parts.assets!)
  const isUnknownActor = (id: ActorId | undefined): id is ActorId => id !== undefined && actors !== undefined && !actors.has(id)
  const isUnknownAsset = (id: AssetId | undefined): id is AssetId => id !== undefined && assets !== undefined && !assets.has(id)
  // Paths and messages are built only for faults: this runs a million times on a big model.
  /** Report `id`, named by the item at `path` (its collection and position first), quoted only if it may be. */
  const report = (suggest: (id: string) => string, path: readonly [Collection, number, ...Array<string | number>], subject: string, kind: string, id: string): void => {
    const [collection, position] = path
    const quotable = isQuotable(parts[collection]!, position, id)
    errors.push(unknown(path, subject, kind, quotable ? id : undefined, suggest(id)))
  }
  const unknownActor = (path: readonly [Collection, number, ...Array<string | number>], subject: string, kind: string, id: ActorId): void =>
    report(actorSuggestion!, path, subject, kind, id)
  const unknownAsset = (path: readonly [Collection, number, ...Array<string | number>], subject: string, kind: string, id: AssetId): void =>
    report(assetSuggestion!, path, subject, kind, id)

  eachDecoded('assets', parts.assets, (asset, i, subject) => {
    if (isUnknownActor(asset.holder)) unknownActor(['assets', i, 'holder'], subject(), 'holder actor', asset.holder)
    asset.derivedFrom?.forEach((source, j) => {
      if (isUnknownAsset(source)) unknownAsset(['assets', i, 'derivedFrom', j], subject(), 'asset', source)
    })
  })
  if (parts.assets !== undefined && assets !== undefined) errors.push(...provenanceCycleErrors(parts.assets, assets))
  eachDecoded('channels', parts.channels, (channel, i, subject) => {
    if (isUnknownActor(channel.from)) unknownActor(['channels', i, 'from'], subject(), 'sender actor', channel.from)
    if (isUnknownActor(channel.to)) unknownActor(['channels', i, 'to'], subject(), 'receiving actor', channel.to)
    channel.carries?.forEach((asset, j) => {
      if (isUnknownAsset(asset)) unknownAsset(['channels', i, 'carries', j], subject(), 'asset', asset)
    })
  })
  eachDecoded('loops', parts.loops, (loop, i, subject) => {
    const through = loop.through
    through?.forEach((actor, j) => {
      if (isUnknownActor(actor)) unknownActor(['loops', i, 'through', j], subject(), 'actor', actor)
    })
    if (through !== undefined && !isClosed(through)) {
      errors.push({
        code: 'invalid-loop',
        path: toPointer(['loops', i, 'through']),
        message: `${subject()} must list at least two actors and end with the actor it starts from.`,
      })
    }
    if (isUnknownAsset(loop.source)) unknownAsset(['loops', i, 'source'], subject(), 'source asset', loop.source)
  })
  return errors
}
