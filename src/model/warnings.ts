import type { Actor, Channel, KnowledgeAsset, Model } from './codecs.js'
import { type ModelWarning, quoteId, toPointer } from './errors.js'
import { declaredLoopSourceWarnings } from './loop-warnings.js'
import { type Level, isLayVoice } from './vocabulary.js'

/**
 * For each asset, the actors that hold it or can receive it: a breadth-first search from
 * its holder over the channels that carry it (any status: a paused channel still says
 * where the asset is meant to go).
 */
const actorsReachedByAsset = (model: Model, activeOnly: boolean): ReadonlyMap<string, ReadonlySet<string>> => {
  const channelsByAsset = new Map<string, Channel[]>()
  for (const channel of model.channels) {
    if (activeOnly && channel.status !== 'active') continue
    for (const asset of channel.carries) {
      const list = channelsByAsset.get(asset)
      if (list === undefined) channelsByAsset.set(asset, [channel])
      else list.push(channel)
    }
  }
  const reached = new Map<string, ReadonlySet<string>>()
  for (const asset of model.assets) {
    const carriers = channelsByAsset.get(asset.id) ?? []
    const next = new Map<string, string[]>()
    for (const channel of carriers) {
      const targets = next.get(channel.from)
      if (targets === undefined) next.set(channel.from, [channel.to])
      else targets.push(channel.to)
    }
    const seen = new Set<string>([asset.holder])
    const queue: string[] = [asset.holder]
    for (let head = 0; head < queue.length; head++) {
      for (const target of next.get(queue[head]!) ?? []) {
        if (seen.has(target)) continue
        seen.add(target)
        queue.push(target)
      }
    }
    // A repeated asset id (an error elsewhere) keeps the first asset's reach.
    if (!reached.has(asset.id)) reached.set(asset.id, seen)
  }
  return reached
}

