import type { KnowledgeAsset } from '../model/codecs.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import { type Level, levels } from '../model/vocabulary.js'
import { traceStageOf } from '../graph/provenance.js'
import type { TracedLoop } from '../graph/trace-types.js'
import type { ProposedAsset, ProposedChannel } from '../graph/types.js'
import type { DiagnosisContext } from './context.js'
import { activeChannelsBetween, anyChannelsBetween } from './activate-repairs.js'
import { answerMadeFrom, lapsedOnward, lapsedReferrals, listener } from './responders.js'
import { declaredMaker } from './declared-children.js'

/** The lowest level both lists take part in, if any. @internal */
export const levelInCommon = (mine: ReadonlyArray<Level>, theirs: ReadonlyArray<Level>): Level | undefined =>
  levels.find((level) => mine.includes(level) && theirs.includes(level))

/** A level both actors take part in (the lowest), else the holder's lowest. @internal */
export const sharedLevel = (context: DiagnosisContext, holder: ActorId, other: ActorId): Level => {
  const mine = context.actor(holder)?.levels ?? []
  return levelInCommon(mine, context.actor(other)?.levels ?? []) ?? levels.find((level) => mine.includes(level)) ?? 'delivery'
}

/**
 * `preferred` when both actors take part in it (a declared loop's level, a plan's), else
 * a level they share, as {@link sharedLevel}: a channel is never at a level one of its
 * ends is not at when they have one in common. When they share none, `preferred` if one
 * of them takes part in it (a declared planning loop's step from the committee back to
 * patients is a planning step), else the holder's lowest. @internal
 */
export const levelPreferring = (context: DiagnosisContext, holder: ActorId, other: ActorId, preferred: Level | undefined): Level => {
  if (preferred === undefined) return sharedLevel(context, holder, other)
  const mine = context.actor(holder)?.levels ?? []
  const theirs = context.actor(other)?.levels ?? []
  if (mine.includes(preferred) && theirs.includes(preferred)) return preferred
  return levelInCommon(mine, theirs) ?? (mine.includes(preferred) || theirs.includes(preferred) ? preferred : sharedLevel(context, holder, other))
}

/** A channel that passes `stopped` from `actor` on to `maker`'s holder, who the model says makes `maker` of it. @internal */
export const passOnToMaker = (context: DiagnosisContext, actor: ActorId, stopped: AssetId, maker: KnowledgeAsset): ProposedChannel => ({
  from: actor,
  to: maker.holder,
  level: sharedLevel(context, maker.holder, actor),
  carries: [stopped],
  reason: `pass ${context.naming.asset(stopped)} from ${context.naming.actor(actor)} on to ${context.naming.actor(maker.holder)}, who makes ${context.naming.asset(maker.id)} of it`,
})

/** An id for a new asset made from `base` (`base-reply`, or another suffix), unused in the model. @internal */
export const freshAssetId = (context: DiagnosisContext, base: string, suffix = 'reply'): AssetId => {
  let id = `${base}-${suffix}`
  for (let k = 2; context.asset(id as AssetId) !== undefined; k++) id = `${base}-${suffix}-${k}`
  return id as AssetId
}

/**
 * The furthest thing made from the source (a change before a decision before an insight;
 * on a tie, the later made, unless only the earlier one's holder has a channel to the
 * source's holder: the partnership board that sends Healthwatch its papers answers from
 * the strategy it holds, not the ICB's plan made from it), replies and lessons aside, among
 * assets `keep` accepts (by default those another actor holds); the source itself when
 * there is none. @internal
 */
export const furthestMade = (
  context: DiagnosisContext,
  loop: TracedLoop,
  keep: (asset: KnowledgeAsset) => boolean = (asset) => asset.holder !== loop.holder,
): AssetId => {
  let chosen: KnowledgeAsset | undefined
  let stage = 0
  const speaks = (asset: KnowledgeAsset): boolean => anyChannelsBetween(context, asset.holder, loop.holder).length > 0
  for (const id of loop.derived) {
    const asset = context.asset(id)
    if (asset === undefined || asset.kind === 'response' || asset.kind === 'lesson' || !keep(asset)) continue
    const own = traceStageOf(asset.kind)
    if (own > stage || (own === stage && (chosen === undefined || speaks(asset) || !speaks(chosen)))) ((stage = own), (chosen = asset))
  }
  return chosen?.id ?? loop.source
}

