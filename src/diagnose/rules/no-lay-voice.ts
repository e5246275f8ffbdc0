import * as t from 'io-ts'
import { isLayVoice } from '../../model/vocabulary.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { hearsOnlyProfessionals } from './experience-excluded.js'
import { carriers, maskOf } from '../flow.js'
import { ruleOptions } from '../rule-options.js'
import { governingAssetOf, heardBits, nearestInWords, onlyNationalPolicy, voiceRepair, voicesOf } from '../voices.js'
import { decidingLevelOf, decidingRoleOf } from './words.js'

/**
 * **no-lay-voice** finds those who set the rules — holders of a `plan` or `strategy`,
 * and by default of a `decision` — whom nothing a lay actor knows ever reaches: the
 * rules are set without the people they govern. This sits at the bottom rungs of
 * Arnstein's ladder of participation; co-production needs lay people inside the loops
 * that decide. Professionals who talk only to each other are normal and not reported;
 * the rule looks only at who decides.
 *
 * How: the traced loops (`traceLoops`), read once per diagnosis. A holder that is not
 * itself a lay or mixed voice, and that no trace of a source held by a lay or mixed
 * actor reaches (the source, or anything made from it: a survey's % score counts, as
 * the people's voice however thin), is reported, once; one that professional evidence or
 * data reaches is left to `experience-excluded`, which says so (one finding, not two).
 * The repair carries the furthest thing made from lay knowledge that a neighbour of the
 * holder has on to them.
 * O(Σ trace reach + V + E).
 *
 * Options: `includeDecisions` (default `true`): also check holders of `decision` assets,
 * not only of plans and strategies.
 * @category Rules
 */
export const noLayVoice = defineRule({
  id: 'no-lay-voice',
  description: 'A holder of a plan, strategy or decision that no knowledge from a lay actor reaches.',
  defaultSeverity: 'warning',
  options: ruleOptions('NoLayVoiceOptions', { includeDecisions: t.boolean }, { includeDecisions: true }),
  check: (context, options) => {
    const voices = voicesOf(context)
    const { graph, naming } = context
    const deciders = context.holders(options.includeDecisions ? carriers.decision : maskOf('plan', 'strategy'))
    const findings: Finding[] = []
    for (let v = 0; v < graph.actorCount; v++) {
      const actor = graph.actors[v]!
      if (deciders[v] === 0 || (voices.heard[v]! & heardBits.lay) !== 0 || isLayVoice(actor.perspective) || onlyNationalPolicy(context, actor)) continue
      // A holder that professional evidence reaches and lay experience does not is experience-excluded's: one finding, not two.
      if (hearsOnlyProfessionals(voices, v)) continue
      const governing = governingAssetOf(context, actor.id)!
      const found = voiceRepair(context, actor.id, 'lay', `so that ${naming.asset(governing)} is not set without the people it governs`)
      const nearest = found === undefined ? '' : `; ${nearestInWords(context, found)}`
      findings.push({
        message: `${naming.actor(actor.id)} ${decidingRoleOf(context, actor.id)} (${naming.asset(governing)}), but nothing that patients, carers or residents know reaches it by any route, so the rules are set without the people they govern${nearest}.`,
        level: decidingLevelOf(context, actor.id),
        actors: found === undefined ? [actor.id] : [actor.id, found.from],
        channels: [],
        assets: found === undefined ? [governing] : [governing, found.source, found.asset],
        ...(found === undefined ? {} : { repair: [found.channel] }),
      })
    }
    return findings
  },
})
