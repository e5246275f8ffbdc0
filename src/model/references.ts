import type { Actor, Channel, DeclaredLoop, KnowledgeAsset, Model } from './codecs.js'
import { type ModelError, quoteId, toPointer } from './errors.js'
import { provenanceCycleErrors } from './provenance.js'

type Collection = 'actors' | 'assets' | 'channels' | 'loops'

/**
 * One collection as far as it decoded: `items[i]` is the decoded item, or `undefined`
 * where that item has a shape error; `idAt(i)` is the id the item was written with
 * (also for an item that did not decode, so that references to it are not reported as
 * unknown), or `undefined` when it has none.
 * @internal
 */
export interface DecodedCollection<T> {
  readonly items: ReadonlyArray<T | undefined>
  readonly idAt: (index: number) => string | undefined
}

/**
 * The parts of a document that decoded, for the reference check. A collection that is
 * absent was not a list at all: references into it cannot be checked.
 * @internal
 */
export interface DecodedParts {
  readonly actors?: DecodedCollection<Actor>
  readonly assets?: DecodedCollection<KnowledgeAsset>
  readonly channels?: DecodedCollection<Channel>
  readonly loops?: DecodedCollection<DeclaredLoop>
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

const unknown = (path: ReadonlyArray<string | number>, subject: string, kind: string, id: string): ModelError => ({
  code: 'unknown-reference',
  path: toPointer(path),
  message: `${subject} refers to ${kind} ${quoteId(id)}, which is not in the model.`,
})

/** Call `visit` with each decoded item and its position. */
const eachDecoded = <T>(parts: DecodedCollection<T> | undefined, visit: (item: T, position: number) => void): void => {
  if (parts === undefined) return
  parts.items.forEach((item, position) => (item === undefined ? undefined : visit(item, position)))
}

/**
 * The second step of decoding: check that ids are unique within each collection, that
 * every reference resolves (asset holders, provenance, channel ends and carried assets,
 * declared loop actors and sources), that provenance has no circle and that declared
 * loops are closed. Runs on every part that decoded, so a document with a shape error
 * in one item still has every other item's references checked in the same pass.
 * Returns every error found, in document order of the checks. O(size of the document).
 * @internal
 */
export const referenceErrors = (parts: DecodedParts): ReadonlyArray<ModelError> => {
  const errors: ModelError[] = []
  const actors = indexIds('actors', parts.actors, errors)
  const assets = indexIds('assets', parts.assets, errors)
  indexIds('channels', parts.channels, errors)
  indexIds('loops', parts.loops, errors)

  eachDecoded(parts.assets, (asset, i) => {
    const subject = (): string => `Asset ${quoteId(asset.id)}`
    if (actors !== undefined && !actors.has(asset.holder)) {
      errors.push(unknown(['assets', i, 'holder'], subject(), 'holder actor', asset.holder))
    }
    asset.derivedFrom?.forEach((source, j) => {
      if (assets !== undefined && !assets.has(source)) errors.push(unknown(['assets', i, 'derivedFrom', j], subject(), 'asset', source))
    })
  })
  if (parts.assets !== undefined && assets !== undefined) errors.push(...provenanceCycleErrors(parts.assets.items, assets))
  eachDecoded(parts.channels, (channel, i) => {
    // Messages are built only for faults: this loop runs a million times on a big model.
    const subject = (): string => `Channel ${quoteId(channel.id)}`
    if (actors !== undefined && !actors.has(channel.from)) errors.push(unknown(['channels', i, 'from'], subject(), 'sender actor', channel.from))
    if (actors !== undefined && !actors.has(channel.to)) errors.push(unknown(['channels', i, 'to'], subject(), 'receiving actor', channel.to))
    if (assets === undefined) return
    channel.carries.forEach((asset, j) => {
      if (!assets.has(asset)) errors.push(unknown(['channels', i, 'carries', j], subject(), 'asset', asset))
    })
  })
  eachDecoded(parts.loops, (loop, i) => {
    const subject = `Declared loop ${quoteId(loop.id)}`
    loop.through.forEach((actor, j) => {
      if (actors !== undefined && !actors.has(actor)) errors.push(unknown(['loops', i, 'through', j], subject, 'actor', actor))
    })
    const first = loop.through[0]
    if (loop.through.length < 2 || first !== loop.through[loop.through.length - 1]) {
      errors.push({
        code: 'invalid-loop',
        path: toPointer(['loops', i, 'through']),
        message: `${subject} must list at least two actors and end with the actor it starts from.`,
      })
    }
    if (loop.source !== undefined && assets !== undefined && !assets.has(loop.source)) {
      errors.push(unknown(['loops', i, 'source'], subject, 'source asset', loop.source))
    }
  })
  return errors
}
