import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { carriers, maskOf } from '../flow.js'
import { noOptions } from '../rule-options.js'
import { decidingLevelOf, decidingRoleOf } from './words.js'

/**
 * **no-sensemaking** finds decision makers who receive raw experience, evidence or data
 * but no `insight`: decisions taken without the step that synthesises lay and
 * professional narratives (sensemaking, one of the six capabilities of organisational
 * intelligence; Owens on combining perspectives). Single stories then drive decisions,
 * or are ignored, instead of being read together.
 *
 * How: a forward search from holders of experience, evidence and data over channels
 * that carry them unprocessed, and one from holders of insights over channels that carry
 * insights. A holder of a `decision`, `plan` or `strategy` reached by raw knowledge and
 * neither holding nor receiving any insight has no sensemaking before it. O(V + E).
 *
 * Options: none.
 * @category Rules
 */
export const noSensemaking = defineRule({
  id: 'no-sensemaking',
  description: 'Experience or data reaches a decision without passing through an insight.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const graph = context.graph
    const deciders = context.holders(carriers.decision)
    const raw = context.flow(carriers.rawSense, carriers.rawSense, 'forward')
    const synthesised = context.flow(maskOf('insight'), carriers.insight, 'forward')
    const findings: Finding[] = []
    for (let v = 0; v < graph.actorCount; v++) {
      if (deciders[v] === 0 || raw[v] === 0 || synthesised[v] === 1) continue
      const id = graph.actors[v]!.id
      findings.push({
        message: `Raw experience or data reaches ${context.naming.actor(id)}, who ${decidingRoleOf(context, id)}, but no insight does: nobody makes sense of what is heard before it is decided on.`,
        level: decidingLevelOf(context, id),
        actors: [id],
        channels: [],
      })
    }
    return findings
  },
})
