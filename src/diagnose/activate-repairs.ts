import type { ProposedAsset, ProposedChannel } from '../graph/types.js'
import type { Channel } from '../model/codecs.js'
import type { ActorId } from '../model/primitives.js'
import { compareIds } from '../model/canonical.js'
import type { RepairContext } from './context.js'
import type { Defect } from './types.js'

/** Kinds of the assets a defect's repairs create, by id: a relay's second channel carries what its first creates. */
type Created = ReadonlyMap<string, ProposedAsset['kind']>

/** Whether `ids` name a reply: an asset of the model, or one the repairs create, of kind `response`. */
const listsReply = (context: RepairContext, created: Created, ids: ReadonlyArray<string>): boolean =>
  ids.some((id) => (context.asset(id as never)?.kind ?? created.get(id)) === 'response')

/**
 * The channel a proposed one should bring back rather than run beside: a channel with
 * the same ends that is not active (lapsed, or planned and never opened) and was for the
 * same purpose (it lists something the proposal carries, or both carry replies),
 * preferring one that lists something the proposal carries, then one at its level, then
 * the first by id. O(the sender's channels that are not active).
 */
const lapsedBetween = (context: RepairContext, proposal: ProposedChannel, created: Created): Channel | undefined => {
  // The trace's index of channels that are not active, by sender: the context's model lists them in id order.
  const idle = (context.idleFrom().get(proposal.from) ?? []).filter((channel) => channel.to === proposal.to)
  // Only a channel for the same purpose: one that listed something the proposal carries, or
  // a reply channel for a proposal that carries a reply. A lapsed 15 Steps report channel is
  // not brought back to carry the FFT dashboard.
  const replies = (ids: ReadonlyArray<string>) => listsReply(context, created, ids)
  const related = idle.filter((channel) => channel.carries.some((id) => proposal.carries.includes(id)) || (replies(proposal.carries) && replies(channel.carries)))
  return (
    related.find((channel) => channel.carries.some((id) => proposal.carries.includes(id))) ??
    related.find((channel) => channel.level === proposal.level) ??
    related[0]
  )
}

/**
 * The active channels from one actor to another, in id order (the context's model lists
 * channels in id order, and edges follow it), read from the compiled graph: O(the
 * sender's active channels), with no index of every pair of a large model. @internal
 */
export const activeChannelsBetween = (context: RepairContext, from: ActorId, to: ActorId): ReadonlyArray<Channel> => {
  const { graph } = context
  const v = graph.indexOf.get(from)
  const w = graph.indexOf.get(to)
  if (v === undefined || w === undefined) return []
  const channels: Channel[] = []
  for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) if (graph.targets[e] === w) channels.push(graph.model.channels[graph.edgeChannel[e]!]!)
  return channels
}

/**
 * Every channel (any status) from one actor to another, in id order: the active ones from
 * the compiled graph merged with the others from the index of channels that are not
 * active, both already in id order. O(the sender's channels), with no index of every pair,
 * which a large model pays for in memory. @internal
 */
export const anyChannelsBetween = (context: RepairContext, from: ActorId, to: ActorId): ReadonlyArray<Channel> => {
  const active = activeChannelsBetween(context, from, to)
  const idle = (context.idleFrom().get(from) ?? []).filter((channel) => channel.to === to)
  if (idle.length === 0) return active
  const merged: Channel[] = []
  let i = 0
  let j = 0
  while (i < active.length || j < idle.length) {
    merged.push(j >= idle.length || (i < active.length && compareIds(active[i]!.id, idle[j]!.id) <= 0) ? active[i++]! : idle[j++]!)
  }
  return merged
}

/**
 * Whether an active channel between the same two actors already carries everything a
 * proposal would, creating nothing: the proposal changes nothing.
 */
const alreadyRunning = (context: RepairContext, proposal: ProposedChannel): boolean =>
  (proposal.creates === undefined || proposal.creates.length === 0) &&
  activeChannelsBetween(context, proposal.from, proposal.to).some((channel) => proposal.carries.every((id) => channel.carries.includes(id)))

/**
 * An active channel between the same two actors, at the proposal's level, that what it
 * carries can travel on: one that lists something of the same story (what the proposal
 * carries, or what a reply it creates is made from), else, for a reply, one that carries
 * replies, else the first by id. The carers already talk to PALS: their routines go on
 * that channel, not on a second one beside it; a GP practice's reply to its Friends and
 * Family Test goes on the website page that shows the FFT results, not in complaint letters.
 */
