import { applyIntervention } from './apply-intervention.js'
import { CapacityLedger } from './capacity.js'
import type { EngineOutput, EngineSettings } from './engine-settings.js'
import { EventQueue } from './event-queue.js'
import type { Intervention } from './interventions.js'
import { LiveExperiences, experienceField, levelField, liveWidth, originField, pendingField } from './live-experiences.js'
import { type SimulationNetwork, decisionLane, storyLane } from './network.js'
import { exponentialDraw } from './portable-math.js'
import type { RandomSource } from './random.js'
import type { ActorBehaviour } from './resolve.js'
import {
  actField, actorWidth, capacityField, closedBit, decideField, edgeProfileWidth, governingBit, latencyField, makeSenseField,
  packActors, packEdges, passOnField, profileShift, recordLessonField, reliabilityField, removedBit, respondField, stateField,
} from './packed.js'
import { ReplyRoutes } from './routes.js'
import { Tally, changed, decided, outcomeOpen, reachedGoverning, responded } from './tally.js'

const raiseEvent = 0
const storyEvent = 1
const decisionEvent = 2
const replyEvent = 3
const interventionEvent = 4
/** An experience's raiser has waited its patience for a reply (feedback fatigue only). */
const patienceEvent = 5
/** Added to a story or decision event that has already passed its receiver's capacity check. */
const admitted = 8

/**
 * Run the discrete-event simulation (see {@link simulate} for the rules). Events are
 * taken from a day-bucket calendar queue in (time, scheduling order) order, carry the
 * slot of their experience's live record rather than objects, and allocate nothing.
 * O(events) expected for the queue and visit sets, plus one bidirectional search per
 * new (sender, raiser) pair of a reply, O(V + E) at worst; stops after `maxEvents`
 * events.
 * @internal
 */
