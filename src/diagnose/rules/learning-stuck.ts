import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { carriers, maskOf } from '../flow.js'
import { noOptions } from '../rule-options.js'

/**
 * **learning-stuck** finds delivery-level experience that never reaches anyone who holds
 * a plan or a strategy, so what is learned where care happens can change actions but
 * never the rules (Argyris & Schön's double loop) or who decides (the triple loop).
 *
 * How: one backward search from the holders of `plan` and `strategy` assets over active
 * channels that carry experience, or insights and lessons made from it; an actor taking
 * part in delivery who holds experience and is not reached is stuck. O(V + E).
 *
 * Options: none.
 * @category Rules
 */
export const learningStuck = defineRule({
  id: 'learning-stuck',
  description: 'Delivery-level experience that never reaches a planning or strategy governing asset.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const graph = context.graph
    const witnesses = context.holders(maskOf('experience'))
    const reachesRules = context.flow(maskOf('plan', 'strategy'), carriers.experience, 'backward')
    const findings: Finding[] = []
    for (let v = 0; v < graph.actorCount; v++) {
      const actor = graph.actors[v]!
      if (witnesses[v] === 0 || reachesRules[v] === 1 || !actor.levels.includes('delivery')) continue
      findings.push({
        message: `Experience held by ${context.naming.actor(actor.id)} never reaches anyone who holds a plan or strategy: what is learned in delivery can change actions but never the rules.`,
        level: 'delivery',
        actors: [actor.id],
        channels: [],
      })
    }
    return findings
  },
})