/** "actor 'a', actor 'b' and 3 more": a bounded list, so a long loop cannot flood a message. */
const listActors = (ids: ReadonlyArray<string>): string => {
  const shown = ids.slice(0, 5).map((id) => `actor ${quoteId(id)}`)
  const more = ids.length - shown.length
  if (more > 0) return `${shown.join(', ')} and ${more} more`
  return shown.length === 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`
}

const takesPart = (actor: Actor | undefined, level: Level): boolean =>
  actor === undefined || actor.levels.includes(level)

/**
 * Things a valid model allows but that are probably not meant, each with a JSON Pointer
 * to the field concerned:
 *
 * - `asset-not-available` (`/channels/i/carries/j`): a channel carries an asset its
 *   sender neither holds nor receives, directly or through other actors, over channels
 *   that carry that asset.
 * - `level-mismatch` (`/channels/i/level`): a channel works at a level its sender or
 *   receiver does not take part in.
 * - `unreachable-loop-level` (`/loops/i/level`): no step of a declared loop joins two
 *   actors who take part in its level (a loop may start and end at other levels: carers
 *   at delivery heard by a planning forum).
 * - `provenance-unreached` (`/assets/i/derivedFrom/j`): an asset is made from another
 *   that never reaches its holder over active channels that carry it, so the traced
 *   loop of its source stops short of it (a lapsed referral, say).
 * - `loop-source-not-a-source` (`/loops/i/source`), `loop-without-source-holder`
 *   (`/loops/i/through`) and `loop-not-from-source-holder` (`/loops/i/through/0`): a
 *   declared loop about an asset that is not a source (an insight, a reply), whose
 *   source's holder is not on it, or that does not start with that holder, so the
 *   diagnosis cannot follow the source round it (see `declaredLoopSourceWarnings`).
 *
 * Messages quote ids only. Expects a model that {@link decodeModel} accepted; unknown
 * references are skipped rather than reported again.
 *
 * Complexity: O(A + C·k + L·m) for A actors and assets, C channels carrying k assets
 * each and L declared loops of m steps (two breadth-first searches per asset: over every channel, and over active ones),
 * plus the provenance of the assets declared loops name.
 * @category Model
 */
export const modelWarnings = (model: Model): ReadonlyArray<ModelWarning> => {
  const warnings: ModelWarning[] = []
  const actors = new Map<string, Actor>()
  for (const actor of model.actors) if (!actors.has(actor.id)) actors.set(actor.id, actor)
  const reached = actorsReachedByAsset(model, false)
  const reachedNow = actorsReachedByAsset(model, true)

  model.channels.forEach((channel, i) => {
    const subject = `Channel ${quoteId(channel.id)}`
    channel.carries.forEach((asset, j) => {
      const holders = reached.get(asset)
      if (holders === undefined || holders.has(channel.from)) return
      warnings.push({
        code: 'asset-not-available',
        path: toPointer(['channels', i, 'carries', j]),
        message: `${subject} carries asset ${quoteId(asset)}, but its sender ${quoteId(channel.from)} neither holds it nor receives it on any channel.`,
      })
    })
    if (channel.status !== 'active' && channel.carries.length === 0) {
      warnings.push({
        code: 'inactive-carries-nothing',
        path: toPointer(['channels', i, 'carries']),
        message: `${subject} is ${channel.status} and lists nothing in carries, so no diagnosis can tell what it was for, and no repair can bring it back: list what it ${channel.status === 'planned' ? 'is to carry' : 'carried'}.`,
      })
    }
    if (channel.from === channel.to) {
      warnings.push({
        code: 'self-channel',
        path: toPointer(['channels', i, 'to']),
        message: `${subject} runs from ${quoteId(channel.from)} to itself, so it takes nothing anywhere.`,
      })
    }
    // Lay and mixed voices are heard, and answered, at whatever level their knowledge is
    // used (a GP patient survey goes straight to NHS England at planning level), so only a
    // professional end must take part in the channel's level.
    const ends = channel.from === channel.to ? [channel.from] : [channel.from, channel.to]
    const outside = ends.filter((id) => !takesPart(actors.get(id), channel.level) && !isLayVoice(actors.get(id)!.perspective))
    if (outside.length > 0) {
      warnings.push({
        code: 'level-mismatch',
        path: toPointer(['channels', i, 'level']),
        message: `${subject} works at the ${channel.level} level, but ${listActors(outside)} ${outside.length === 1 ? 'does' : 'do'} not take part in it.`,
      })
    }
  })

  model.assets.forEach((asset, i) => {
    asset.derivedFrom?.forEach((source, j) => {
      const holders = reachedNow.get(source)
      if (holders === undefined || holders.has(asset.holder)) return
      warnings.push({
        code: 'provenance-unreached',
        path: toPointer(['assets', i, 'derivedFrom', j]),
        message: `Asset ${quoteId(asset.id)} is made from ${quoteId(source)}, but ${quoteId(source)} never reaches its holder ${quoteId(asset.holder)} over an active channel that carries it, so a traced loop cannot follow it there.`,
      })
    })
  })

  let assetById: Map<string, KnowledgeAsset> | undefined
  model.loops.forEach((loop, i) => {
    // A loop may start and end at other levels (carers at delivery heard by a planning
    // forum): it is at its level when some step joins two actors who take part there.
    const inside = (id: string): boolean => takesPart(actors.get(id), loop.level)
    const works = loop.through.some((id, k) => k + 1 < loop.through.length && inside(id) && inside(loop.through[k + 1]!))
    const outside = [...new Set(loop.through)].filter((id) => !inside(id))
    if (!works && outside.length > 0) {
      warnings.push({
        code: 'unreachable-loop-level',
        path: toPointer(['loops', i, 'level']),
        message: `Declared loop ${quoteId(loop.id)} is at the ${loop.level} level, but none of its steps joins two actors who take part in it: ${listActors(outside)} ${outside.length === 1 ? 'does' : 'do'} not.`,
      })
    }
    if (loop.source === undefined) return
    if (assetById === undefined) {
      assetById = new Map()
      for (const asset of model.assets) if (!assetById.has(asset.id)) assetById.set(asset.id, asset)
    }
    const source = declaredLoopSourceWarnings(loop, i, assetById)
    if (source !== undefined) warnings.push(source)
  })
  return warnings
}