const runningBetween = (context: RepairContext, proposal: ProposedChannel, created: Created): Channel | undefined => {
  const running = activeChannelsBetween(context, proposal.from, proposal.to).filter((channel) => channel.level === proposal.level)
  if (running.length <= 1) return running[0]
  const story = new Set<string>([...proposal.carries, ...(proposal.creates ?? []).flatMap((asset) => asset.derivedFrom ?? [])])
  return (
    running.find((channel) => channel.carries.some((id) => story.has(id))) ??
    (listsReply(context, created, proposal.carries) ? running.find((channel) => listsReply(context, created, channel.carries)) : undefined) ??
    running[0]
  )
}

/**
 * A proposed channel as the one it brings back, when the two actors already have a
 * channel for the same purpose that is not active, or as an addition to an active one
 * between them at its level.
 */
const activating = (context: RepairContext, proposal: ProposedChannel, created: Created): ProposedChannel => {
  if (proposal.activates !== undefined || proposal.extends !== undefined) return proposal
  const lapsed = lapsedBetween(context, proposal, created)
  if (lapsed !== undefined) return { ...proposal, level: lapsed.level, activates: lapsed.id }
  const running = runningBetween(context, proposal, created)
  return running === undefined ? proposal : { ...proposal, extends: running.id }
}

/**
 * The defects' repairs measured against the channels the model has. A proposed channel
 * whose ends already have a channel that is not active becomes bringing that channel
 * back (`activates`, at that channel's level): where a themes report lapsed, the repair
 * restarts it rather than adding a second channel beside it, as a ward manager would;
 * applying it makes the channel active and adds what the proposal carries to what it
 * lists. Otherwise, where they have an active channel at the proposal's level, what
 * should travel is listed on it (`extends`). A proposed channel that an active one
 * between the same actors already is (carrying all it would, creating nothing) changes
 * nothing and is dropped, with the repair when nothing is left of it: the finding needs
 * another fix (what a plan is declared to be made from, say), not a second copy of a
 * channel. Deterministic.
 * O(channels once + repairs × their senders' channels).
 * @internal
 */
export const withActivations = (context: RepairContext, defects: ReadonlyArray<Defect>): ReadonlyArray<Defect> => {
  let changed = false
  const result = defects.map((defect): Defect => {
    if (defect.repair === undefined) return defect
    const created: Created = new Map(defect.repair.flatMap((proposal) => (proposal.creates ?? []).map((asset) => [asset.id, asset.kind] as const)))
    const repair = defect.repair.filter((proposal) => !alreadyRunning(context, proposal)).map((proposal) => activating(context, proposal, created))
    if (repair.length === defect.repair.length && repair.every((proposal, index) => proposal === defect.repair![index])) return defect
    changed = true
    if (repair.length > 0) return { ...defect, repair }
    const { repair: _dropped, ...rest } = defect
    return rest
  })
  return changed ? result : defects
}

/**
 * Repairs of different findings that meet on one pair of actors: where one brings back a
 * channel between them, another proposing a new channel between the same two at that
 * channel's level goes on the channel brought back, rather than beside it: the
 * committee's findings go on the referral to the directorate that another repair
 * restores. Deterministic: the first channel brought back (in defect order) for each
 * pair and level. O(repairs).
 * @internal
 */
export const withSharedActivations = (defects: ReadonlyArray<Defect>): ReadonlyArray<Defect> => {
  const back = new Map<string, ProposedChannel>()
  const pair = (proposal: ProposedChannel): string => JSON.stringify([proposal.from, proposal.to, proposal.level])
  for (const defect of defects) for (const proposal of defect.repair ?? []) if (proposal.activates !== undefined && !back.has(pair(proposal))) back.set(pair(proposal), proposal)
  if (back.size === 0) return defects
  let changed = false
  const result = defects.map((defect): Defect => {
    if (defect.repair === undefined || !defect.repair.some((proposal) => proposal.activates === undefined && proposal.extends === undefined && back.has(pair(proposal)))) return defect
    changed = true
    const repair = defect.repair.map((proposal) => {
      const restored = proposal.activates === undefined && proposal.extends === undefined ? back.get(pair(proposal)) : undefined
      return restored === undefined ? proposal : { ...proposal, activates: restored.activates }
    })
    return { ...defect, repair }
  })
  return changed ? result : defects
}
