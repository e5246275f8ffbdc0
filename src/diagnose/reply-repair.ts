import type { ActorId, AssetId } from '../model/primitives.js'
import { type Level, levels } from '../model/vocabulary.js'
import { traceStageOf } from '../graph/provenance.js'
import type { TracedLoop } from '../graph/trace-types.js'
import type { ProposedAsset, ProposedChannel } from '../graph/types.js'
import type { DiagnosisContext } from './context.js'

/** A level both actors take part in (the lowest of the holder's), else the holder's lowest. @internal */
export const sharedLevel = (context: DiagnosisContext, holder: ActorId, other: ActorId): Level => {
  const mine = context.actor(holder)?.levels ?? []
  const theirs = context.actor(other)?.levels ?? []
  return levels.find((level) => mine.includes(level) && theirs.includes(level)) ?? levels.find((level) => mine.includes(level)) ?? 'delivery'
}

/** An id for a new asset made from `base` (`base-reply`, or another suffix), unused in the model. @internal */
export const freshAssetId = (context: DiagnosisContext, base: string, suffix = 'reply'): AssetId => {
  let id = `${base}-${suffix}`
  for (let k = 2; context.asset(id as AssetId) !== undefined; k++) id = `${base}-${suffix}-${k}`
  return id as AssetId
}

/** The furthest thing made from the source (a change before a decision before an insight), with who holds it. */
const furthestMade = (context: DiagnosisContext, loop: TracedLoop): AssetId => {
  let chosen = loop.source
  let stage = 0
  for (const id of loop.derived) {
    const asset = context.asset(id)
    if (asset === undefined || asset.kind === 'response' || asset.kind === 'lesson' || asset.holder === loop.holder) continue
    const own = traceStageOf(asset.kind)
    if (own >= stage) ((stage = own), (chosen = id))
  }
  return chosen
}

/** Someone who could answer the holder when the knowledge never left it: a professional voice sharing a level, by id. */
const listener = (context: DiagnosisContext, holder: ActorId): ActorId | undefined => {
  const mine = context.actor(holder)?.levels ?? []
  const candidates = context.model.actors.filter(
    (actor) => actor.id !== holder && actor.perspective !== 'lay' && actor.levels.some((level) => mine.includes(level)),
  )
  const linked = candidates.find((actor) => context.channelsBetween(holder, actor.id).length > 0)
  return (linked ?? candidates[0])?.id
}

/**
 * The channels that close one traced loop with a reply. A reply that exists but never
 * arrives is delivered; otherwise the actor holding the furthest thing made from the
 * source (a change, a decision, an insight, or, when nothing was made, the last actor
 * the source reached) answers with a new `response` made from it, so the loop closes
 * with the best outcome the trace allows. When the knowledge never left its holder, a
 * professional sharing a level hears it and answers. `undefined` when nobody could.
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
    return [
      {
        from: reply.holder,
        to: loop.holder,
        level: sharedLevel(context, loop.holder, reply.holder),
        carries: [reply.id],
        reason: `deliver ${naming.asset(reply.id)} to ${holderWords}: it answers ${sourceWords} but never reaches them`,
      },
    ]
  }
  const made = furthestMade(context, loop)
  const madeAsset = context.asset(made)
  let responder: ActorId | undefined = made === loop.source ? stop?.actor : madeAsset?.holder
  const proposals: ProposedChannel[] = []
  if (responder === undefined || responder === loop.holder) {
    responder = listener(context, loop.holder)
    if (responder === undefined) return undefined
    proposals.push({
      from: loop.holder,
      to: responder,
      level: sharedLevel(context, loop.holder, responder),
      carries: [loop.source],
      reason: `let ${naming.actor(responder)} hear ${sourceWords} from ${holderWords}`,
    })
  }
  const reply: ProposedAsset = {
    id: freshAssetId(context, made),
    name: `Reply to ${context.actor(loop.holder)?.name ?? loop.holder}: what became of ${context.asset(loop.source)?.name ?? loop.source}`,
    kind: 'response',
    holder: responder,
    derivedFrom: [made],
  }
  proposals.push({
    from: responder,
    to: loop.holder,
    level: sharedLevel(context, loop.holder, responder),
    carries: [reply.id],
    reason: `tell ${holderWords} what became of ${sourceWords}: a reply from ${naming.actor(responder)} made from ${naming.asset(made)}`,
    creates: [reply],
  })
  return proposals
}
