import type { TracedLoop } from '../../graph/trace-types.js'
import type { ProposedChannel } from '../../graph/types.js'
import type { DeclaredLoop } from '../../model/codecs.js'
import type { ActorId, AssetId, ChannelId } from '../../model/primitives.js'
import type { DiagnosisContext } from '../context.js'
import { levelPreferring, replyMadeFrom } from '../reply-repair.js'
import { reaches } from '../reply-contact.js'
import { type ChainLevel, outcomeRank } from './chain-levels.js'
import { sortedUnique } from './words.js'

/*
 * The channel each broken step of a declared loop needs (see \`walkDeclaredLoop\`). @internal
 */

/**
 * A step's repair on the step's own lapsed channel, when it has one (the one at the
 * repair's level first): on the way home the loop declares that channel as its feedback
 * route, so it is brought back, whatever it listed, rather than run beside (a
 * directorate's lapsed feedback to the DEEP group that listed its plan carries the
 * directorate's answer too). On the way out a lapsed channel for something else stays
 * as it is (a 15 Steps report's channel is not revived for the FFT dashboard).
 */
export const onLapsedStep = (context: DiagnosisContext, repair: ProposedChannel, idle: ReadonlyArray<ChannelId>): ProposedChannel => {
  if (idle.length === 0 || repair.activates !== undefined) return repair
  const channels = idle.map((id) => context.channel(id)).filter((channel) => channel !== undefined)
  const channel = channels.find((candidate) => candidate.level === repair.level) ?? channels[0]
  return channel === undefined ? repair : { ...repair, level: channel.level, activates: channel.id }
}

export interface StepAt {
  readonly from: ActorId
  readonly to: ActorId
  readonly back: boolean
  /** Whether the step goes back to an actor the loop passed before (on its way home). */
  readonly returning: boolean
  readonly available: ReadonlyArray<AssetId>
  readonly idle: ReadonlyArray<ChannelId>
  readonly subject: TracedLoop | undefined
}

/**
 * The channel a broken step needs: back to the source's holder, a reply the sender has
 * (the best made), else a new one made from the furthest thing it has; on the way out,
 * what the step's lapsed channel carried of what the sender has, else the furthest thing
 * it has (on a tie, what is made from the other, unless the sender sends it to someone
 * else); with nothing of the trace, what the idle channels carried.
 */
