import * as t from 'io-ts'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { carriers, countPerComponent, maskOf } from '../flow.js'
import { ruleOptions } from '../rule-options.js'
import { decidingLevelOf, decidingRoleOf } from './words.js'

/**
 * **no-lay-voice** finds those who set the rules — holders of a `plan` or `strategy`,
 * and by default of a `decision` — who are on no loop with any lay actor: the rules are
 * set without the people they govern. This sits at the bottom rungs of Arnstein's
 * ladder of participation; co-production needs lay people inside the loops that decide.
 * Loops among professionals only are normal and not reported; the rule looks only at
 * who decides.
 *
 * How: an actor shares a loop (a closed walk over active channels) with exactly the
 * actors of its strongly connected component, so the rule counts lay actors per
 * component. Exact, unbounded and O(V + E).
 *
 * Options: `includeDecisions` (default `true`): also check holders of `decision` assets,
 * not only of plans and strategies.
 * @category Rules
 */
export const noLayVoice = defineRule({
  id: 'no-lay-voice',
  description: 'A holder of a plan, strategy or decision that is on no loop with a lay actor.',
  defaultSeverity: 'warning',
  options: ruleOptions('NoLayVoiceOptions', { includeDecisions: t.boolean }, { includeDecisions: true }),
  check: (context, options) => {
    const graph = context.graph
    const components = context.components()
    const layPerComponent = countPerComponent(components, graph.lay)
    const deciders = context.holders(options.includeDecisions ? carriers.decision : maskOf('plan', 'strategy'))
    const findings: Finding[] = []
    for (let v = 0; v < graph.actorCount; v++) {
      if (deciders[v] === 0 || layPerComponent[components.componentOf[v]!]! > 0) continue
      const id = graph.actors[v]!.id
      findings.push({
        message: `${context.naming.actor(id)} ${decidingRoleOf(context, id)} but is on no loop with a lay actor: the rules are set without the people they govern.`,
        level: decidingLevelOf(context, id),
        actors: [id],
        channels: [],
      })
    }
    return findings
  },
})
