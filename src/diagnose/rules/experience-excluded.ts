import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { carriers, maskOf } from '../flow.js'
import { noOptions } from '../rule-options.js'
import { decidingLevelOf, decidingRoleOf } from './words.js'

/**
 * **experience-excluded** finds decision makers whom professional `evidence` or `data`
 * reaches but no lay `experience` does: evidence-based practice that cannot hear the
 * patient. Service users are experts in their own circumstances and hold knowledge
 * services rely on (Ostrom; the Health Foundation), and co-production means combining
 * lay and professional perspectives.
 *
 * How: two forward searches over active channels, one from holders of evidence and data
 * (following evidence, data, insights and lessons), one from holders of experience
 * (following experience, insights and lessons). A holder of a `decision`, `plan` or
 * `strategy` reached by the first and not the second is excluded. O(V + E).
 *
 * Options: none.
 * @category Rules
 */
export const experienceExcluded = defineRule({
  id: 'experience-excluded',
  description: 'A decision maker whom professional evidence or data reaches but no lay experience does.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const graph = context.graph
    const deciders = context.holders(carriers.decision)
    const informed = context.flow(maskOf('evidence', 'data'), carriers.evidence, 'forward')
    const heard = context.flow(maskOf('experience'), carriers.experience, 'forward')
    const findings: Finding[] = []
    for (let v = 0; v < graph.actorCount; v++) {
      if (deciders[v] === 0 || informed[v] === 0 || heard[v] === 1) continue
      const id = graph.actors[v]!.id
      findings.push({
        message: `Evidence and data reach ${context.naming.actor(id)}, who ${decidingRoleOf(context, id)}, but no lay experience does: decisions are made without hearing the people they affect.`,
        level: decidingLevelOf(context, id),
        actors: [id],
        channels: [],
      })
    }
    return findings
  },
})
