import { applyIntervention } from './apply-intervention.js'
import { EventQueue, slotWidth } from './event-queue.js'
import type { Intervention } from './interventions.js'
import { type SimulationNetwork, decisionLane, storyLane } from './network.js'
import type { LatencyDistribution } from './parameters.js'
import { exponentialDraw } from './portable-math.js'
import type { RandomSource } from './random.js'
import type { ActorBehaviour } from './resolve.js'
import { ReplyRoutes } from './routes.js'
import { Tally, reachedGoverning, responded } from './tally.js'
import { VisitSet } from './visits.js'

const raiseEvent = 0
const storyEvent = 1
const decisionEvent = 2
const replyEvent = 3
const interventionEvent = 4
/** Added to a story or decision event that has already passed its receiver's capacity check. */
const admitted = 8

/** Settings of one engine run. @internal */
export interface EngineSettings {
  readonly days: number
  readonly maxEvents: number
  readonly maxHops: number
  readonly latency: LatencyDistribution
  readonly jitter: number
}

/** What the engine returns: the tally, events processed and whether a bound stopped it. @internal */
export interface EngineOutput {
  readonly tally: Tally
  readonly events: number
  readonly truncated: boolean
}

/**
 * Run the discrete-event simulation (see {@link simulate} for the rules). Events are
 * taken from a binary heap in (time, sequence) order. O(events × log(queue) + route
 * tables × (V + E)); stops after `maxEvents` events.
 * @internal
 */
