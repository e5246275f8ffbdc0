import { grown } from '../graph/grow.js'
import { applyIntervention } from './apply-intervention.js'
import { admitted, anyOpen, assetEvent, delayDrawer, derivedEvent, interventionEvent, levelShift, patienceEvent, raiseEvent } from './engine-events.js'
import { CapacityLedger } from './capacity.js'
import type { EngineOutput, EngineSettings } from './engine-settings.js'
import { EventQueue } from './event-queue.js'
import type { Intervention } from './interventions.js'
import { LiveExperiences, experienceField, laneOf, levelField, liveWidth, originField, pendingField } from './live-experiences.js'
import { levelDecided, levelHeard, madeResponse } from './item-paths.js'
import type { SimulationNetwork } from './network.js'
import { exponentialDraw } from './portable-math.js'
import type { RandomSource } from './random.js'
import type { ActorBehaviour } from './resolve.js'
import {
  actorWidth, capacityField, closedBit, edgeProfileWidth, governingBit, latencyField, packActors, packEdges, passOnField, profileShift,
  reliabilityField, removedBit, stateField,
} from './packed.js'
import { Tally, outcomeOpen, reachedGoverning, responded } from './tally.js'

/**
 * Run the discrete-event simulation (see {@link simulate} for the rules). An item is at
 * *states* (asset, actor that has it) of the run's `ItemPaths`: it travels over
 * the carrier entries of its state and is made into the derived assets its actor holds.
 * Events are taken from a day-bucket calendar queue in (time, scheduling order) order,
 * carry the slot of their item's live record rather than objects, and allocate
 * nothing; derived assets made at once are followed with an explicit stack. O(events +
 * derivations) expected; stops after `maxEvents` events.
 * @internal
 */
