import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { carriers, maskOf } from '../flow.js'
import { noOptions } from '../rule-options.js'
import { decidingLevelOf, decidingRoleOf } from './words.js'

/**
 * **heard-not-acted** finds decision makers whom lay experience reaches but whose
 * decisions never lead to a change: listening without acting. Being heard and seeing
 * nothing change is the step on Arnstein's ladder of participation called placation,
 * and Argyris & Schön's single loop does not even start: no action changes.
 *
 * How: experience travels over active channels that carry experience, or the insights
 * and lessons made from it by someone who heard it (the context's `flow`). A decision
 * maker holds a `decision`, `plan` or `strategy`. A change follows when a chain of
 * channels carrying decisions, plans or strategies runs from the decision maker to a
 * holder of a `change` (or the decision maker holds one). Two breadth-first searches,
 * O(V + E).
 *
 * Options: none.
 * @category Rules
 */
export const heardNotActed = defineRule({
  id: 'heard-not-acted',
  description: 'Experience reaches a decision maker, but no change follows from their decisions.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const graph = context.graph
    const deciders = context.holders(carriers.decision)
    const heard = context.flow(maskOf('experience'), carriers.experience, 'forward')
    const leadsToChange = context.flow(maskOf('change'), carriers.decision, 'backward')
    const findings: Finding[] = []
    for (let v = 0; v < graph.actorCount; v++) {
      if (deciders[v] === 0 || heard[v] === 0 || leadsToChange[v] === 1) continue
      const id = graph.actors[v]!.id
      findings.push({
        message: `Experience reaches ${context.naming.actor(id)}, who ${decidingRoleOf(context, id)}, but none of those decisions leads to a change: people are heard and nothing is done.`,
        level: decidingLevelOf(context, id),
        actors: [id],
        channels: [],
      })
    }
    return findings
  },
})