export const runEngine = (
  network: SimulationNetwork,
  behaviour: ActorBehaviour,
  interventions: ReadonlyArray<Intervention>,
  settings: EngineSettings,
  random: RandomSource,
): EngineOutput => {
  const { graph, lanes, reliability, latency, enabled, removed, actorLevel } = network
  const { offsets, targets } = graph
  const { raiseRate, respond, makeSense, decide, act, recordLesson, passOn, capacityPerDay, governing } = behaviour
  const { days, maxEvents, maxHops, jitter } = settings
  const distribution = settings.latency === 'fixed' ? 0 : settings.latency === 'exponential' ? 1 : 2
  const next = random.nextFloat
  const queue = new EventQueue(days)
  const tally = new Tally(days)
  const routes = new ReplyRoutes(network)
  const span = graph.actorCount * 4
  const visited = new VisitSet(span, (experience) => tally.pending[experience]! > 0)
  const capacityDay = new Float64Array(graph.actorCount).fill(-1)
  const capacityUsed = new Float64Array(graph.actorCount)

  const delay = (e: number): number => {
    const mean = latency[e]!
    if (distribution === 0 || mean === 0) return mean
    return distribution === 1 ? exponentialDraw(mean, next()) : mean * (1 + jitter * (2 * next() - 1))
  }
  const schedule = (time: number, type: number, to: number, from: number, x: number, hops: number, e: number): void => {
    tally.messagesSent++
    if (next() >= reliability[e]!) {
      tally.messagesLost++
      return
    }
    tally.pending[x]!++
    tally.inFlightByLevel[tally.level[x]!]!++
    queue.push(time + delay(e), type, to, from, x, hops)
  }
  /**
   * Send a story or decision along every open channel of `lane` except back to `sender`.
   * The sender cannot know who has heard already; a receiver who has ignores it.
   */
  const spread = (time: number, type: number, lane: number, v: number, sender: number, x: number, hops: number): void => {
    if (hops >= maxHops) return
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = targets[e]!
      if (enabled[e] === 0 || (lanes[e]! & lane) === 0 || w === sender || removed[w] === 1) continue
      schedule(time, type, w, v, x, hops + 1, e)
    }
  }
  /** Send a reply for `x` from `v` along a route (found now unless `handle` and `step` name the next step of one). */
  const sendReply = (time: number, v: number, x: number, handle: number, step: number): boolean => {
    let route = handle
    let position = step
    if (route >= 0) {
      const e = position < routes.pool[route]! ? routes.pool[route + 1 + position]! : -1
      if (e < 0 || enabled[e] === 0 || removed[targets[e]!] === 1) route = -1
    }
    if (route < 0) {
      route = routes.find(v, tally.origin[x]!, maxHops)
      position = 0
      if (route < 0) {
        tally.repliesUnroutable++
        return false
      }
    }
    const e = routes.pool[route + 1 + position]!
    schedule(time, replyEvent, targets[e]!, route, x, position + 1, e)
    return true
  }
  /** Whether `v` may handle work now; otherwise the event is put off to the day its capacity allows. */
  const admit = (time: number, type: number, v: number, sender: number, x: number, hops: number): boolean => {
    const capacity = capacityPerDay[v]!
    if (capacity === Number.POSITIVE_INFINITY) return true
    if (capacity < 1) return false
    const day = Math.floor(time)
    if (capacityDay[v]! < day) {
      capacityDay[v] = day
      capacityUsed[v] = 0
    }
    if (capacityUsed[v]! >= capacity) {
      capacityDay[v]!++
      capacityUsed[v] = 0
    }
    capacityUsed[v]!++
    if (capacityDay[v]! === day) return true
    tally.pending[x]!++
    tally.inFlightByLevel[tally.level[x]!]!++
    queue.push(capacityDay[v]!, type | admitted, v, sender, x, hops)
    return false
  }
  /** Mark that `v` has heard of `x` this way; false when it had already, or when its capacity puts the work off. */
  const firstHearing = (time: number, type: number, v: number, sender: number, x: number, hops: number): boolean => {
    if (!visited.add(x * span + v * 4 + type)) return false
    return admit(time, type, v, sender, x, hops)
  }
  /** A decision reaches `v`: it makes the change, or passes the decision on. */
  const carryOut = (time: number, v: number, sender: number, x: number, hops: number): void => {
    if (act[v]! > 0 && next() < act[v]!) {
      tally.changes++
      tally.countOn(tally.series.changes, time, x)
    } else if (next() < passOn[v]!) {
      spread(time, decisionEvent, decisionLane, v, sender, x, hops)
    }
  }
  interventions.forEach((intervention, index) => {
    if (intervention.day < days) queue.push(intervention.day, interventionEvent, index, -1, -1, 0)
  })
  for (let v = 0; v < graph.actorCount; v++) {
    const first = raiseRate[v]! > 0 ? exponentialDraw(1 / raiseRate[v]!, next()) : days
    if (first < days) queue.push(first, raiseEvent, v, -1, -1, 0)
  }

  let events = 0
  let truncated = false
  let day = 0
  while (queue.size > 0) {
    if (events >= maxEvents) {
      truncated = true
      break
    }
    const slot = queue.pop()
    const data = queue.data
    const at = slot * slotWidth
    const time = data[at]!
    events++
    const fullType = data[at + 1]!
    const v = data[at + 2]!
    const sender = data[at + 3]!
    const x = data[at + 4]!
    const hops = data[at + 5]!
    queue.release(slot)
    while (time >= day + 1) tally.snapshot(day++)
    const type = fullType & ~admitted

    if (type === raiseEvent) {
      if (removed[v] === 1) continue
      const experience = tally.raise(v, time, actorLevel[v]!)
      visited.add(experience * span + v * 4 + storyEvent)
      spread(time, storyEvent, storyLane, v, -1, experience, 0)
      const following = time + exponentialDraw(1 / raiseRate[v]!, next())
      if (following < days) queue.push(following, raiseEvent, v, -1, -1, 0)
      continue
    }
    if (type === interventionEvent) {
      applyIntervention(network, interventions[v]!, v)
      routes.clear()
      continue
    }

    tally.inFlightByLevel[tally.level[x]!]!--
    // The message counts as pending until handled, so its experience's visits are kept meanwhile.
    if (removed[v] === 1) {
      // Dropped: the receiver has left the organisation.
    } else if (type === replyEvent) {
      if (v === tally.origin[x]) tally.close(x, time)
      else sendReply(time, v, x, sender, hops)
    } else if ((fullType & admitted) !== 0 || firstHearing(time, fullType, v, sender, x, hops)) {
      if (recordLesson[v]! > 0 && next() < recordLesson[v]!) {
        tally.lessons++
        tally.countOn(tally.series.lessons, time, x)
      }
      if (type === storyEvent) {
        if (governing[v] === 1) tally.flags[x]! |= reachedGoverning
        if (makeSense[v]! > 0 && next() < makeSense[v]!) tally.insights++
        if (respond[v]! > 0 && next() < respond[v]! && sendReply(time, v, x, -1, 0)) tally.flags[x]! |= responded
        if (decide[v]! > 0 && next() < decide[v]! && visited.add(x * span + v * 4 + decisionEvent)) {
          carryOut(time, v, -1, x, hops)
        }
        if (next() < passOn[v]!) spread(time, storyEvent, storyLane, v, sender, x, hops)
      } else {
        carryOut(time, v, sender, x, hops)
      }
    }
    tally.pending[x]!--
  }
  while (day < days) tally.snapshot(day++)
  return { tally, events, truncated }
}
