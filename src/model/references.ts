import type { Model } from './codecs.js'
import { type ModelError, quoteId, toPointer } from './errors.js'

type Collection = 'actors' | 'assets' | 'channels' | 'loops'

const singular: Readonly<Record<Collection, string>> = {
  actors: 'actor',
  assets: 'asset',
  channels: 'channel',
  loops: 'declared loop',
}

/** Index a collection by id, reporting every repeated id. */
const indexIds = (
  model: Model,
  collection: Collection,
  errors: ModelError[],
): ReadonlyMap<string, number> => {
  const index = new Map<string, number>()
  const items: ReadonlyArray<{ readonly id: string }> = model[collection]
  items.forEach((item, position) => {
    const first = index.get(item.id)
    if (first === undefined) {
      index.set(item.id, position)
      return
    }
    errors.push({
      code: 'duplicate-id',
      path: toPointer([collection, position, 'id']),
      message: `The ${singular[collection]} id ${quoteId(item.id)} is used more than once (first at ${toPointer([collection, first])}).`,
    })
  })
  return index
}

const unknown = (path: ReadonlyArray<string | number>, subject: string, kind: string, id: string): ModelError => ({
  code: 'unknown-reference',
  path: toPointer(path),
  message: `${subject} refers to ${kind} ${quoteId(id)}, which is not in the model.`,
})

/**
 * The second step of decoding: check that ids are unique within each collection, that
 * every reference resolves and that declared loops are closed. Returns every error
 * found, in document order of the checks.
 * @internal
 */
export const referenceErrors = (model: Model): ReadonlyArray<ModelError> => {
  const errors: ModelError[] = []
  const actors = indexIds(model, 'actors', errors)
  const assets = indexIds(model, 'assets', errors)
  indexIds(model, 'channels', errors)
  indexIds(model, 'loops', errors)

  model.assets.forEach((asset, i) => {
    if (!actors.has(asset.holder)) {
      errors.push(unknown(['assets', i, 'holder'], `Asset ${quoteId(asset.id)}`, 'holder actor', asset.holder))
    }
  })
  model.channels.forEach((channel, i) => {
    // Messages are built only for faults: this loop runs a million times on a big model.
    const subject = (): string => `Channel ${quoteId(channel.id)}`
    if (!actors.has(channel.from)) errors.push(unknown(['channels', i, 'from'], subject(), 'sender actor', channel.from))
    if (!actors.has(channel.to)) errors.push(unknown(['channels', i, 'to'], subject(), 'receiving actor', channel.to))
    channel.carries.forEach((asset, j) => {
      if (!assets.has(asset)) errors.push(unknown(['channels', i, 'carries', j], subject(), 'asset', asset))
    })
  })
  model.loops.forEach((loop, i) => {
    const subject = `Declared loop ${quoteId(loop.id)}`
    loop.through.forEach((actor, j) => {
      if (!actors.has(actor)) errors.push(unknown(['loops', i, 'through', j], subject, 'actor', actor))
    })
    const first = loop.through[0]
    if (loop.through.length < 2 || first !== loop.through[loop.through.length - 1]) {
      errors.push({
        code: 'invalid-loop',
        path: toPointer(['loops', i, 'through']),
        message: `${subject} must list at least two actors and end with the actor it starts from.`,
      })
    }
  })
  return errors
}
