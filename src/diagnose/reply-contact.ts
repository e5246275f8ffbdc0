import { reachPosition } from '../graph/carriage.js'
import type { TracedLoop } from '../graph/trace-types.js'
import type { ProposedChannel } from '../graph/types.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import { isLayVoice } from '../model/vocabulary.js'
import type { DiagnosisContext } from './context.js'
import { activeChannelsBetween, anyChannelsBetween } from './activate-repairs.js'
import { levelInCommon, levelOfChannel, replyMadeFrom, sharedLevel } from './reply-repair.js'

/**
 * A proposed reply to a loop's holder as the holder would want it: a new reply written by
 * an actor with no channel to the holder (the services a board commissions, answering the
 * youth council that spoke to the board) is written instead by the one the holder spoke
 * to, whom the writer tells what it made (unless that already reaches them), so that the
 * answer comes over the channel the holder already has; where that one is an
 * intermediary (a story platform, Healthwatch), it passes the writer's reply on. Not for
 * a professional holder that works at a level with the writer; any other proposal as it is. @internal
 */
export const viaContact = (context: DiagnosisContext, loop: TracedLoop, proposal: ProposedChannel): ReadonlyArray<ProposedChannel> => {
  const created = proposal.creates?.[0]
  if (proposal.to !== loop.holder || created === undefined || created.kind !== 'response' || created.derivedFrom.length !== 1) return [proposal]
  const made = created.derivedFrom[0]!
  const responder = proposal.from
  // People are answered through whom they spoke to; a professional team that works at a
  // level with the writer (clinical governance, told by the health advisers what changed
  // after its call audit) is told directly, not through a body it reports to.
  const holder = context.actor(loop.holder)
  const writer = context.actor(responder)
  if (holder !== undefined && writer !== undefined && !isLayVoice(holder.perspective) && levelInCommon(holder.levels, writer.levels) !== undefined) return [proposal]
  const contact = hasChannelTo(context, responder, loop.holder) ? undefined : contactOf(context, loop, responder)
  if (contact === undefined) return [proposal]
  const { naming } = context
  // The answer goes at the level of the channel the holder already has from the contact.
  const level = levelOfChannel(context, contact, loop.holder)
  // An intermediary (a story platform, Healthwatch) publishes the maker's own reply rather than writing one.
  if (context.actor(contact)?.kind === 'intermediary') {
    return [
      { ...proposal, to: contact, level: sharedLevel(context, responder, contact), reason: `${proposal.reason}, passed on by ${naming.actor(contact)}` },
      { from: contact, to: loop.holder, level, carries: proposal.carries, reason: `${naming.actor(contact)} passes it on to ${naming.actor(loop.holder)}, who spoke to them` },
    ]
  }
  const reply = { ...replyMadeFrom(context, { source: loop.source, holder: loop.holder, made, responder: contact }), level }
  if (reaches(context, made, contact)) return [reply]
  return [
    {
      from: responder,
      to: contact,
      level: sharedLevel(context, responder, contact),
      carries: [made],
      reason: `let ${naming.actor(contact)} know ${naming.asset(made)}, so that they can tell ${naming.actor(loop.holder)}`,
    },
    reply,
  ]
}

/** Whether `from` has a channel to `to`, active or not. */
const hasChannelTo = (context: DiagnosisContext, from: ActorId, to: ActorId): boolean => anyChannelsBetween(context, from, to).length > 0

/** Whether asset `id` reaches `actor` over active channels (its holder has it). @internal */
export const reaches = (context: DiagnosisContext, id: AssetId, actor: ActorId): boolean => {
  const { carriage, graph } = context.traceIndex()
  const a = carriage.assetIndex.get(id)
  const v = graph.indexOf.get(actor)
  return a !== undefined && v !== undefined && reachPosition(carriage, a, v) >= 0
}

/**
 * The actor the holder spoke to: of those the source reached, in route order then trace
 * order, the first (not the responder) with an active channel back to the holder.
 */
const contactOf = (context: DiagnosisContext, loop: TracedLoop, responder: ActorId): ActorId | undefined => {
  for (const actor of [...loop.steps.map((step) => step.to), ...loop.reached]) {
    if (actor !== loop.holder && actor !== responder && activeChannelsBetween(context, actor, loop.holder).length > 0) return actor
  }
  return undefined
}

