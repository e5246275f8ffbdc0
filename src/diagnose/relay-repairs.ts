import type { ProposedChannel } from '../graph/types.js'
import type { ActorId } from '../model/primitives.js'
import { compareIds } from '../model/canonical.js'
import { type Level, levels } from '../model/vocabulary.js'
import { listInWords } from './naming.js'
import type { RepairContext } from './context.js'
import { levelInCommon } from './reply-repair.js'
import type { Defect } from './types.js'

/** Senders of channels that are not active, by receiver, for one context (built on first use). */
const idleSendersCache = new WeakMap<RepairContext, ReadonlyMap<ActorId, ReadonlyArray<ActorId>>>()

const idleSendersTo = (context: RepairContext, to: ActorId): ReadonlyArray<ActorId> => {
  let byReceiver = idleSendersCache.get(context)
  if (byReceiver === undefined) {
    const built = new Map<ActorId, ActorId[]>()
    for (const channels of context.idleFrom().values()) {
      for (const channel of channels) {
        const list = built.get(channel.to)
        if (list === undefined) built.set(channel.to, [channel.from])
        else list.push(channel.from)
      }
    }
    idleSendersCache.set(context, (byReceiver = built))
  }
  return byReceiver.get(to) ?? []
}

/**
 * Who could pass something from `from` on to `to` when the two share no level (a trust
 * board and the patients on a ward): an actor that shares a level with each of them and
 * already has an active channel to `to`, else one whose channel to `to` lapsed or was
 * never opened (the ward manager whose "you said, we did" board stopped), else one `from`
 * works with (the directorate that sets a community team's plan, for a reply to the
 * trust's information team), the first by id. O(`to`'s in-channels + `from`'s channels).
 */
const relayBetween = (context: RepairContext, from: ActorId, to: ActorId): ActorId | undefined => {
  const { graph } = context
  const fromLevels = context.actor(from)?.levels ?? []
  const toLevels = context.actor(to)?.levels ?? []
  const w = graph.indexOf.get(to)
  if (w === undefined) return undefined
  const first = (candidates: Iterable<ActorId>): ActorId | undefined => {
    let chosen: ActorId | undefined
    for (const id of candidates) {
      const levels = context.actor(id)?.levels
      if (levels === undefined || id === from || id === to || levelInCommon(levels, fromLevels) === undefined || levelInCommon(levels, toLevels) === undefined) continue
      if (chosen === undefined || compareIds(id, chosen) < 0) chosen = id
    }
    return chosen
  }
  const active: ActorId[] = []
  for (let r = graph.reverseOffsets[w]!; r < graph.reverseOffsets[w + 1]!; r++) active.push(graph.actors[graph.sources[r]!]!.id)
  return first(active) ?? first(idleSendersTo(context, to)) ?? first(workingWith(context, from))
}

/** The actors `from` has an active channel with, either way: whom it works with. */
const workingWith = (context: RepairContext, from: ActorId): ActorId[] => {
  const { graph } = context
  const v = graph.indexOf.get(from)
  if (v === undefined) return []
  const ids: ActorId[] = []
  for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) ids.push(graph.actors[graph.targets[e]!]!.id)
  for (let r = graph.reverseOffsets[v]!; r < graph.reverseOffsets[v + 1]!; r++) ids.push(graph.actors[graph.sources[r]!]!.id)
  return ids
}

/** Levels in words, lowest first: "delivery", "planning and strategy". */
const levelsInWords = (taken: ReadonlyArray<Level>): string => listInWords(levels.filter((level) => taken.includes(level)))

/**
 * Each proposed channel's relayed form, by graph: the scorecard and the tidying of repairs
 * ask for the same proposals (an open loop's repairs), over the same graph and model.
 */
const relayedCache = new WeakMap<object, WeakMap<ProposedChannel, ReadonlyArray<ProposedChannel>>>()

/** A proposed channel between two actors who share no level, as two through a relay where one exists; any other channel as it is. @internal */
export const relayedChannel = (context: RepairContext, channel: ProposedChannel): ReadonlyArray<ProposedChannel> => {
  let known = relayedCache.get(context.graph)
  if (known === undefined) relayedCache.set(context.graph, (known = new WeakMap()))
  let relayed = known.get(channel)
  if (relayed === undefined) known.set(channel, (relayed = relayedAnew(context, channel)))
  return relayed
}

const relayedAnew = (context: RepairContext, channel: ProposedChannel): ReadonlyArray<ProposedChannel> => {
  const from = context.actor(channel.from)
  const to = context.actor(channel.to)
  if (from === undefined || to === undefined || levelInCommon(from.levels, to.levels) !== undefined) return [channel]
  const via = relayBetween(context, channel.from, channel.to)
  if (via === undefined) return [channel]
  const viaLevels = context.actor(via)!.levels
  const { naming } = context
  const first: ProposedChannel = {
    from: channel.from,
    to: via,
    level: levelInCommon(from.levels, viaLevels)!,
    carries: channel.carries,
    reason: `${channel.reason}, passed on by ${naming.actor(via)}`,
  }
  const second: ProposedChannel = {
    from: via,
    to: channel.to,
    level: levelInCommon(viaLevels, to.levels)!,
    carries: channel.carries,
    reason: `${naming.actor(via)} passes it on to ${naming.actor(channel.to)}: ${naming.actor(channel.from)} works at ${levelsInWords(from.levels)} level and ${naming.actor(channel.to)} at ${levelsInWords(to.levels)}, and ${naming.actor(via)} works at ${levelsInWords(viaLevels)}`,
  }
  return [channel.creates === undefined ? first : { ...first, creates: channel.creates }, second]
}

/** The steps of every declared loop, as JSON `[from, to]` pairs, for one context. */
const stepsCache = new WeakMap<RepairContext, ReadonlySet<string>>()

const declaredStepsOf = (context: RepairContext): ReadonlySet<string> => {
  let steps = stepsCache.get(context)
  if (steps === undefined) {
    const built = new Set<string>()
    for (const declared of context.model.loops) {
      for (let k = 0; k + 1 < declared.through.length; k++) built.add(JSON.stringify([declared.through[k], declared.through[k + 1]]))
    }
    stepsCache.set(context, (steps = built))
  }
  return steps
}

/**
 * The defects with every proposed channel between two actors who take part at no common
 * level (so the channel could only be at a level one of them is not at, which validation
 * warns about) routed through an actor that shares a level with each and already has a
 * channel to the receiver: a trust board's reply reaches families through the director
 * of midwifery, and the patient experience team's themes reach the board through the
 * ward manager. A declared loop's steps are kept as declared (in whichever finding
 * proposes them), and so is a channel nobody could relay. Deterministic. O(repairs × the
 * receivers' in-channels).
 * @internal
 */
export const withRelays = (context: RepairContext, defects: ReadonlyArray<Defect>): ReadonlyArray<Defect> => {
  let changed = false
  const steps = declaredStepsOf(context)
  const declaredStep = (channel: ProposedChannel): boolean => steps.size > 0 && steps.has(JSON.stringify([channel.from, channel.to]))
  const result = defects.map((defect) => {
    if (defect.repair === undefined) return defect
    const repair = defect.repair.flatMap((channel) => (declaredStep(channel) ? [channel] : relayedChannel(context, channel)))
    if (repair.length === defect.repair.length) return defect
    changed = true
    return { ...defect, repair }
  })
  return changed ? result : defects
}
