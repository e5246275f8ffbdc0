import { channelOfEdge } from '../../graph/compile.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { carriers, countPerComponent } from '../flow.js'
import { noOptions } from '../rule-options.js'
import { sortedUnique } from './words.js'

/**
 * **tokenistic-participation** finds lay actors who send what they know — stories,
 * survey answers, consultation responses — but are on no loop with anyone who decides.
 * Arnstein's ladder of participation calls informing and consultation without power
 * tokenism: people are asked, and nothing they say comes back through a decision.
 *
 * How: a lay actor with at least one active outgoing channel whose strongly connected
 * component (the actors it shares a closed loop with) holds no `decision`, `plan` or
 * `strategy`. O(V + E).
 *
 * Options: none.
 * @category Rules
 */
export const tokenisticParticipation = defineRule({
  id: 'tokenistic-participation',
  description: 'A lay actor that only sends, on no loop with anyone who decides.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const graph = context.graph
    const components = context.components()
    const decidersPerComponent = countPerComponent(components, context.holders(carriers.decision))
    const findings: Finding[] = []
    for (let v = 0; v < graph.actorCount; v++) {
      const start = graph.offsets[v]!
      const end = graph.offsets[v + 1]!
      if (graph.lay[v] === 0 || start === end || decidersPerComponent[components.componentOf[v]!]! > 0) continue
      const actor = graph.actors[v]!
      const sent = []
      for (let e = start; e < end; e++) sent.push(channelOfEdge(graph, e))
      findings.push({
        message: `${context.naming.actor(actor.id)} can only send what they know and are on no loop with anyone who decides: their participation stops at informing and consultation.`,
        level: sortedUnique(sent.map((channel) => channel.level)).sort((a, b) => levelRank(a) - levelRank(b))[0],
        actors: [actor.id],
        channels: sortedUnique(sent.map((channel) => channel.id)),
      })
    }
    return findings
  },
})

const levelRank = (level: string): number => (level === 'delivery' ? 0 : level === 'planning' ? 1 : 2)
