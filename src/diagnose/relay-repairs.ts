import type { ProposedChannel } from '../graph/types.js'
import type { ActorId } from '../model/primitives.js'
import { compareIds } from '../model/canonical.js'
import type { DiagnosisContext } from './context.js'
import { levelInCommon } from './reply-repair.js'
import type { Defect } from './types.js'

/**
 * Who could pass something from `from` on to `to` when the two share no level (a trust
 * board and the families on a ward): an actor that already has an active channel to
 * `to` and shares a level with each of them, the first by id. O(`to`'s in-channels).
 */
const relayBetween = (context: DiagnosisContext, from: ActorId, to: ActorId): ActorId | undefined => {
  const { graph } = context
  const fromLevels = context.actor(from)?.levels ?? []
  const toLevels = context.actor(to)?.levels ?? []
  const w = graph.indexOf.get(to)
  if (w === undefined) return undefined
  let chosen: ActorId | undefined
  for (let r = graph.reverseOffsets[w]!; r < graph.reverseOffsets[w + 1]!; r++) {
    const actor = graph.actors[graph.sources[r]!]!
    if (actor.id === from || actor.id === to || levelInCommon(actor.levels, fromLevels) === undefined || levelInCommon(actor.levels, toLevels) === undefined) continue
    if (chosen === undefined || compareIds(actor.id, chosen) < 0) chosen = actor.id
  }
  return chosen
}

/** A proposed channel between two actors who share no level, as two through a relay where one exists; any other channel as it is. @internal */
export const relayedChannel = (context: DiagnosisContext, channel: ProposedChannel): ReadonlyArray<ProposedChannel> => {
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
    reason: `${naming.actor(via)} passes it on to ${naming.actor(channel.to)}, who share no level with ${naming.actor(channel.from)}`,
  }
  return [channel.creates === undefined ? first : { ...first, creates: channel.creates }, second]
}

/**
 * The defects with every proposed channel between two actors who take part at no common
 * level (so the channel could only be at a level one of them is not at, which validation
 * warns about) routed through an actor that shares a level with each and already has a
 * channel to the receiver: a trust board's reply reaches families through the director
 * of midwifery, and the patient experience team's themes reach the board through the
 * ward manager. A declared loop's steps are kept as declared, and so is a channel nobody
 * could relay. Deterministic. O(repairs × the receivers' in-channels).
 * @internal
 */
export const withRelays = (context: DiagnosisContext, defects: ReadonlyArray<Defect>): ReadonlyArray<Defect> => {
  let changed = false
  const result = defects.map((defect) => {
    // A declared loop names its steps: its repairs are the channels it declares.
    if (defect.repair === undefined || defect.rule === 'declared-loop-broken') return defect
    const repair = defect.repair.flatMap((channel) => relayedChannel(context, channel))
    if (repair.length === defect.repair.length) return defect
    changed = true
    return { ...defect, repair }
  })
  return changed ? result : defects
}
