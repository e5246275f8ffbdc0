import type { Actor } from '../../model/codecs.js'
import type { AssetId } from '../../model/primitives.js'
import { type Level, isLayVoice, isProfessionalVoice } from '../../model/vocabulary.js'
import { traceStageOf } from '../../graph/provenance.js'
import type { TracedLoop } from '../../graph/trace-types.js'
import type { ProposedChannel } from '../../graph/types.js'
import type { DiagnosisContext } from '../context.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { loopRepair } from '../loop-repair.js'
import { anyChannelsBetween } from '../activate-repairs.js'
import { furthestMade, replyMadeFrom } from '../reply-repair.js'
import { noOptions } from '../rule-options.js'
import { actorsInWords } from './words.js'
import { listInWords } from '../naming.js'

/**
 * **missing-level-loop** finds a level where both lay and professional actors take part
 * but no loop there joins them: the two perspectives sit side by side and never meet.
 * Co-production combines lay and professional perspectives (Owens) at each level —
 * delivery, planning and strategy — or it is not co-production at that level.
 *
 * How: per level, the traced loops (`traceLoops`) whose knowledge reaches an actor
 * taking part in it (a source held there, or one that passes through). The level is
 * joined when one of them closes (outcome other than `open`) and its knowledge reached
 * both a lay voice and a professional voice taking part in the level (a mixed forum is
 * both). One finding per level. The repair closes the most
 * promising open loop there (a lay source that already reaches a professional at the
 * level, the one made into the most) with a reply (`loopRepair`), or else brings the
 * lay source made into the most to a professional there: the furthest thing made of it
 * at the level (a peer survey's findings, not the anonymous responses themselves), or the
 * source itself when nothing was, goes to a professional its sender already has a
 * channel to (else the first), and the professional answers the holder with a reply made
 * from it. O(levels × (V + Σ reach of the traced loops)).
 *
 * Options: none.
 * @category Rules
 */
export const missingLevelLoop = defineRule({
  id: 'missing-level-loop',
  description: 'A level with actors of both perspectives but no traced loop there joining them.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const findings: Finding[] = []
    for (const level of context.levelsInUse) {
      const here = context.model.actors.filter((actor) => actor.levels.includes(level))
      // Two perspectives need two actors: a mixed forum alone at a level meets nobody.
      const layVoice = here.find((actor) => isLayVoice(actor.perspective))
      if (layVoice === undefined || !here.some((actor) => actor !== layVoice && isProfessionalVoice(actor.perspective))) continue
      // Who is at the level, by actor index: 1 anyone, 2 a lay voice, 4 a professional one.
      const { graph } = context
      const flags = new Uint8Array(graph.actorCount)
      for (let v = 0; v < graph.actorCount; v++) {
        const actor = graph.actors[v]!
        if (actor.levels.includes(level)) flags[v] = 1 | (isLayVoice(actor.perspective) ? 2 : 0) | (isProfessionalVoice(actor.perspective) ? 4 : 0)
      }
      // Loops that start at the level, or pass through it: students' feedback that reaches
      // the board's strategy and the lived experience council joins them there. Read from
      // the trace's actor indices, once per loop.
      const { holders, reachedOffsets, reachedActors } = context.tracedActors()
      const all = context.traces().loops
      const layLoops: TracedLoop[] = []
      const joined = new Set<TracedLoop>()
      let closesJoined = false
      for (let i = 0; i < all.length; i++) {
        let seen = 0
        for (let k = reachedOffsets[i]!; k < reachedOffsets[i + 1]!; k++) seen |= flags[reachedActors[k]!]!
        if (seen === 0) continue
        const loop = all[i]!
        if ((flags[holders[i]!]! & 2) !== 0) layLoops.push(loop)
        if ((seen & 6) === 6) {
          joined.add(loop)
          if (loop.outcome !== 'open') closesJoined = true
        }
      }
      if (closesJoined) continue
      const joins = (loop: TracedLoop): boolean => joined.has(loop)
      const { repair, assets } = joinRepair(context, level, layLoops, joins)
      // Each actor named once: a mixed forum is listed as such, not as lay and as professional.
      const voices = (perspective: Actor['perspective'], words: string): string[] => {
        const ids = here.filter((actor) => actor.perspective === perspective).map((actor) => actor.id)
        return ids.length === 0 ? [] : [`${words} (${actorsInWords(context, ids, 3)})`]
      }
      const lay = voices('lay', 'lay voices')
      const groups = [...lay, ...voices('professional', lay.length === 0 ? 'professional voices' : 'professional ones'), ...voices('mixed', 'mixed groups')]
      const who = listInWords(groups, 3)
      findings.push({
        message: `${who.charAt(0).toUpperCase()}${who.slice(1)} ${groups.length === 2 ? 'both ' : groups.length === 3 ? 'all ' : ''}take part at ${level} level, but no loop there joins them: nothing that starts there comes back having been heard by both lay and professional voices, so the two perspectives never meet.`,
        level,
        actors: [...new Set(repair?.flatMap((channel) => [channel.from, channel.to]) ?? [])].sort(),
        channels: [],
        assets,
        ...(repair === undefined ? {} : { repair }),
      })
    }
    return findings
  },
})

