import type { ActorId } from '../../model/primitives.js'
import { isLayVoice, levels } from '../../model/vocabulary.js'
import { firstCarrierAt } from '../../graph/carriage.js'
import type { TracedLoop } from '../../graph/trace-types.js'
import { traceStageOf } from '../../graph/provenance.js'
import type { DiagnosisContext } from '../context.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { listInWords } from '../naming.js'
import { loopRepair } from '../loop-repair.js'
import { noOptions } from '../rule-options.js'
import { sortedUnique } from './words.js'

/** Kinds that show a voice counted: something was decided or done with it. */
const counted = new Set(['decision', 'plan', 'strategy', 'change', 'experiment'])

/**
 * **tokenistic-participation** finds lay actors who are asked and never count: what they
 * know travels out (a story, a survey answer, a consultation response) but nothing is
 * ever decided or changed from it, and nothing comes back. Arnstein's ladder of
 * participation calls informing and consultation without power tokenism.
 *
 * How: the traced loops (`traceLoops`) of the sources a lay or mixed actor holds. The
 * actor is reported, once, when at least one of its sources travels beyond it and none
 * of them is made into a `decision`, `plan`, `strategy`, `change` or `experiment`, nor
 * comes back to it (every outcome `open`). A forum whose advice is answered in writing
 * is heard, so it is not tokenistic (`heard-not-acted` says whether anything followed);
 * knowledge that is acted on but never reported is `open-loop`'s matter. The repair is
 * a reply made from the furthest thing made from the actor's furthest-travelling source
 * (see `loopRepair`). O(traced loops).
 *
 * Options: none.
 * @category Rules
 */
export const tokenisticParticipation = defineRule({
  id: 'tokenistic-participation',
  description: 'A lay actor whose knowledge travels out but is never decided on, acted on or answered.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const byHolder = new Map<ActorId, TracedLoop[]>()
    for (const loop of context.traces().loops) {
      const list = byHolder.get(loop.holder)
      if (list === undefined) byHolder.set(loop.holder, [loop])
      else list.push(loop)
    }
    const { naming } = context
    const findings: Finding[] = []
    for (const holder of sortedUnique(byHolder.keys())) {
      const actor = context.actor(holder)
      const loops = byHolder.get(holder)!
      if (actor === undefined || !isLayVoice(actor.perspective) || !loops.some((loop) => loop.reached.length > 1)) continue
      if (loops.some((loop) => loop.outcome !== 'open' || loop.derived.some((id) => counted.has(context.asset(id)?.kind ?? '')))) continue
      const furthest = loops.reduce((best, loop) => (furthestStage(context, loop) > furthestStage(context, best) ? loop : best))
      const repair = loopRepair(context, furthest)
      const reached = sortedUnique(loops.flatMap((loop) => loop.reached.slice(1)))
      // Whom they told (over their own channels), and whom it reached from there.
      const told = sortedUnique(loops.flatMap((loop) => toldDirectly(context, loop)))
      const onward = reached.filter((id) => !told.includes(id))
      // The sources are the subject, so the verb agrees whether the holder is one carer or many residents.
      const one = loops.length === 1
      const to = told.length === 0 ? listInWords(reached.map(naming.actor), 3) : `${listInWords(told.map(naming.actor), 3)}${onward.length === 0 ? '' : ` (and ${one ? 'it reaches' : 'they reach'} ${listInWords(onward.map(naming.actor), 3)})`}`
      findings.push({
        message: `${listInWords(loops.map((loop) => naming.asset(loop.source)), 3)} from ${naming.actor(holder)} ${one ? 'goes' : 'go'} to ${to}, but nothing is decided or changed from ${one ? 'it' : 'them'} and nothing comes back: their participation stops at informing and consultation.`,
        level: levels.find((level) => actor.levels.includes(level)),
        actors: sortedUnique([holder, ...reached]),
        channels: sortedUnique(loops.flatMap((loop) => loop.steps.map((step) => step.channel))),
        assets: sortedUnique(loops.flatMap((loop) => [loop.source, ...loop.derived])),
        ...(repair === undefined ? {} : { repair }),
      })
    }
    return findings
  },
})

/** The actors a source's holder gives it to over its own active channels that carry it (the carriers from the first of its reach list). */
const toldDirectly = (context: DiagnosisContext, loop: TracedLoop): ActorId[] => {
  const { carriage, graph } = context.traceIndex()
  const a = carriage.assetIndex.get(loop.source)
  if (a === undefined) return []
  const told: ActorId[] = []
  for (let i = firstCarrierAt(carriage, a, 0); i < carriage.carrierOffsets[a + 1]! && carriage.carrierFrom[i] === 0; i++) {
    const to = graph.actors[carriage.reachActors[carriage.reachOffsets[a]! + carriage.carrierTo[i]!]!]!.id
    if (to !== loop.holder) told.push(to)
  }
  return told
}

/** The furthest capability stage a loop's knowledge was made into (lessons and replies aside). */
const furthestStage = (context: DiagnosisContext, loop: TracedLoop): number => {
  let stage = loop.reached.length > 1 ? 0 : -1
  for (const id of loop.derived) {
    const kind = context.asset(id)?.kind
    if (kind !== undefined && kind !== 'response') stage = Math.max(stage, traceStageOf(kind))
  }
  return stage
}