export const stepRepair = (
  context: DiagnosisContext,
  declared: DeclaredLoop,
  step: StepAt,
  level: ReadonlyMap<AssetId, ChainLevel>,
  stageOf: (id: AssetId) => number,
): ProposedChannel => {
  const { naming } = context
  const { from, to, back, available, subject } = step
  const loopWords = `declared loop ${context.naming.loop(declared.id)}`
  // At the loop's level when both ends take part in it; else at one they share (a PCREF loop
  // declared at planning level whose last step, clinicians to service users, is at delivery).
  const stepLevel = levelPreferring(context, to, from, declared.level)
  // Later stage first, then the better chain, then what the step's idle channels used to
  // carry, then what is made from the other (an ICB's dashboard made from a PCN's return,
  // not the return handed back): later in the trace's provenance order.
  const idleCarried = new Set(step.idle.flatMap((id) => context.channel(id)?.carries ?? []))
  // Not what the sender sends someone else (a committee chair's report to the board, which
  // mixes other business): that has its own audience.
  const derived = subject?.derived ?? []
  const order = new Map(derived.map((id, k) => [id, (k + 1) / (derived.length + 1)]))
  const elsewhere = new Set(sentElsewhere(context, from, to))
  const rank = (id: AssetId): number =>
    stageOf(id) * 10 + (level.get(id) ?? 0) + (idleCarried.has(id) ? 0.5 : 0) + (elsewhere.has(id) ? 0 : 0.4 * (order.get(id) ?? 0))
  const furthest = (ids: ReadonlyArray<AssetId>): AssetId | undefined => {
    let chosen: AssetId | undefined
    for (const id of ids) if (chosen === undefined || rank(id) > rank(chosen)) chosen = id
    return chosen
  }
  // A reply this walk created on an earlier step is not in the model yet: it is a reply too.
  const replies = available.filter((id) => (context.asset(id)?.kind ?? 'response') === 'response')
  const made = furthest(available.filter((id) => stageOf(id) >= 0 && stageOf(id) < 4))
  if (back && subject !== undefined) {
    // A reply made from the furthest thing made, or the one the step's lapsed channel carried
    // when it keeps what the loop declares it promises (the reporter feedback email, brought
    // back, not a new reply written beside it).
    const enough = made === undefined ? 0 : (level.get(made) ?? 0)
    const keeps = (id: AssetId): boolean => declared.promises !== undefined && idleCarried.has(id) && (level.get(id) ?? 0) >= outcomeRank(declared.promises)
    const reply = furthest(replies.filter((id) => (level.get(id) ?? 0) >= enough || keeps(id)))
    if (reply !== undefined) return { from, to, level: stepLevel, carries: [reply], reason: `bring ${naming.asset(reply)} back to ${naming.actor(to)}: the last step of ${loopWords}` }
    if (made !== undefined) return { ...replyMadeFrom(context, { source: subject.source, holder: to, made, responder: from }), level: stepLevel }
  }
  // On the way home, a body that made nothing of it itself answers rather than handing back
  // what it was given: the directorate tells the DEEP group what became of its report, and
  // the group passes that on, instead of the group reading its own report back to people.
  if (step.returning && subject !== undefined && made !== undefined && replies.length === 0 && !available.some((id) => context.asset(id)?.holder === from)) {
    const answer = replyMadeFrom(context, { source: subject.source, holder: subject.holder, made, responder: from })
    return { ...answer, to, level: stepLevel, reason: `${answer.reason}, through ${naming.actor(to)}: a step of ${loopWords}` }
  }
  // On the way out, what the step's lapsed channel carried when the sender has it (the
  // practice's replies to reviews, for the website to publish: the organisation's own
  // design), else the furthest thing made; where the sender has only replies, one of them.
  // Never what the receiver already has (a PCN's own return, handed back to it), when there is something else.
  const news = available.filter((id) => !reaches(context, id, to))
  const outward = news.length > 0 ? news : available
  // On the way home, a reply the sender was given goes on towards the people it answers
  // (the transport provider's answer, from the unit manager to the nurses who tell the
  // patients), rather than what they were asked.
  const passed =
    (step.returning && made !== undefined ? furthest(outward.filter((id) => replies.includes(id) && (level.get(id) ?? 0) >= (level.get(made) ?? 0))) : undefined) ??
    furthest(outward.filter((id) => idleCarried.has(id))) ??
    furthest(outward.filter((id) => stageOf(id) >= 0 && stageOf(id) < 4)) ??
    furthest(outward.filter((id) => replies.includes(id)))
  if (passed !== undefined) {
    return { from, to, level: stepLevel, carries: [passed], reason: `pass ${naming.asset(passed)} from ${naming.actor(from)} to ${naming.actor(to)}: a step of ${loopWords}` }
  }
  // Nothing of the loop's source reaches the sender: what the step's idle channels carried, else the furthest thing it holds.
  const idleCarries = sortedUnique(step.idle.flatMap((id) => context.channel(id)?.carries ?? []))
  const held = furthest(context.assetsHeldBy(from).map((asset) => asset.id))
  const carries = idleCarries.length > 0 || held === undefined ? idleCarries : [held]
  return { from, to, level: stepLevel, carries, reason: `restore the step from ${naming.actor(from)} to ${naming.actor(to)} of ${loopWords}` }
}

/** What an actor's channels (any status) to anyone but `to` list. */
const sentElsewhere = (context: DiagnosisContext, from: ActorId, to: ActorId): AssetId[] => {
  const { graph } = context
  const v = graph.indexOf.get(from)
  const channels = [...(context.traceIndex().idleFrom().get(from) ?? [])]
  if (v !== undefined) for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) channels.push(graph.model.channels[graph.edgeChannel[e]!]!)
  return channels.filter((channel) => channel.to !== to).flatMap((channel) => channel.carries)
}
