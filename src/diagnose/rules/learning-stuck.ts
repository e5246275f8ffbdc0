import type { KnowledgeAsset } from '../../model/codecs.js'
import type { TracedLoop } from '../../graph/trace-types.js'
import type { DiagnosisContext } from '../context.js'
import { isLayVoice } from '../../model/vocabulary.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { governingRepair, madeFromWords, noChannelWords } from '../governing-repair.js'
import { noOptions } from '../rule-options.js'
import { actorsInWords, sortedUnique } from './words.js'
import { listInWords } from '../naming.js'

/**
 * **learning-stuck** finds an organisation where what patients and carers say where
 * care is delivered is never made into a plan or a strategy: it can change what is done
 * on the ward (Argyris & Schön's single loop) but never the specifications and pathways
 * that govern it (their double loop), nor who decides (the triple loop of later authors).
 *
 * How: the traced loops (`traceLoops`) of experience held by lay or mixed actors who
 * take part in delivery. Experience reaches a governing asset when a `plan` or
 * `strategy` is made from it (it lies among what the trace derived), not merely when it
 * reaches someone who holds one: a joint forward plan declared to be made from guidance
 * and an assurance report was not made from what residents said, even if they said it in
 * the same room (where a model declares no provenance, a plan is inferred to be made
 * from what its holder hears, and the two tests agree). Reported once for the model, and
 * only when it has a plan or strategy to reach. Where some experience does shape a plan,
 * each source that reaches the holder of a plan declared to be made from other things
 * only is reported on its own (families' accounts reach the committee whose safety
 * improvement plan is made from the incident profile alone), without a repair. The repair brings the furthest thing
 * made from that experience that a plan could be made from (the experience, or an
 * insight) to a plan holder, at planning level. O(Σ trace size).
 *
 * Options: none.
 * @category Rules
 */
export const learningStuck = defineRule({
  id: 'learning-stuck',
  description: 'Delivery-level lay experience that is never made into a planning or strategy governing asset.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const governing = context.model.assets.filter((asset) => asset.kind === 'plan' || asset.kind === 'strategy')
    if (governing.length === 0) return []
    const loops = context.traces().loops.filter((loop) => {
      const holder = context.actor(loop.holder)
      return holder !== undefined && isLayVoice(holder.perspective) && holder.levels.includes('delivery') && context.asset(loop.source)?.kind === 'experience'
    })
    if (loops.length === 0) return []
    const governs = (id: string): boolean => {
      const kind = context.asset(id as never)?.kind
      return kind === 'plan' || kind === 'strategy'
    }
    const { naming } = context
    if (loops.some((loop) => loop.derived.some(governs))) return ignoredByPlans(context, loops, governing, governs)
    const holders = sortedUnique(loops.map((loop) => loop.holder))
    const sources = loops.map((loop) => loop.source)
    const found = governingRepair(context, loops, ['plan', 'strategy'], {
      level: 'planning',
      purpose: 'so that what is learned where care is delivered can change the rules it is delivered by',
    })
    const example = found === undefined ? governing[0]! : context.asset(context.assetsHeldBy(found.target).find((asset) => asset.kind === 'plan' || asset.kind === 'strategy')!.id)!
    return [
      {
        message: `What ${actorsInWords(context, holders)} say where care is delivered (${listInWords(sources.map(naming.asset), 3)}) is never made into a plan or strategy such as ${naming.asset(example.id)}, held by ${naming.actor(example.holder)}: it can change what is done, but never the rules it is done by.${noChannelWords(context, found, ['plan', 'strategy'])}`,
        level: 'delivery',
        actors: sortedUnique([...holders, example.holder, ...(found?.channel === undefined ? [] : [found.channel.from])]),
        channels: [],
        assets: [...sources, example.id],
        ...(found?.channel === undefined ? {} : { repair: [found.channel] }),
      } satisfies Finding,
    ]
  },
})

/**
 * Where some experience does shape a plan, each source that reaches the holder of a plan
 * or strategy declared to be made from other things only: the families' accounts in the
 * learning responses reach the quality governance committee, whose safety improvement plan
 * is made from the incident profile alone. One finding per source, naming the first such
 * plan in the order the trace reached its holders. No repair: a channel cannot remake a
 * plan, and the plan's `derivedFrom` says what it was made from.
 */
const ignoredByPlans = (
  context: DiagnosisContext,
  loops: ReadonlyArray<TracedLoop>,
  governing: ReadonlyArray<KnowledgeAsset>,
  governs: (id: string) => boolean,
): Finding[] => {
  const { naming } = context
  const declaredAt = new Map<string, KnowledgeAsset>()
  for (const asset of governing) if (asset.derivedFrom !== undefined && !declaredAt.has(asset.holder)) declaredAt.set(asset.holder, asset)
  const findings: Finding[] = []
  for (const loop of loops) {
    if (loop.derived.some(governs)) continue
    const holder = loop.reached.find((id) => id !== loop.holder && declaredAt.has(id))
    if (holder === undefined) continue
    const plan = declaredAt.get(holder)!
    findings.push({
      message: `${naming.asset(loop.source)} from ${naming.actor(loop.holder)} reaches ${naming.actor(holder)}, who holds ${naming.asset(plan.id)}, but ${naming.asset(plan.id)} is ${madeFromWords(context, plan)}, so what they say never changes it.`,
      level: context.actor(holder)?.levels.find((level) => level !== 'delivery') ?? 'delivery',
      actors: sortedUnique([loop.holder, holder]),
      channels: [],
      assets: [loop.source, plan.id],
    })
  }
  return findings
}
