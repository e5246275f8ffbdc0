import { type CompiledGraph, compileGraph } from '../graph/compile.js'
import { type Carriage, compileCarriage } from '../graph/carriage.js'
import { carriedKindsByEdge } from '../graph/carried.js'
import { compileProvenance } from '../graph/provenance.js'
import type { Model } from '../model/codecs.js'
import { changeLane, decisionLane, insightLane, itemLanes, laneOfKind, lanesOfKinds, replyLane, storyLane } from './channel-lanes.js'
import type { SimulationParameters } from '../simulate/parameters.js'
import type { MeasureContext } from './context.js'
import { stageIndex } from './mapping.js'
import type { ReportedCount } from './report.js'
import { assemble, bump, counter, roleKinds } from './calibrate-assemble.js'

const { raised, received, themed, decided, changed, seen } = stageIndex

/** How one channel was fitted: items that reached its sender, items it carried on, and the fitted values. @category Evidence */
export interface FittedChannel {
  readonly channel: string
  readonly from: string
  readonly to: string
  /** Items of which the sender had something the channel carries (a story, insight, decision or change), other than from the channel's receiver. */
  readonly items: ReportedCount
  /** Of those, items the records show going over the channel. */
  readonly passed: ReportedCount
  readonly reliability?: number
  readonly latencyDays?: number
  /** `fitted`; `too-few-items` (fewer than the minimum reached the sender); `replies-only` (replies are seen where they arrive, not hop by hop: the channel is set to reliability 1 and what is lost counts against the responder). */
  readonly basis: 'fitted' | 'too-few-items' | 'replies-only'
}

/**
 * How one role of one actor was fitted: items in which it had what the assets it makes
 * for the role are made from (their provenance: for a decision made from themes, the
 * items it made themes of), items it played the role for, the probability.
 * @category Evidence
 */
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

const laneOfStage = new Map([[raised, storyLane], [themed, insightLane], [decided, decisionLane], [changed, changeLane]])

/**
 * Per role (in `roleKinds` order) and actor: the lanes of what the assets of the role's
 * kinds that the actor holds are made from (their provenance parents, declared or
 * inferred, as the simulation and the diagnosis trace them); where it holds none, a story
 * (a decision for `act`), as records of an actor seen playing the role suggest.
 */
const parentLanes = (graph: CompiledGraph, carriage: Carriage, actors: number): Int32Array => {
  const provenance = compileProvenance(carriage)
  const assets = graph.model.assets
  const parents = new Int32Array(carriage.assetCount)
  for (let p = 0; p < carriage.assetCount; p++) {
    for (let i = provenance.childOffsets[p]!; i < provenance.childOffsets[p + 1]!; i++) parents[provenance.children[i]!]! |= laneOfKind[assets[p]!.kind]
  }
  const lanes = new Int32Array(roleKinds.length * actors)
  for (let a = 0; a < carriage.assetCount; a++) {
    const v = carriage.holder[a]!
    const role = roleKinds.findIndex(([, , kinds]) => kinds.includes(assets[a]!.kind))
    if (v >= 0 && role >= 0) lanes[role * actors + v]! |= parents[a]! & ~replyLane
  }
  roleKinds.forEach(([role], r) => {
    for (let v = 0; v < actors; v++) if (lanes[r * actors + v] === 0) lanes[r * actors + v] = role === 'act' ? decisionLane : storyLane
  })
  return lanes
}

/**
 * Fit the simulation's parameters from items' events, as `simulate` runs them (items
 * travel through derived assets, DESIGN §3): what an actor has of an item is read from
 * its events, in lanes (a story it raised or received, an insight it made, a decision or
 * change it made or received; a receipt has what its channel carries). A channel's
 * reliability is the share of items whose sender had something it carries (not received
 * from its receiver) that went over it, so it includes the sender's chance to pass on;
 * its latency the mean days from the sender having the item to the receiver having it (a
 * reply's days spread evenly over the hops of its route). An actor's chance to make sense,
 * decide, act or reply is the share, of the items in which it had what the assets of that
 * kind it holds are made from (their provenance), that it did so for (a reply divided by
 * the chance of its route); raising rates are items raised per day per person. Rates
 * from fewer than `minItems` items are left to the model and the defaults.
 * O(events log events + items · (channels + actors · roles)).
 * @internal
 */
