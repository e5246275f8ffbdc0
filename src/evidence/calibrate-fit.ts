import { compileGraph } from '../graph/compile.js'
import { carriedKindsByEdge, compileCarriage } from '../graph/carriage.js'
import type { Model } from '../model/codecs.js'
import { decisionLane, lanesOfKinds, replyLane, storyLane } from './channel-lanes.js'
import type { ChannelParameters, SimulationParameters } from '../simulate/parameters.js'
import { latencyShape } from './latency-shape.js'
import type { MeasureContext } from './context.js'
import { stages } from './mapping.js'
import type { ReportedCount } from './report.js'

const raised = stages.indexOf('raised')
const received = stages.indexOf('received')
const themed = stages.indexOf('themed')
const decided = stages.indexOf('decided')
const changed = stages.indexOf('changed')
const replied = stages.indexOf('replied')
const seen = stages.indexOf('seen')

/** How one channel was fitted: items that reached its sender, items it carried on, and the fitted values. @category Evidence */
export interface FittedChannel {
  readonly channel: string
  readonly from: string
  readonly to: string
  /** Items that reached the sender in a form the channel carries (a story, or a decision the sender did not act on itself). */
  readonly items: ReportedCount
  /** Of those, items the records show going over the channel. */
  readonly passed: ReportedCount
  readonly reliability?: number
  readonly latencyDays?: number
  /** `fitted`; `too-few-items` (fewer than the minimum reached the sender); `replies-only` (replies are seen where they arrive, not hop by hop: the channel is set to reliability 1 and what is lost counts against the responder). */
  readonly basis: 'fitted' | 'too-few-items' | 'replies-only'
}

/** How one role of one actor was fitted: items it had a chance to act on, items it did, the probability. @category Evidence */
export interface FittedRole {
  readonly actor: string
  readonly role: 'respond' | 'makeSense' | 'decide' | 'act' | 'raiseRate'
  readonly items: ReportedCount
  readonly done: ReportedCount
  /** The fitted probability (or, for `raiseRate`, items a day per person); absent when too few items. */
  readonly value?: number
}

/** What {@link fitParameters} found. @internal */
export interface Fit {
  readonly parameters: SimulationParameters
  readonly channels: ReadonlyArray<FittedChannel>
  readonly roles: ReadonlyArray<FittedRole>
}

/** One item's events: (time, type) pairs, as read. @internal */
export type FitEvents = number[]

const counter = () => new Map<number, number>()
const bump = (map: Map<number, number>, key: number, by = 1): void => {
  map.set(key, (map.get(key) ?? 0) + by)
}
const round = (value: number, places = 4): number => Math.round(value * 10 ** places) / 10 ** places

/**
 * Fit the simulation's parameters from items' events (DESIGN §3 semantics, as
 * `simulate` runs them): a channel's reliability is the share of items that reached its
 * sender and went over it, its latency the mean days from the sender having the item to
 * the receiver having it (a reply's days spread evenly over the hops of its route); an
 * actor's chance to make sense, decide, act or reply is the share of the items that
 * reached it that it did so for (a reply divided by the chance of its route); raising
 * rates are items raised per day per person. Rates from fewer than `minItems` items are
 * left to the model and the defaults. O(events log events + items · route length).
 * @internal
 */
