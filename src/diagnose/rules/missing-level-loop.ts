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
import { freshAssetId } from '../reply-repair.js'
import { noOptions } from '../rule-options.js'
import { actorsInWords } from './words.js'

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
 * level, the one made into the most) with a reply (`loopRepair`), or else joins a lay
 * holder of a source and a professional with a pair of channels: the source in, a reply
 * made from it back. O(traced loops × reach).
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
      if (!here.some((actor) => isLayVoice(actor.perspective)) || !here.some((actor) => isProfessionalVoice(actor.perspective))) continue
      const at = (id: string, voice: (perspective: Actor['perspective']) => boolean): boolean => {
        const actor = context.actor(id as never)
        return actor !== undefined && actor.levels.includes(level) && voice(actor.perspective)
      }
      // Loops that start at the level, or pass through it: students' feedback that reaches
      // the board's strategy and the lived experience council joins them there.
      const loops = context.traces().loops.filter((loop) => loop.reached.some((id) => at(id, () => true)))
      const joins = (loop: TracedLoop): boolean =>
        loop.reached.some((id) => at(id, isLayVoice)) && loop.reached.some((id) => at(id, isProfessionalVoice))
      if (loops.some((loop) => loop.outcome !== 'open' && joins(loop))) continue
      const { repair, assets } = joinRepair(context, level, loops.filter((loop) => at(loop.holder, isLayVoice)), joins)
      const lay = here.filter((actor) => isLayVoice(actor.perspective)).map((actor) => actor.id)
      const professional = here.filter((actor) => isProfessionalVoice(actor.perspective)).map((actor) => actor.id)
      findings.push({
        message: `Lay voices (${actorsInWords(context, lay, 3)}) and professional ones (${actorsInWords(context, professional, 3)}) both take part at ${level} level, but no loop there joins them: nothing that starts there comes back having been heard by both, so the two perspectives never meet.`,
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
  const { naming } = context
  const lay = layLoops[0]
  const professional = context.model.actors.find(
    (actor) => actor.levels.includes(level) && isProfessionalVoice(actor.perspective) && actor.id !== lay?.holder,
  )
  if (lay === undefined || professional === undefined) return { repair: undefined, assets: lay === undefined ? [] : [lay.source] }
  const source = context.asset(lay.source)!
  const reply = freshAssetId(context, source.id)
  return {
    assets: [source.id],
    repair: [
      {
        from: lay.holder,
        to: professional.id,
        level,
        carries: [source.id],
        reason: `let ${naming.actor(professional.id)} hear ${naming.asset(source.id)} from ${naming.actor(lay.holder)} at ${level} level`,
      },
      {
        from: professional.id,
        to: lay.holder,
        level,
        carries: [reply],
        reason: `tell ${naming.actor(lay.holder)} what became of ${naming.asset(source.id)}: a reply from ${naming.actor(professional.id)}`,
        creates: [{ id: reply, name: `Reply to ${context.naming.useNames ? (context.actor(lay.holder)?.name ?? lay.holder) : lay.holder}: what became of ${context.naming.useNames ? source.name : source.id}`, kind: 'response', holder: professional.id, derivedFrom: [source.id] }],
      },
    ],
  }
}