export const fitParameters = (model: Model, context: MeasureContext, items: Iterable<FitEvents>, spanDays: number, minItems: number): Fit => {
  const graph = compileGraph(model, { includeInactive: false })
  const carriage = compileCarriage(graph)
  const kinds = carriedKindsByEdge(carriage)
  const lanes = new Map<number, number>()
  for (let e = 0; e < graph.edgeCount; e++) lanes.set(graph.edgeChannel[e]!, (lanes.get(graph.edgeChannel[e]!) ?? 0) | lanesOfKinds(kinds[e]!))
  const channels = model.channels
  const actorOf = (id: string): number => context.actorIndex.get(id)!
  const n = context.actorIds.length
  // Model actors in the graph's order are the context's: both follow model.actors.
  const roleLanes = parentLanes(graph, carriage, n)
  const senders = counter()
  const passed = counter()
  const delaySum = counter()
  const delayCount = counter()
  const delayRatios: Array<readonly [number, number]> = []
  const roleBase = roleKinds.map(() => counter())
  const roleDone = roleKinds.map(() => counter())
  const raisedBy = counter()
  const replyPairs = counter()
  for (const events of items) {
    const order: number[] = []
    for (let i = 0; i < events.length; i += 2) order.push(i)
    const stageOf = (i: number): number => context.typeStage[events[i + 1]!]!
    order.sort((a, b) => events[a]! - events[b]! || stageOf(a) - stageOf(b))
    const raise = order.find((i) => stageOf(i) === raised)
    if (raise === undefined) continue
    const raiser = context.typeActor[events[raise + 1]!]!
    if (raiser >= 0) bump(raisedBy, raiser)
    /** Per actor: when it first had each lane of the item (index `log2 lane`), and from whom (-1: made or raised). */
    const had = new Map<number, { readonly at: number[]; readonly from: number[] }>()
    const have = (actor: number, laneBits: number, time: number, from: number): void => {
      let entry = had.get(actor)
      if (entry === undefined) had.set(actor, (entry = { at: itemLanes.map(() => Number.NaN), from: itemLanes.map(() => -1) }))
      itemLanes.forEach((lane, l) => {
        if ((laneBits & lane) !== 0 && Number.isNaN(entry.at[l]!)) {
          entry.at[l] = time
          entry.from[l] = from
        }
      })
    }
    const firstOf = (actor: number, laneBits: number, except = -2): number => {
      const entry = had.get(actor)
      let first = Number.NaN
      if (entry !== undefined) itemLanes.forEach((lane, l) => {
        if ((laneBits & lane) !== 0 && entry.from[l] !== except && !(entry.at[l]! >= first)) first = entry.at[l]!
      })
      return first
    }
    const arrivals = new Map<number, number>()
    const done = roleKinds.map(() => new Map<number, number>())
    let previous = -1
    for (const i of order) {
      const type = events[i + 1]!
      const time = events[i]!
      const stage = context.typeStage[type]!
      const actor = context.typeActor[type]!
      if (actor < 0 || stage === seen) continue
      const first = !had.has(actor) && !done.some((made) => made.has(actor))
      // An event that names a channel into its actor is an arrival; else an actor's first
      // event (or a receipt) is taken to have come from the actor before, as measureLoops reads flows.
      let channel = context.typeChannel[type]!
      if (channel < 0 && (stage === received || (first && actor !== raiser)) && previous >= 0 && previous !== actor) channel = context.channelFor(previous, actor, -1)
      const arrival = channel >= 0 && actorOf(channels[channel]!.to) === actor
      if (arrival && !arrivals.has(channel)) arrivals.set(channel, time)
      if (arrival) have(actor, (lanes.get(channel) ?? 0) & ~replyLane, time, actorOf(channels[channel]!.from))
      else if (first && actor !== raiser) have(actor, stage === changed ? decisionLane : storyLane, time, previous)
      if (stage === raised && actor === raiser) have(actor, storyLane, time, -1)
      const made = laneOfStage.get(stage)
      if (made !== undefined && stage !== raised) have(actor, made, time, -1)
      const role = roleKinds.findIndex(([, roleStage]) => roleStage === stage)
      if (role >= 0 && !done[role]!.has(actor)) done[role]!.set(actor, time)
      previous = actor
    }
    for (const [channel, lane] of lanes) {
      if ((lane & ~replyLane) === 0) continue
      // What an actor received over a channel from its receiver it does not send back.
      const start = firstOf(actorOf(channels[channel]!.from), lane, actorOf(channels[channel]!.to))
      if (Number.isNaN(start)) continue
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
    roleKinds.forEach(([role], r) => {
      const bases = new Set<number>([...had.keys(), ...done[r]!.keys()])
      for (const actor of bases) {
        if (role === 'respond' && actor === raiser) continue
        const madeAt = done[r]!.get(actor)
        // Making an asset shows the actor had what it is made from.
        const since = firstOf(actor, roleLanes[r * n + actor]!)
        if (Number.isNaN(since) && madeAt === undefined) continue
        bump(roleBase[r]!, actor)
        if (madeAt !== undefined) bump(roleDone[r]!, actor)
        if (role !== 'respond' || raiser < 0) continue
        bump(replyPairs, actor * n + raiser)
        const route = context.replyRoute(actor, raiser) ?? []
        // A reply with nothing recorded before it says nothing of how long it took.
        if (route.length > 0 && madeAt !== undefined && madeAt >= since) {
          for (const channel of route) {
            bump(delaySum, channel, (madeAt - since) / route.length)
            bump(delayCount, channel)
          }
        }
      }
    })
  }
  return assemble(model, context, { lanes, senders, passed, delaySum, delayCount, delayRatios, roleBase, roleDone, raisedBy, replyPairs }, spanDays, minItems)
}
