import type { BadInputReason } from './events.js'
import { type MeasureContext, outcomes } from './context.js'
import { stageIndex, stages } from './mapping.js'
import { levels } from '../model/vocabulary.js'

const { raised, decided, changed, replied, seen } = stageIndex

/** What one feedback item did, in indices, ready to be counted. @internal */
export interface ItemResult {
  /** When it was raised, in days since 1970. */
  readonly origin: number
  readonly raiser: number
  readonly source: number
  readonly level: number
  /** Days from raise to the first event of each stage (NaN where never reached). */
  readonly stageDays: ReadonlyArray<number>
  /** Days from raise to the first reply reporting at least heard, decided, did (NaN: not yet). */
  readonly closedDays: readonly [number, number, number]
  /** The furthest stage reached (index into `stages`). */
  readonly furthest: number
  readonly actors: ReadonlyArray<number>
  readonly channels: ReadonlyArray<number>
  /** Flows between actors no model channel joins: `[from, to]` pairs. */
  readonly unmodelled: ReadonlyArray<readonly [number, number]>
  /** The last actor an open item reached (-1: closed, or none known). */
  readonly stopsAt: number
}

/** An item with more kept events than this finds duplicates through a set of keys. */
const searchedKept = 32

const eventKey = (time: number, type: number): string => `${time}\u0000${type}`

/**
 * Sort event offsets by time, then stage, then arrival: by insertion for the few
 * events most items have (they arrive nearly in order), else by the built-in sort.
 */
const sortEvents = (kept: number[], events: ItemEvents, typeStage: ReadonlyArray<number>): void => {
  if (kept.length > searchedKept) {
    kept.sort((a, b) => events[a]! - events[b]! || typeStage[events[a + 2]!]! - typeStage[events[b + 2]!]! || a - b)
    return
  }
  for (let i = 1; i < kept.length; i++) {
    const moving = kept[i]!
    const time = events[moving]!
    const stage = typeStage[events[moving + 2]!]!
    let j = i - 1
    // Offsets grow with arrival, so an earlier one with the same time and stage stays first.
    for (; j >= 0; j--) {
      const other = kept[j]!
      const difference = events[other]! - time || typeStage[events[other + 2]!]! - stage
      if (!(difference > 0)) break
      kept[j + 1] = other
    }
    kept[j + 1] = moving
  }
}

/** Events of one item as read: the latest time read, then flat (time, row, type) triples in arrival order. @internal */
export type ItemEvents = number[]

/**
 * Measure one item from its events: drop events that go back in time by more than the
 * tolerance or repeat one already read (each reported through `bad`), order the rest by
 * time (then stage), and find its stages, flows and closure. Flows are the channels
 * events name, steps between the actors of consecutive events that name none, and each reply's way back to the raiser (the
 * shortest route of active model channels; a reply with no route is an unmodelled
 * flow). An item closes, as a traced loop does (DESIGN §3), when a reply reaches the
 * person who raised it, or when that person takes part in deciding or changing; its
 * outcome is `did` when a change came before the reply, `decided` when only a decision did, else `heard` (or what the event's
 * `outcome` cell says, if stronger). O(e log e) for e events.
 * @internal
 */