/** The furthest stage a loop's knowledge was made into, replies and lessons aside. */
const madeInto = (context: DiagnosisContext, loop: TracedLoop): number => {
  let stage = 0
  for (const id of loop.derived) {
    const kind = context.asset(id)?.kind
    if (kind !== undefined && kind !== 'response') stage = Math.max(stage, traceStageOf(kind))
  }
  return stage
}

const joinRepair = (
  context: DiagnosisContext,
  level: Level,
  layLoops: ReadonlyArray<TracedLoop>,
  joins: (loop: TracedLoop) => boolean,
): { readonly repair: ReadonlyArray<ProposedChannel> | undefined; readonly assets: ReadonlyArray<AssetId> } => {
  let best: TracedLoop | undefined
  for (const loop of layLoops) if (loop.outcome === 'open' && joins(loop) && (best === undefined || madeInto(context, loop) > madeInto(context, best))) best = loop
  if (best !== undefined) return { repair: loopRepair(context, best), assets: [best.source, ...best.derived] }
  // Nobody there hears it yet: the loop made into the most goes to a professional there.
  let lay: TracedLoop | undefined
  for (const loop of layLoops) if (lay === undefined || madeInto(context, loop) > madeInto(context, lay)) lay = loop
  if (lay === undefined) return { repair: undefined, assets: [] }
  // What was made of it (a survey's findings) goes, rather than what people said itself
  // (anonymous responses), when it is made by someone at the level.
  const shared = furthestMade(context, lay, (asset) => context.actor(asset.holder)?.levels.includes(level) === true)
  const sender = context.asset(shared)!.holder
  const professionals = context.model.actors.filter(
    (actor) => actor.levels.includes(level) && isProfessionalVoice(actor.perspective) && actor.id !== lay.holder && actor.id !== sender,
  )
  // One the sender already has a channel to (perhaps lapsed) first.
  const professional = professionals.find((actor) => anyChannelsBetween(context, sender, actor.id).length > 0) ?? professionals[0]
  if (professional === undefined) return { repair: undefined, assets: [lay.source] }
  const { naming } = context
  const reply = { ...replyMadeFrom(context, { source: lay.source, holder: lay.holder, made: shared, responder: professional.id }), level }
  return {
    assets: shared === lay.source ? [lay.source] : [lay.source, shared],
    repair: [
      {
        from: sender,
        to: professional.id,
        level,
        carries: [shared],
        reason:
          shared === lay.source
            ? `let ${naming.actor(professional.id)} hear ${naming.asset(shared)} from ${naming.actor(sender)} at ${level} level`
            : `let ${naming.actor(professional.id)} hear ${naming.asset(shared)}, made of ${naming.asset(lay.source)}, from ${naming.actor(sender)} at ${level} level`,
      },
      reply,
    ],
  }
}