export const runEngine = (
  network: SimulationNetwork,
  behaviour: ActorBehaviour,
  interventions: ReadonlyArray<Intervention>,
  settings: EngineSettings,
  random: RandomSource,
): EngineOutput => {
  const { graph, enabled, actorLevel } = network
  const { offsets, targets } = graph
  const { raiseRate } = behaviour
  const { days, maxEvents, maxHops, jitter, recorder } = settings
  const fatigue = settings.fatigue
  const tiring = fatigue.drop > 0
  /** Per actor: the share of its raising rate it still has (feedback fatigue). */
  const willing = new Float64Array(tiring ? graph.actorCount : 0).fill(1)
  const distribution = settings.latency === 'fixed' ? 0 : settings.latency === 'exponential' ? 1 : 2
  const next = random.nextFloat
  const queue = new EventQueue(days)
  const tally = new Tally(days)
  if (recorder !== undefined) recorder.tally = tally
  const routes = new ReplyRoutes(network)
  const live = new LiveExperiences()
  const capacities = new CapacityLedger(graph.actorCount)
  // Rebuilt whenever an intervention changes the network.
  let { profileOf, profiles: actors } = packActors(network, behaviour)
  let { words: edgeWords, profiles: edgeProfiles } = packEdges(network)

  /** Where edge `e`'s (reliability, latency) row starts in `edgeProfiles`. */
  const edgeProfile = (e: number): number => (edgeWords[2 * e + 1]! >>> profileShift) * edgeProfileWidth
  const delay = (p: number): number => {
    const mean = edgeProfiles[p + latencyField]!
    if (distribution === 0 || mean === 0) return mean
    return distribution === 1 ? exponentialDraw(mean, next()) : mean * (1 + jitter * (2 * next() - 1))
  }
  /** Count a message about the experience at live slot `s` as in flight. */
  const hold = (s: number): void => {
    const records = live.records
    records[s * liveWidth + pendingField]!++
    tally.inFlightByLevel[records[s * liveWidth + levelField]!]!++
  }
  const schedule = (time: number, type: number, to: number, from: number, s: number, hops: number, e: number): void => {
    tally.messagesSent++
    const p = edgeProfile(e)
    if (next() >= edgeProfiles[p + reliabilityField]!) {
      tally.messagesLost++
      return
    }
    hold(s)
    queue.push(time + delay(p), type, to, from, s, hops)
  }
  /**
   * Send a story or decision along every open channel of `lane` except back to `sender`.
   * The sender cannot know who has heard already; a receiver who has ignores it.
   */
  const spread = (time: number, type: number, lane: number, v: number, sender: number, slot: number, hops: number): void => {
    if (hops >= maxHops) return
    for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
      const bits = edgeWords[2 * e + 1]!
      const w = edgeWords[2 * e]!
      if ((bits & lane) === 0 || (bits & closedBit) !== 0 || w === sender) continue
      schedule(time, type, w, v, slot, hops + 1, e)
    }
  }
  /** Send a reply about the experience at live `slot` from `v` along a route (found now unless `handle` and `step` name the next step of one). */
  const sendReply = (time: number, v: number, slot: number, handle: number, step: number): boolean => {
    let route = handle
    let position = step
    if (route >= 0) {
      const e = position < routes.pool[route]! ? routes.pool[route + 1 + position]! : -1
      if (e < 0 || enabled[e] === 0) route = -1
    }
    if (route < 0) {
      route = routes.find(v, live.records[slot * liveWidth + originField]!, maxHops)
      position = 0
      if (route < 0) {
        tally.repliesUnroutable++
        return false
      }
    }
    const e = routes.pool[route + 1 + position]!
    schedule(time, replyEvent, targets[e]!, route, slot, position + 1, e)
    return true
  }
  /** Whether `v` may handle work now; otherwise the event is put off to the day its capacity allows. */
  const admit = (time: number, type: number, v: number, sender: number, slot: number, hops: number): boolean => {
    const capacity = actors[profileOf[v]! * actorWidth + capacityField]!
    if (capacity === Number.POSITIVE_INFINITY) return true
    const booked = capacities.book(v, time, capacity)
    if (booked < 0) return false
    if (booked === Math.floor(time)) return true
    hold(slot)
    queue.push(booked, type | admitted, v, sender, slot, hops)
    return false
  }
  /** Mark that `v` has heard of the experience at `slot` this way; false when it had already, or when its capacity puts the work off. */
  const firstHearing = (time: number, type: number, v: number, sender: number, slot: number, hops: number): boolean => {
    if (!live.visit(slot, v * 2 + (type === storyEvent ? 0 : 1))) return false
    return admit(time, type, v, sender, slot, hops)
  }
  /** A decision reaches `v`: it makes the change, or passes the decision on. */
  const carryOut = (time: number, v: number, sender: number, slot: number, hops: number): void => {
    const at = profileOf[v]! * actorWidth
    if (actors[at + actField]! > 0 && next() < actors[at + actField]!) {
      tally.flags[live.records[slot * liveWidth + experienceField]!]! |= changed
      tally.changes++
      recorder?.add(live.records[slot * liveWidth + experienceField]!, time, 'changed', v)
      tally.countOn(tally.series.changes, time, live.records[slot * liveWidth + levelField]!)
    } else if (next() < actors[at + passOnField]!) {
      spread(time, decisionEvent, decisionLane, v, sender, slot, hops)
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
  let endTime = days
  let day = 0
  while (queue.take()) {
    // Every pending event will be taken, so once those already due exceed what is left of
    // the bound the run can only end cut: stop now, which also bounds the queue's memory
    // by maxEvents (plus one event's fan-out) however fast events breed.
    if (events + 1 + queue.size > maxEvents) {
      truncated = true
      endTime = queue.time
      break
    }
    events++
    const time = queue.time
    const fullType = queue.type
    const v = queue.actor
    const sender = queue.sender
    // Messages carry their experience's live slot (raises and interventions carry -1).
    const slot = queue.experience
    const hops = queue.hops
    while (time >= day + 1) tally.snapshot(day++)
    const type = fullType & ~admitted

    if (type === raiseEvent) {
      if ((actors[profileOf[v]! * actorWidth + stateField]! & removedBit) !== 0) continue
      // Fatigue thins the actor's Poisson process: each raise happens with the share of willingness left.
      if (!tiring || next() < willing[v]!) {
        const level = actorLevel[v]!
        const x = tally.raise(time, v, level)
        const raised = live.open(x, v, level)
        recorder?.add(x, time, 'raised', v)
        live.visit(raised, v * 2)
        spread(time, storyEvent, storyLane, v, -1, raised, 0)
        if (live.records[raised * liveWidth + pendingField] === 0) live.release(raised)
        if (tiring) queue.push(time + fatigue.patienceDays, patienceEvent, v, x, -1, 0)
      }
      const following = time + exponentialDraw(1 / raiseRate[v]!, next())
      if (following < days) queue.push(following, raiseEvent, v, -1, -1, 0)
      continue
    }
    if (type === patienceEvent) {
      // `sender` holds the experience's number.
      if (tally.outcome[sender] === outcomeOpen) willing[v] = willing[v]! * (1 - fatigue.drop)
      continue
    }
    if (type === interventionEvent) {
      applyIntervention(network, interventions[v]!, v)
      routes.clear()
      ;({ profileOf, profiles: actors } = packActors(network, behaviour))
      ;({ words: edgeWords, profiles: edgeProfiles } = packEdges(network))
      continue
    }

    // The experience's live slot; it stays live while this message counts as pending.
    const at = slot * liveWidth
    const level = live.records[at + levelField]!
    tally.inFlightByLevel[level]!--
    const actor = profileOf[v]! * actorWidth
    const state = actors[actor + stateField]!
    if (recorder !== undefined && type !== replyEvent && (fullType & admitted) === 0 && (state & removedBit) === 0) recorder.add(live.records[at + experienceField]!, time, 'received', v, sender, type === storyEvent ? storyLane : decisionLane)
    if ((state & removedBit) !== 0) {
      // Dropped: the receiver has left the organisation.
    } else if (type === replyEvent) {
      if (v === live.records[at + originField]) {
        recorder?.add(live.records[at + experienceField]!, time, 'replied', network.edgeSource[routes.pool[sender + 1]!]!, -1, 0, routes.pool[sender + 1]!)
        if (tally.reachRaiser(live.records[at + experienceField]!, time) && tiring) willing[v] = willing[v]! + fatigue.recovery * (1 - willing[v]!)
      } else sendReply(time, v, slot, sender, hops)
    } else if ((fullType & admitted) !== 0 || firstHearing(time, fullType, v, sender, slot, hops)) {
      if (actors[actor + recordLessonField]! > 0 && next() < actors[actor + recordLessonField]!) {
        tally.lessons++
        tally.countOn(tally.series.lessons, time, level)
      }
      if (type === storyEvent) {
        if ((state & governingBit) !== 0) tally.flags[live.records[at + experienceField]!]! |= reachedGoverning
        if (actors[actor + makeSenseField]! > 0 && next() < actors[actor + makeSenseField]!) {
          tally.insights++
          recorder?.add(live.records[at + experienceField]!, time, 'themed', v)
        }
        if (actors[actor + respondField]! > 0 && next() < actors[actor + respondField]! && sendReply(time, v, slot, -1, 0)) tally.flags[live.records[at + experienceField]!]! |= responded
        if (actors[actor + decideField]! > 0 && next() < actors[actor + decideField]! && live.visit(slot, v * 2 + 1)) {
          tally.flags[live.records[at + experienceField]!]! |= decided
          recorder?.add(live.records[at + experienceField]!, time, 'decided', v)
          carryOut(time, v, -1, slot, hops)
        }
        if (next() < actors[actor + passOnField]!) spread(time, storyEvent, storyLane, v, sender, slot, hops)
      } else {
        carryOut(time, v, sender, slot, hops)
      }
    }
    if (--live.records[at + pendingField]! === 0) live.release(slot)
  }
  while (day < days) tally.snapshot(day++)
  return { tally, events, truncated, endTime }
}