/**
 * A channel that answers a source's holder with a new `response` made from `made`,
 * held by `responder`: the one way a repair writes a reply, so every rule words and
 * builds it alike ("tell 'patients' what became of 'fft-comments': a reply from
 * 'ward-manager' made from 'ward-actions'").
 * @internal
 */
export const replyMadeFrom = (
  context: DiagnosisContext,
  about: { readonly source: AssetId; readonly holder: ActorId; readonly made: AssetId; readonly responder: ActorId },
): ProposedChannel => {
  const { naming } = context
  const { source, holder, made, responder } = about
  const reply: ProposedAsset = {
    id: freshAssetId(context, made),
    // Names only when the caller asked for them: a report prints the repairs it proposes.
    name: naming.useNames
      ? `Reply to ${context.actor(holder)?.name ?? holder}: what became of ${context.asset(source)?.name ?? source}`
      : `Reply to ${holder}: what became of ${source}`,
    kind: 'response',
    holder: responder,
    derivedFrom: [made],
  }
  return {
    from: responder,
    to: holder,
    level: sharedLevel(context, holder, responder),
    carries: [reply.id],
    reason: `tell ${naming.actor(holder)} what became of ${naming.asset(source)}: a reply from ${naming.actor(responder)} made from ${naming.asset(made)}`,
    creates: [reply],
  }
}

/** The level of the channel `from` already has to `to` (the first active one by id), else one they share. @internal */
export const levelOfChannel = (context: DiagnosisContext, from: ActorId, to: ActorId): Level =>
  activeChannelsBetween(context, from, to)[0]?.level ?? sharedLevel(context, to, from)

/**
 * Of actors that have a reply (where it stopped, then its writer), the first with a
 * channel (of any status) to the people it answers that lists the reply (a board's lapsed
 * "you said, we did" report), else with any channel to them, else the first they spoke
 * to (an active channel from them), else the writer (the last).
 */
const deliverer = (context: DiagnosisContext, holder: ActorId, having: ReadonlyArray<ActorId>, reply: AssetId): ActorId =>
  having.find((actor) => actor !== holder && anyChannelsBetween(context, actor, holder).some((channel) => channel.carries.includes(reply))) ??
  having.find((actor) => actor !== holder && anyChannelsBetween(context, actor, holder).length > 0) ??
  having.find((actor) => actor !== holder && activeChannelsBetween(context, holder, actor).length > 0) ??
  having[having.length - 1]!

/**
 * The lapsed referrals of an acknowledgement that stopped on its way (`lapsedReferrals`:
 * an ICB committee's referral of a Healthwatch report to the care homes quality team),
 * brought back, and a reply from the first one's receiver made from what it would make of
 * what it hears (the team's improvement plan). `undefined` when none lapsed.
 */
const referralRepair = (context: DiagnosisContext, loop: TracedLoop): ReadonlyArray<ProposedChannel> | undefined => {
  const lapsed = lapsedReferrals(context, loop)
  if (lapsed.length === 0) return undefined
  const responder = lapsed[0]!.to
  const made = answerMadeFrom(context, responder, lapsed[0]!.carries as [AssetId, ...AssetId[]])
  return [...lapsed, replyMadeFrom(context, { source: loop.source, holder: loop.holder, made, responder })]
}

/** A lapsed channel from `from` that listed `reply`, to someone whose running channel to `holder` lists it too. */
const lapsedDelivery = (context: DiagnosisContext, from: ActorId, holder: ActorId, reply: AssetId) =>
  (context.idleFrom().get(from) ?? []).find(
    (channel) => channel.to !== holder && channel.carries.includes(reply) && activeChannelsBetween(context, channel.to, holder).some((onward) => onward.carries.includes(reply)),
  )

/**
 * The channels that close one traced loop with a reply. A reply that exists but never
 * arrives is delivered (over the lapsed channel that took it to someone who still passes it
 * on to them, where there is one), unless it only acknowledges (nothing decided or done lies between)
 * while a channel that would take the knowledge on lapsed: that channel is brought back and
 * its receiver answers; otherwise the actor holding the furthest thing made from the
 * source (a change, a decision, an insight, or, when nothing was made, the last actor
 * the source reached) answers with a new `response` made from it; where the knowledge
 * stopped because the channel that would pass it on lapsed, that channel is brought back
 * and its receiver answers instead, from what it would make of the source; where nothing
 * passes it on but the model declares who makes the next thing of it, it goes on to them
 * and they answer from what they make (as `stories-stop` proposes). The loop closes
 * with the best outcome the trace allows. When the knowledge never left its holder, a
 * professional sharing a level hears it and answers. `undefined` when nobody could.
 * (`loopRepair` remembers the result for each loop.)
 * @internal
 */