export const measureItem = (
  context: MeasureContext,
  events: ItemEvents,
  bad: (reason: BadInputReason, row: number) => void,
): ItemResult | undefined => {
  const tolerance = context.mapping.toleranceDays
  const { typeStage, typeActor } = context
  const kept: number[] = []
  // Keys of kept events, made only for an item too long to search its kept events one by one.
  let keys: Set<string> | undefined
  let latest = -Infinity
  for (let i = 1; i < events.length; i += 3) {
    const time = events[i]!
    const row = events[i + 1]!
    const type = events[i + 2]!
    if (time < latest - tolerance) {
      bad('time-backwards', row)
      continue
    }
    if (keys === undefined && kept.length === searchedKept) keys = new Set(kept.map((k) => eventKey(events[k]!, events[k + 2]!)))
    let duplicate = false
    if (keys !== undefined) {
      const key = eventKey(time, type)
      duplicate = keys.has(key)
      if (!duplicate) keys.add(key)
    } else {
      for (let k = 0; k < kept.length && !duplicate; k++) duplicate = events[kept[k]!] === time && events[kept[k]! + 2] === type
    }
    if (duplicate) {
      bad('duplicate-event', row)
      continue
    }
    if (time > latest) latest = time
    kept.push(i)
  }
  // Events at one time are taken in stage order, so the order rows arrive in never matters.
  sortEvents(kept, events, typeStage)
  let raise: number | undefined
  for (const i of kept) {
    if (typeStage[events[i + 2]!] === raised) {
      raise = i
      break
    }
  }
  if (raise === undefined) {
    bad('missing-raise', events[2]!)
    return undefined
  }
  const origin = events[raise]!
  const raiser = typeActor[events[raise + 2]!]!
  const stageDays = stages.map(() => Number.NaN)
  const closedDays: [number, number, number] = [Number.NaN, Number.NaN, Number.NaN]
  const actors = new Set<number>()
  const channels = new Set<number>()
  const pairs: Array<readonly [number, number]> = []
  const replies: Array<readonly [number, number]> = []
  let level = -1
  let previousActor = -1
  let lastActor = -1
  let furthest = 0
  for (const i of kept) {
    const type = events[i + 2]!
    const stage = context.typeStage[type]!
    const actor = context.typeActor[type]!
    const days = events[i]! - origin
    if (Number.isNaN(stageDays[stage]!)) stageDays[stage] = days
    if (stage > furthest) furthest = stage
    if (level < 0 && context.typeLevel[type]! >= 0) level = context.typeLevel[type]!
    if (context.typeChannel[type]! >= 0) channels.add(context.typeChannel[type]!)
    if (actor >= 0) {
      actors.add(actor)
      // An event that names its channel says which flow it was; otherwise the flow is from the actor before.
      if (previousActor >= 0 && previousActor !== actor && context.typeChannel[type]! < 0) pairs.push([previousActor, actor])
      previousActor = actor
      lastActor = actor
    }
    const isReply = stage === replied || stage === seen
    const isCoProduction = (stage === decided || stage === changed) && raiser >= 0 && actor === raiser && i !== raise
    if (isReply && actor >= 0 && raiser >= 0 && actor !== raiser) replies.push([actor, raiser])
    if (isReply || isCoProduction) {
      const reached = !Number.isNaN(stageDays[changed]!) ? 2 : !Number.isNaN(stageDays[decided]!) ? 1 : 0
      const outcome = Math.max(reached, context.typeOutcome[type]!)
      for (let o = 0; o <= outcome; o++) if (Number.isNaN(closedDays[o]!)) closedDays[o] = days
    }
  }
  if (level < 0) {
    for (const [from, to] of pairs) {
      const channel = context.channelFor(from, to, -1)
      if (channel >= 0) {
        level = levels.indexOf(context.model.channels[channel]!.level)
        break
      }
    }
  }
  if (level < 0 && raiser >= 0) level = levels.indexOf(context.model.actors[raiser]!.levels[0]!)
  const unmodelled: Array<readonly [number, number]> = []
  for (const [from, to] of pairs) {
    const channel = context.channelFor(from, to, level)
    if (channel >= 0) channels.add(channel)
    else if (!unmodelled.some(([a, b]) => a === from && b === to)) unmodelled.push([from, to])
  }
  // A reply goes back to the person who raised the item, by whatever route the model has.
  for (const [from, to] of replies) {
    const route = context.replyRoute(from, to)
    if (route !== undefined) for (const channel of route) channels.add(channel)
    else if (!unmodelled.some(([a, b]) => a === from && b === to)) unmodelled.push([from, to])
  }
  const source = context.typeSource[events[raise + 2]!]!
  return {
    origin,
    raiser,
    source,
    level,
    stageDays,
    closedDays,
    furthest,
    actors: [...actors],
    channels: [...channels],
    unmodelled,
    stopsAt: Number.isNaN(closedDays[0]) ? lastActor : -1,
  }
}

/** The final outcome of an item: `open`, or the strongest outcome it closed with. @internal */
export const finalOutcome = (result: ItemResult): 'open' | (typeof outcomes)[number] =>
  Number.isNaN(result.closedDays[2]) ? (Number.isNaN(result.closedDays[1]) ? (Number.isNaN(result.closedDays[0]) ? 'open' : 'heard') : 'decided') : 'did'
