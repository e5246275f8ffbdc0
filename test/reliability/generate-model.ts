/**
 * Seeded generator of valid `orgintel/v2` documents (plain JSON values), small enough to
 * fuzz by the hundred thousand. Ids are sometimes hostile; every name carries
 * {@link nameMarker} and the description {@link freeTextMarker}.
 */
import { adversarialIds, adversarialNames, freeTextMarker, nameMarker } from './hostile-text.js'
import type { Random } from './random.js'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export const levelNames = ['delivery', 'planning', 'strategy'] as const
export const actorKinds = [
  'patient', 'carer', 'citizen', 'community-group', 'peer-supporter', 'clinician', 'manager',
  'provider', 'commissioner', 'board', 'regulator', 'intermediary', 'researcher',
] as const
export const assetKinds = [
  'experience', 'evidence', 'data', 'insight', 'decision', 'plan', 'strategy', 'change', 'response', 'lesson',
] as const

/** `count` distinct ids, some of them hostile, in random order. */
const makeIds = (random: Random, prefix: string, count: number, hostility: number): string[] => {
  const ids = new Set<string>()
  let serial = 0
  while (ids.size < count) {
    ids.add(random.chance(hostility) ? random.pick(adversarialIds) : `${prefix}-${serial++}`)
  }
  return random.shuffle([...ids])
}

const makeName = (random: Random, serial: number): string =>
  random.chance(0.03) ? random.pick(adversarialNames) : `${nameMarker}${serial}`

const someLevels = (random: Random): string[] => {
  const chosen = levelNames.filter(() => random.chance(0.5))
  if (chosen.length === 0) chosen.push(random.pick(levelNames))
  // Repeated levels are allowed; keep a few.
  if (random.chance(0.05)) chosen.push(chosen[0]!)
  return chosen
}

export interface GenerateOptions {
  readonly maxActors: number
  /** Chance that an id is picked from the hostile list. */
  readonly hostility: number
}

/** A valid document: unique ids per collection, every reference resolving. */
export const generateModel = (random: Random, options: GenerateOptions): JsonObject => {
  const actorCount = random.chance(0.02) ? 0 : random.between(1, options.maxActors)
  const actorIds = makeIds(random, 'actor', actorCount, options.hostility)
  const assetIds = actorCount === 0 ? [] : makeIds(random, 'asset', random.between(0, actorCount + 2), options.hostility)
  const channelIds = actorCount === 0 ? [] : makeIds(random, 'channel', random.between(0, actorCount * 2), options.hostility)
  const loopIds = actorCount === 0 ? [] : makeIds(random, 'loop', random.between(0, 3), options.hostility)
  let serial = 0

  const actors = actorIds.map((id): JsonObject => {
    const actor: JsonObject = { id, name: makeName(random, serial++), kind: random.pick(actorKinds), levels: someLevels(random) }
    if (random.chance(0.2)) actor['perspective'] = random.pick(['lay', 'professional'])
    if (random.chance(0.1)) actor['tags'] = [random.pick(adversarialIds), 'tag']
    return actor
  })
  const assets = assetIds.map((id): JsonObject => {
    const asset: JsonObject = { id, name: makeName(random, serial++), kind: random.pick(assetKinds), holder: random.pick(actorIds) }
    if (random.chance(0.2)) asset['acknowledged'] = random.chance(0.5)
    return asset
  })
  const channels = channelIds.map((id): JsonObject => {
    const channel: JsonObject = {
      id,
      from: random.pick(actorIds),
      to: random.pick(actorIds),
      carries: assetIds.filter(() => random.chance(0.3)),
      level: random.pick(levelNames),
    }
    if (random.chance(0.3)) channel['status'] = random.pick(['active', 'inactive', 'planned'])
    if (random.chance(0.5)) channel['latencyDays'] = random.pick([0, 0.5, 1, 7, 28, 365])
    if (random.chance(0.5)) channel['reliability'] = random.pick([0, 0.25, 0.75, 0.999, 1])
    if (random.chance(0.5)) channel['polarity'] = random.pick(['+', '-'])
    return channel
  })
  const loops = loopIds.map((id): JsonObject => {
    const length = random.between(1, Math.min(5, actorIds.length))
    const through = Array.from({ length }, () => random.pick(actorIds))
    through.push(through[0]!)
    const loop: JsonObject = { id, name: makeName(random, serial++), level: random.pick(levelNames), through }
    if (random.chance(0.3)) loop['maxLatencyDays'] = random.pick([0, 14, 90])
    return loop
  })

  const model: JsonObject = { schema: 'orgintel/v2', id: `model-${random.integer(1000)}`, name: makeName(random, serial++), actors, assets, channels }
  if (loops.length > 0 || random.chance(0.5)) model['loops'] = loops
  if (random.chance(0.3)) model['description'] = `${freeTextMarker} what this organisation does`
  return model
}