export const replyRepair = (context: DiagnosisContext, loop: TracedLoop): ReadonlyArray<ProposedChannel> | undefined => {
  const { naming } = context
  const holderWords = naming.actor(loop.holder)
  const sourceWords = naming.asset(loop.source)
  const stop = loop.stopsAt
  if (stop !== undefined && stop.reason === 'reply-not-delivered') {
    const reply = context.asset(stop.asset)
    if (reply === undefined) return undefined
    // A "received and noted" that stopped on its way while the referral onward lapsed is no
    // answer to deliver: bring the referral back, and whoever it reaches answers.
    const referred = referralRepair(context, loop)
    if (referred !== undefined) return referred
    // The way the organisation designed for it, when only its first step lapsed: the lead
    // nurse's poster goes to the information centre, which displays it to patients.
    const designed = lapsedDelivery(context, stop.actor, loop.holder, reply.id)
    if (designed !== undefined) {
      const reason = `deliver ${naming.asset(reply.id)} to ${holderWords} through ${naming.actor(designed.to)} again, as '${designed.id}' did: it answers ${sourceWords} but never reaches them`
      return [{ from: stop.actor, to: designed.to, level: designed.level, carries: [reply.id], activates: designed.id, reason }]
    }
    // Delivered by whoever has it and deals with the people it answers: where it stopped (a
    // PPG that ran the survey, given the clinical director's answer), else its writer.
    const sender = deliverer(context, loop.holder, [stop.actor, reply.holder], reply.id)
    return [
      {
        from: sender,
        to: loop.holder,
        level: levelOfChannel(context, sender, loop.holder),
        carries: [reply.id],
        reason: `deliver ${naming.asset(reply.id)} to ${holderWords}: it answers ${sourceWords} but never reaches them`,
      },
    ]
  }
  let made = furthestMade(context, loop)
  const madeAsset = context.asset(made)
  let responder: ActorId | undefined = made === loop.source ? stop?.actor : madeAsset?.holder
  // Where the knowledge stopped, answer from what reached that actor (the source, or
  // something made of it there): a reply made from anything else would not join the trace.
  if (made === loop.source && stop !== undefined) made = stop.asset
  const proposals: ProposedChannel[] = []
  // Where it stopped because the channel that would pass it on lapsed (a suggestion box
  // nobody empties for the manager), that channel is brought back and its receiver answers,
  // as the service was designed: not the counter staff the cards stopped with.
  const onward = stop?.reason === 'channel-not-active' && responder === stop.actor ? lapsedOnward(context, loop) : undefined
  if (onward !== undefined) {
    proposals.push({
      from: onward.from,
      to: onward.to,
      level: onward.level,
      carries: [stop!.asset],
      reason: `pass ${naming.asset(stop!.asset)} from ${naming.actor(onward.from)} on to ${naming.actor(onward.to)} again, as '${onward.id}' did`,
    })
    responder = onward.to
    made = answerMadeFrom(context, responder, [stop!.asset])
  }
  // Where nothing passes it on while the model says who makes the next thing of it (a
  // quality lead's improvement made from the stories that pile up with the experience
  // team), it goes on to them and they answer from what they make: the reply says what
  // changed, and a story passed on to them (as stories-stop proposes) finds it answered.
  const maker =
    onward === undefined && stop !== undefined && responder === stop.actor && stop.actor !== loop.holder && (stop.reason === 'not-passed-on' || stop.reason === 'channel-not-active')
      ? declaredMaker(context, stop.actor, stop.asset, loop.holder)
      : undefined
  if (maker !== undefined) {
    proposals.push(passOnToMaker(context, stop!.actor, stop!.asset, maker))
    responder = maker.holder
    made = answerMadeFrom(context, responder, [stop!.asset])
  }
  if (responder === undefined || responder === loop.holder) {
    responder = listener(context, loop.holder)
    if (responder === undefined) return undefined
    // Once the listener hears the source, what it makes of it joins the trace: answer
    // from the furthest of that, so a change it makes is reported too.
    made = answerMadeFrom(context, responder, [loop.source])
    proposals.push({
      from: loop.holder,
      to: responder,
      level: sharedLevel(context, loop.holder, responder),
      carries: [loop.source],
      reason: `let ${naming.actor(responder)} hear ${sourceWords} from ${holderWords}`,
    })
  }
  proposals.push(replyMadeFrom(context, { source: loop.source, holder: loop.holder, made, responder }))
  return proposals
}