export const fitParameters = (model: Model, context: MeasureContext, items: Iterable<FitEvents>, spanDays: number, minItems: number): Fit => {
  const graph = compileGraph(model, { includeInactive: false })
  const kinds = carriedKindsByEdge(compileCarriage(graph))
  const lanes = new Map<number, number>()
  for (let e = 0; e < graph.edgeCount; e++) lanes.set(graph.edgeChannel[e]!, (lanes.get(graph.edgeChannel[e]!) ?? 0) | lanesOfKinds(kinds[e]!))
  const channels = model.channels
  const actorOf = (id: string): number => context.actorIndex.get(id)!
  const senders = counter()
  const passed = counter()
  const delaySum = counter()
  const delayCount = counter()
  const delayRatios: Array<readonly [number, number]> = []
  const reached = counter()
  const decisionReached = counter()
  const roleDone = new Map<number, Map<number, number>>([themed, decided, changed, replied].map((stage) => [stage, counter()]))
  const raisedBy = counter()
  const replyPairs = counter()
  const n = context.actorIds.length
  for (const events of items) {
    const order: number[] = []
    for (let i = 0; i < events.length; i += 2) order.push(i)
    const stageOf = (i: number): number => context.typeStage[events[i + 1]!]!
    order.sort((a, b) => events[a]! - events[b]! || stageOf(a) - stageOf(b))
    const raise = order.find((i) => stageOf(i) === raised)
    if (raise === undefined) continue
    const raiser = context.typeActor[events[raise + 1]!]!
    if (raiser >= 0) bump(raisedBy, raiser)
    const storyAt = new Map<number, number>()
    const decisionAt = new Map<number, number>()
    const arrivals = new Map<number, number>()
    const done = new Map<number, Set<number>>([themed, decided, changed, replied].map((stage) => [stage, new Set<number>()]))
    const firstStage = new Map<number, number>()
    let previous = -1
    for (const i of order) {
      const type = events[i + 1]!
      const time = events[i]!
      const stage = context.typeStage[type]!
      const actor = context.typeActor[type]!
      if (actor < 0 || stage === seen) continue
      const first = !firstStage.has(actor)
      if (first) firstStage.set(actor, stage)
      // An event that names a channel into its actor is an arrival; else an actor's first
      // event (or a receipt) is taken to have come from the actor before, as measureLoops reads flows.
      let channel = context.typeChannel[type]!
      if (channel < 0 && (stage === received || (first && actor !== raiser)) && previous >= 0 && previous !== actor) channel = context.channelFor(previous, actor, -1)
      const arrival = channel >= 0 && actorOf(channels[channel]!.to) === actor
      const lane = arrival ? (lanes.get(channel) ?? 0) : 0
      if (arrival && !arrivals.has(channel)) arrivals.set(channel, time)
      // A decision, not a story, is what reaches an actor over a channel that carries only decisions.
      const decisionOnly = (lane & storyLane) === 0 && (lane & decisionLane) !== 0
      if (!storyAt.has(actor) && stage !== changed && !decisionOnly) storyAt.set(actor, time)
      if (!decisionAt.has(actor) && (stage === decided || decisionOnly)) decisionAt.set(actor, time)
      done.get(stage)?.add(actor)
      previous = actor
    }
    for (const [channel, lane] of lanes) {
      const from = actorOf(channels[channel]!.from)
      const story = (lane & storyLane) !== 0
      if (!story && (lane & decisionLane) === 0) continue
      const start = story ? storyAt.get(from) : done.get(changed)!.has(from) ? undefined : decisionAt.get(from)
      if (start === undefined) continue
      bump(senders, channel)
      const arrival = arrivals.get(channel)
      if (arrival === undefined) continue
      bump(passed, channel)
      if (arrival >= start) {
        bump(delaySum, channel, arrival - start)
        bump(delayCount, channel)
        delayRatios.push([channel, arrival - start])
      }
    }
    for (const [actor, time] of storyAt) {
      if (actor === raiser) continue
      bump(reached, actor)
      if (raiser >= 0) bump(replyPairs, actor * n + raiser)
      if (done.get(replied)!.has(actor) && raiser >= 0) {
        const route = context.replyRoute(actor, raiser) ?? []
        const replyTime = order.find((i) => stageOf(i) === replied && context.typeActor[events[i + 1]!] === actor)
        // A reply that is its actor's first event says nothing of how long it took.
        if (route.length > 0 && replyTime !== undefined && firstStage.get(actor) !== replied && events[replyTime]! >= time) {
          for (const channel of route) {
            bump(delaySum, channel, (events[replyTime]! - time) / route.length)
            bump(delayCount, channel)
          }
        }
      }
    }
    for (const actor of decisionAt.keys()) bump(decisionReached, actor)
    for (const [stage, actors] of done) for (const actor of actors) if (actor !== raiser || stage !== replied) bump(roleDone.get(stage)!, actor)
  }
  return assemble(model, context, { lanes, senders, passed, delaySum, delayCount, delayRatios, reached, decisionReached, roleDone, raisedBy, replyPairs }, spanDays, minItems)
}

interface Counts {
  readonly lanes: ReadonlyMap<number, number>
  readonly senders: ReadonlyMap<number, number>
  readonly passed: ReadonlyMap<number, number>
  readonly delaySum: ReadonlyMap<number, number>
  readonly delayCount: ReadonlyMap<number, number>
  readonly delayRatios: ReadonlyArray<readonly [number, number]>
  readonly reached: ReadonlyMap<number, number>
  readonly decisionReached: ReadonlyMap<number, number>
  readonly roleDone: ReadonlyMap<number, ReadonlyMap<number, number>>
  readonly raisedBy: ReadonlyMap<number, number>
  readonly replyPairs: ReadonlyMap<number, number>
}

const assemble = (model: Model, context: MeasureContext, counts: Counts, spanDays: number, minItems: number): Fit => {
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
    const observed = (lane & (storyLane | decisionLane)) !== 0
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
  const roleStages: ReadonlyArray<readonly [FittedRole['role'], number, ReadonlyMap<number, number>, ReadonlyArray<string>]> = [
    ['makeSense', themed, counts.reached, ['insight']],
    ['decide', decided, counts.reached, ['decision', 'plan', 'strategy']],
    ['act', changed, counts.decisionReached, ['change']],
    ['respond', replied, counts.reached, ['response']],
  ]
  const holds = new Set(model.assets.map((asset) => `${asset.holder}\u0000${asset.kind}`))
  model.actors.forEach((actor, v) => {
    const raisedItems = counts.raisedBy.get(v) ?? 0
    if (raisedItems > 0 && spanDays > 0) {
      const value = round(raisedItems / spanDays / (actor.represents ?? 1), 6)
      roles.push({ actor: actor.id, role: 'raiseRate', items: raisedItems, done: raisedItems, value })
      set(actor.id, 'raiseRate', value)
    }
    for (const [role, stage, base, kinds] of roleStages) {
      const items = base.get(v) ?? 0
      const did = counts.roleDone.get(stage)!.get(v) ?? 0
      // A role is fitted for an actor whose assets give it the role, or who is seen playing it.
      if ((items === 0 || !kinds.some((kind) => holds.has(`${actor.id}\u0000${kind}`))) && did === 0) continue
      const whole = role === 'respond' ? expectedReplies.get(v) ?? 0 : items
      const value = items >= minItems && whole > 0 ? round(Math.min(1, did / whole)) : undefined
      roles.push({ actor: actor.id, role, items, done: did, ...(value === undefined ? {} : { value }) })
      if (value !== undefined) set(actor.id, role, value)
    }
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
