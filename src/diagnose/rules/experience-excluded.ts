import { isLayVoice } from '../../model/vocabulary.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { carriers } from '../flow.js'
import { noOptions } from '../rule-options.js'
import { governingAssetOf, heardBits, nearestInWords, onlyNationalPolicy, voiceRepair, voicesOf } from '../voices.js'
import { decidingLevelOf } from './words.js'

/**
 * Whether evidence or data reaches actor `v` but no lay experience does (their stories,
 * or their own ratings told to `v` first hand: a DIALOG+ score in a care plan review is
 * the person's voice, a % score counted from ratings is not), in a model that has lay
 * experience: what this rule reports of a decision holder. @internal
 */
export const hearsOnlyProfessionals = (voices: ReturnType<typeof voicesOf>, v: number): boolean => {
  const heard = voices.heard[v]!
  return voices.hasLayExperience && (heard & heardBits.evidenceOrData) !== 0 && (heard & heardBits.layExperience) === 0
}

/**
 * **experience-excluded** finds decision makers whom `evidence` or `data` (a % score
 * counted from what patients said included: it is not their story) reaches but no lay
 * `experience` does: evidence-based practice that cannot hear the patient. Service
 * users are experts in their own circumstances and hold knowledge services rely on
 * (Ostrom; the Health Foundation), and co-production means combining
 * lay and professional perspectives (Owens). An assurance report made from a quality
 * dashboard is not what residents said, however many committees it passes.
 *
 * How: the traced loops (`traceLoops`), read once per diagnosis: a holder of a
 * `decision`, `plan` or `strategy` that is not itself a lay or mixed voice, reached by
 * the trace of an evidence or data source and by no trace of experience held by a lay
 * or mixed actor (the experience itself, or anything made from it), nor by their own
 * ratings or readings told to it first hand (the DIALOG+ scores a care plan is reviewed
 * with; not the FFT % score counted from ratings, which reaches the board). Only in a model
 * that has such experience at all. One finding per decision maker; the repair carries
 * the furthest thing made from lay experience that a neighbour of the decision maker
 * has (the Healthwatch report the quality committee holds) on to them.
 * O(Σ trace reach + V + E).
 *
 * Options: none.
 * @category Rules
 */
export const experienceExcluded = defineRule({
  id: 'experience-excluded',
  description: 'A decision maker whom evidence or data reaches but no lay experience does.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const voices = voicesOf(context)
    if (!voices.hasLayExperience) return []
    const { graph, naming } = context
    const deciders = context.holders(carriers.decision)
    const findings: Finding[] = []
    for (let v = 0; v < graph.actorCount; v++) {
      if (deciders[v] === 0 || !hearsOnlyProfessionals(voices, v)) continue
      const actor = graph.actors[v]!
      if (isLayVoice(actor.perspective) || onlyNationalPolicy(context, actor)) continue
      const evidence = context.model.assets[voices.firstEvidence[v]!]!.id
      const governing = governingAssetOf(context, actor.id)!
      const found = voiceRepair(context, actor.id, 'layExperience', `so that ${naming.asset(governing)} is made hearing the people it affects`)
      const nearest = found === undefined ? '' : `; ${nearestInWords(context, found)}`
      findings.push({
        message: `Evidence and data such as ${naming.asset(evidence)} reach ${naming.actor(actor.id)}, who holds ${naming.asset(governing)}, but no experience of patients, carers or residents does, so it is decided without hearing the people it affects${nearest}.`,
        level: decidingLevelOf(context, actor.id),
        actors: found === undefined ? [actor.id] : [actor.id, found.from],
        channels: [],
        assets: found === undefined ? [evidence, governing] : [evidence, governing, found.source, found.asset],
        ...(found === undefined ? {} : { repair: [found.channel] }),
      })
    }
    return findings
  },
})
