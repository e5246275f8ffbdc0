import type { Model } from '../model/codecs.js'
import type { AssetKind } from '../model/vocabulary.js'
import type { ChannelParameters, SimulationParameters } from '../simulate/parameters.js'
import type { Fit, FittedChannel, FittedRole } from './calibrate-fit.js'
import { replyLane } from './channel-lanes.js'
import type { MeasureContext } from './context.js'
import { latencyShape } from './latency-shape.js'
import { stageIndex } from './mapping.js'

/** A counter by integer key. @internal */
export const counter = () => new Map<number, number>()
/** Add `by` to `key` of `map`. @internal */
export const bump = (map: Map<number, number>, key: number, by = 1): void => {
  map.set(key, (map.get(key) ?? 0) + by)
}
const round = (value: number, places = 4): number => Math.round(value * 10 ** places) / 10 ** places

/** The roles `calibrate` fits per actor: the stage that shows the role played and the kinds of asset it makes. @internal */
export const roleKinds: ReadonlyArray<readonly [FittedRole['role'], number, ReadonlyArray<AssetKind>]> = [
  ['makeSense', stageIndex.themed, ['insight']],
  ['decide', stageIndex.decided, ['decision', 'plan', 'strategy']],
  ['act', stageIndex.changed, ['change', 'experiment']],
  ['respond', stageIndex.replied, ['response']],
]

/** What {@link fitParameters} counted. @internal */
export interface Counts {
  readonly lanes: ReadonlyMap<number, number>
  readonly senders: ReadonlyMap<number, number>
  readonly passed: ReadonlyMap<number, number>
  readonly delaySum: ReadonlyMap<number, number>
  readonly delayCount: ReadonlyMap<number, number>
  readonly delayRatios: ReadonlyArray<readonly [number, number]>
  /** Per role (in `roleKinds` order): per actor, items in which it had what it makes for the role, and items it made it for. */
  readonly roleBase: ReadonlyArray<ReadonlyMap<number, number>>
  readonly roleDone: ReadonlyArray<ReadonlyMap<number, number>>
  readonly raisedBy: ReadonlyMap<number, number>
  readonly replyPairs: ReadonlyMap<number, number>
}

/**
 * The fitted channels, roles and parameters from the counts: reliability and latency per
 * channel, each role's probability per actor (a reply's against the chance of its route).
 * @internal
 */
export const assemble = (model: Model, context: MeasureContext, counts: Counts, spanDays: number, minItems: number): Fit => {
  const fitted: FittedChannel[] = []
  const overrides: ChannelParameters[] = []
  const reliabilityOf = new Map<number, number>()
  const meanDelay = (channel: number): number => (counts.delayCount.get(channel) ?? 0) === 0 ? Number.NaN : counts.delaySum.get(channel)! / counts.delayCount.get(channel)!
  for (const [channel, lane] of [...counts.lanes].sort(([a], [b]) => a - b)) {
    const { id, from, to } = model.channels[channel]!
    const items = counts.senders.get(channel) ?? 0
    const went = counts.passed.get(channel) ?? 0
    const delay = meanDelay(channel)
    const latencyDays = (counts.delayCount.get(channel) ?? 0) >= minItems ? { latencyDays: round(delay) } : {}
    const observed = (lane & ~replyLane) !== 0
    const basis = !observed && (lane & replyLane) !== 0 ? 'replies-only' : items >= minItems ? 'fitted' : 'too-few-items'
    const reliability = basis === 'fitted' ? round(went / items) : basis === 'replies-only' ? 1 : undefined
    if (reliability !== undefined) reliabilityOf.set(channel, reliability)
    fitted.push({ channel: id, from, to, items, passed: went, ...(reliability === undefined ? {} : { reliability }), ...latencyDays, basis })
    if (reliability !== undefined || 'latencyDays' in latencyDays) overrides.push({ channel: id, ...(reliability === undefined ? {} : { reliability }), ...latencyDays })
  }
  const roles: FittedRole[] = []
  const actorEntries = new Map<string, Record<string, number | string>>()
  const set = (actor: string, role: FittedRole['role'], value: number): void => {
    const entry = actorEntries.get(actor) ?? { actor }
    entry[role] = value
    actorEntries.set(actor, entry)
  }
  const n = context.actorIds.length
  // A reply reaches the raiser only if every channel of its route carries it.
  const expectedReplies = new Map<number, number>()
  for (const [pair, items] of counts.replyPairs) {
    const route = context.replyRoute(Math.floor(pair / n), pair % n)
    const chance = route === undefined ? 0 : route.reduce((product, channel) => product * (reliabilityOf.get(channel) ?? model.channels[channel]!.reliability ?? 1), 1)
    bump(expectedReplies, Math.floor(pair / n), items * chance)
  }
  const holds = new Set(model.assets.map((asset) => `${asset.holder}\u0000${asset.kind}`))
  model.actors.forEach((actor, v) => {
    const raisedItems = counts.raisedBy.get(v) ?? 0
    if (raisedItems > 0 && spanDays > 0) {
      const value = round(raisedItems / spanDays / (actor.represents ?? 1), 6)
      roles.push({ actor: actor.id, role: 'raiseRate', items: raisedItems, done: raisedItems, value })
      set(actor.id, 'raiseRate', value)
    }
    roleKinds.forEach(([role, , kinds], r) => {
      const items = counts.roleBase[r]!.get(v) ?? 0
      const did = counts.roleDone[r]!.get(v) ?? 0
      // A role is fitted for an actor whose assets give it the role, or who is seen playing it.
      if ((items === 0 || !kinds.some((kind) => holds.has(`${actor.id}\u0000${kind}`))) && did === 0) return
      const whole = role === 'respond' ? expectedReplies.get(v) ?? 0 : items
      const value = items >= minItems && whole > 0 ? round(Math.min(1, did / whole)) : undefined
      roles.push({ actor: actor.id, role, items, done: did, ...(value === undefined ? {} : { value }) })
      if (value !== undefined) set(actor.id, role, value)
    })
  })
  const shape = latencyShape(counts.delayRatios, meanDelay)
  const parameters: SimulationParameters = {
    raiseRate: 0,
    ...shape,
    actors: [...actorEntries.values()] as unknown as SimulationParameters['actors'],
    channels: overrides,
  }
  return { parameters, channels: fitted, roles }
}