export const runEngine = (
  network: SimulationNetwork,
  behaviour: ActorBehaviour,
  interventions: ReadonlyArray<Intervention>,
  settings: EngineSettings,
  random: RandomSource,
): EngineOutput => {
  const { graph, actorLevel, paths } = network
  const { stateAsset, stateActor, outStart, outEnd, entryEdge, entryTarget, derivedOffsets, derivedAsset, madeClass, ownLevel, sourceOffsets, sourceStates } = paths
  const { reachOffsets: holderState, holder: holderActor } = paths.carriage
  const { undeclared } = paths.provenance
  const { raiseRate, derivation, derivationDelay } = behaviour
  const { days, maxEvents, maxHops, jitter, fatigue, recorder } = settings
  const tiring = fatigue.drop > 0
  /** Per actor: the share of its raising rate it still has (feedback fatigue). */
  const willing = new Float64Array(tiring ? graph.actorCount : 0).fill(1)
  const next = random.nextFloat
  const queue = new EventQueue(days)
  const tally = new Tally(days)
  if (recorder !== undefined) recorder.tally = tally
  const live = new LiveExperiences()
  const capacities = new CapacityLedger(graph.actorCount)
  // Rebuilt whenever an intervention changes the network.
  let { profileOf, profiles: actors } = packActors(network, behaviour)
  let { words: edgeWords, profiles: edgeProfiles } = packEdges(network)
  /** Derived assets made at once, still to follow: (state, lane) pairs. */
  let stack = new Int32Array(64)

  const delayOf = delayDrawer(settings.latency, jitter, next)
  /** Count a message about the item at live slot `s` as in flight. */
  const hold = (s: number): void => {
    live.records[s * liveWidth + pendingField]!++
    tally.inFlightByLevel[live.records[s * liveWidth + levelField]!]!++
  }
  const schedule = (time: number, type: number, to: number, from: number, s: number, hops: number, e: number): void => {
    tally.messagesSent++
    const p = (edgeWords[2 * e + 1]! >>> profileShift) * edgeProfileWidth
    if (next() >= edgeProfiles[p + reliabilityField]!) {
      tally.messagesLost++
      return
    }
    hold(s)
    queue.push(time + delayOf(edgeProfiles[p + latencyField]!), type, to, from, s, hops)
  }
  /** Mark the item at `slot` at state `s` in `lane` (false when a lane covering it was there already); count an asset the first time it is made. */
  const enter = (time: number, s: number, lane: number, slot: number): boolean => {
    const seen = live.enter(slot, s, lane)
    if (seen < 0) return false
    const a = stateAsset[s]!
    if (seen === 0 && holderState[a] === s) tally.made(madeClass[a]!, time, live.records[slot * liveWidth + levelField]!)
    if (seen === 0 && holderState[a] === s) recorder?.made(live.records[slot * liveWidth + experienceField]!, time, madeClass[a]!, stateActor[s]!)
    return true
  }
  /** Whether `v` may handle an arrival now; otherwise the event is put off to the day its capacity allows. */
  const admit = (time: number, fullType: number, v: number, s: number, sender: number, slot: number, hops: number): boolean => {
    const capacity = actors[profileOf[v]! * actorWidth + capacityField]!
    if (capacity === Number.POSITIVE_INFINITY) return true
    const booked = capacities.book(v, time, capacity)
    if (booked < 0) return false
    if (booked === Math.floor(time)) return true
    hold(slot)
    queue.push(booked, fullType | admitted, s, sender, slot, hops)
    return false
  }
  /**
   * The item at `slot` is at state `s` (already entered) in `lane`: close its loop if it
   * has come back to its raiser, make the derived assets the actor holds, and send the
   * asset on. Derived assets made at once are followed here, iteratively.
   */
  const handle = (time: number, s: number, entered: number, sender: number, slot: number, hops: number): void => {
    let top = 0
    let state = s
    let lane = entered
    let from = sender
    let travelled = hops
    const at = slot * liveWidth
    const origin = live.records[at + originField]!
    const x = live.records[at + experienceField]!
    for (;;) {
      const v = stateActor[state]!
      const a = stateAsset[state]!
      const row = profileOf[v]! * actorWidth
      const chain = lane >> 1
      if ((actors[row + stateField]! & governingBit) !== 0) tally.flags[x]! |= reachedGoverning
      // Closed as the diagnosis closes a traced loop: a reply made from the item reaches its
      // raiser on an away lane (from another's making), or the raiser itself makes a decision
      // or change from it, on an away lane or declared (`derivedFrom`) as made from it.
      if (v === origin && (madeClass[a] === madeResponse ? (lane & 1) !== 0 : chain >= levelDecided && holderState[a] === state && ((lane & 1) !== 0 || undeclared[a] === 0))) {
        if (recorder !== undefined && madeClass[a] === madeResponse) recorder.replied(x, time, holderState[a]!, paths, edgeWords)
        if (tally.reachRaiser(x, time, chain) && tiring) willing[v] = willing[v]! + fatigue.recovery * (1 - willing[v]!)
      }
      for (let i = derivedOffsets[state]!, end = derivedOffsets[state + 1]!; i < end; i++) {
        const c = derivedAsset[i]!
        const chance = derivation[c]!
        if (chance <= 0 || (chance < 1 && next() >= chance)) continue
        const made = laneOf(ownLevel[c]! > chain ? ownLevel[c]! : chain, holderActor[c] === origin ? lane & 1 : 1)
        const delay = derivationDelay[c]!
        if (delay > 0) {
          hold(slot)
          queue.push(time + delayOf(delay), derivedEvent | (made << levelShift), holderState[c]!, -1, slot, 0)
        } else if (enter(time, holderState[c]!, made, slot)) {
          if (top + 2 > stack.length) stack = grown(stack, stack.length * 2)
          stack[top++] = holderState[c]!
          stack[top++] = made
        }
      }
      // What an actor raises or makes it sends; what it receives it passes on with `passOn`.
      const first = outStart[state]!
      const last = outEnd[state]!
      // A reply counts as sent when an open channel carries it on, or when the raiser makes
      // it on an away lane; the raiser's own newsletter made from its own item is no reply.
      if (madeClass[a] === madeResponse && from < 0 && holderState[a] === state) {
        if (v === origin ? (lane & 1) !== 0 : anyOpen(edgeWords, entryEdge, first, last)) tally.flags[x]! |= responded
        else if (v !== origin) tally.repliesUnroutable++
      }
      if (travelled < maxHops && first < last) {
        const passOn = actors[row + passOnField]!
        if (from < 0 || passOn >= 1 || next() < passOn) {
          const type = assetEvent | (lane << levelShift)
          for (let i = first; i < last; i++) {
            const e = entryEdge[i]!
            if ((edgeWords[2 * e + 1]! & closedBit) !== 0 || edgeWords[2 * e] === from) continue
            schedule(time, type, entryTarget[i]!, v, slot, travelled + 1, e)
          }
        }
      }
      if (top === 0) return
      lane = stack[--top]!
      state = stack[--top]!
      from = -1
      travelled = 0
    }
  }
  interventions.forEach((intervention, index) => {
    if (intervention.day < days) queue.push(intervention.day, interventionEvent, index, -1, -1, 0)
  })
  for (let v = 0; v < graph.actorCount; v++) {
    // An actor that holds no source has nothing to raise.
    if (raiseRate[v]! <= 0 || sourceOffsets[v + 1] === sourceOffsets[v]) continue
    const first = exponentialDraw(1 / raiseRate[v]!, next())
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
    // The receiving state for arrivals and derived assets; the actor for raises and patience.
    const target = queue.actor
    const sender = queue.sender
    // Messages carry their item's live slot (raises and interventions carry -1).
    const slot = queue.experience
    const hops = queue.hops
    while (time >= day + 1) tally.snapshot(day++)
    const type = fullType & 7

    if (type === raiseEvent) {
      const v = target
      if ((actors[profileOf[v]! * actorWidth + stateField]! & removedBit) !== 0) continue
      // Fatigue thins the actor's Poisson process: each raise happens with the share of willingness left.
      if (!tiring || next() < willing[v]!) {
        const level = actorLevel[v]!
        const count = sourceOffsets[v + 1]! - sourceOffsets[v]!
        const source = sourceStates[sourceOffsets[v]! + (count === 1 ? 0 : Math.floor(next() * count))]!
        const x = tally.raise(time, v, level, stateAsset[source]!)
        const raised = live.open(x, v, level)
        recorder?.add(x, time, 'raised', v)
        enter(time, source, laneOf(levelHeard, 0), raised)
        handle(time, source, laneOf(levelHeard, 0), -1, raised, 0)
        if (live.records[raised * liveWidth + pendingField] === 0) live.release(raised)
        if (tiring) queue.push(time + fatigue.patienceDays, patienceEvent, v, x, -1, 0)
      }
      const following = time + exponentialDraw(1 / raiseRate[v]!, next())
      if (following < days) queue.push(following, raiseEvent, v, -1, -1, 0)
      continue
    }
    if (type === patienceEvent) {
      // `sender` holds the item's number.
      if (tally.outcome[sender] === outcomeOpen) willing[target] = willing[target]! * (1 - fatigue.drop)
      continue
    }
    if (type === interventionEvent) {
      applyIntervention(network, interventions[target]!, target)
      ;({ profileOf, profiles: actors } = packActors(network, behaviour))
      ;({ words: edgeWords, profiles: edgeProfiles } = packEdges(network))
      continue
    }

    // The item's live slot; it stays live while this message counts as pending.
    const at = slot * liveWidth
    tally.inFlightByLevel[live.records[at + levelField]!]!--
    const v = stateActor[target]!
    const lane = fullType >>> levelShift
    if ((actors[profileOf[v]! * actorWidth + stateField]! & removedBit) !== 0) {
      // Dropped: the receiver has left the organisation.
    } else if (type === derivedEvent) {
      if (enter(time, target, lane, slot)) handle(time, target, lane, -1, slot, 0)
    } else if ((fullType & admitted) !== 0) {
      handle(time, target, lane, sender, slot, hops)
    } else if (enter(time, target, lane, slot)) {
      if (recorder !== undefined && madeClass[stateAsset[target]!] !== madeResponse) recorder.add(live.records[at + experienceField]!, time, 'received', v, sender, stateAsset[target]!)
      if (madeClass[stateAsset[target]!] === madeResponse || admit(time, fullType, v, target, sender, slot, hops)) handle(time, target, lane, sender, slot, hops)
    }
    if (--live.records[at + pendingField]! === 0) live.release(slot)
  }
  while (day < days) tally.snapshot(day++)
  return { tally, events, truncated, endTime }
}
