import * as t from 'io-ts'
import { channelOfEdge } from '../../graph/compile.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { ruleOptions } from '../rule-options.js'
import { quoteIdQuickly } from '../naming.js'
import { carriedInWords } from './words.js'

/**
 * **open-loop** finds channels whose receiver has no way back to the sender at the
 * channel's level: stories, data or requests that go into a void. Closing the loop —
 * telling people what happened to what they said — is the core of Care Opinion's
 * "you said, we did", and a loop that never returns teaches nobody anything
 * (Argyris & Schön: without feedback there is no learning at all).
 *
 * How: per level, the strongly connected components of the level's active channels
 * (Tarjan); a channel whose ends lie in different components is open. Each finding
 * carries the Eswaran–Tarjan (1976) repair of its level: the fewest channels that make
 * the level strongly connected, preferring feedback from professional to lay actors.
 * O(V + E) per level, plus the repair.
 *
 * Options: `involvingLay` (default `false`): report only channels with a lay actor at
 * one end; the repair still closes every open loop of the level.
 * @category Rules
 */
export const openLoop = defineRule({
  id: 'open-loop',
  description: 'A channel whose receiver has no return path to its sender at the same level: feedback into a void.',
  defaultSeverity: 'warning',
  options: ruleOptions('OpenLoopOptions', { involvingLay: t.boolean }, { involvingLay: false }),
  check: (context, options) => {
    const findings: Finding[] = []
    for (const level of context.levelsInUse) {
      const graph = context.graphAt(level)
      const { componentOf } = context.componentsAt(level)
      let repair: Finding['repair']
      for (let v = 0; v < graph.actorCount; v++) {
        for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
          const w = graph.targets[e]!
          if (componentOf[v] === componentOf[w]) continue
          if (options.involvingLay && graph.lay[v] === 0 && graph.lay[w] === 0) continue
          const channel = channelOfEdge(graph, e)
          const sender = context.naming.actor(channel.from)
          const receiver = context.naming.actor(channel.to)
          const carried = carriedInWords(context, graph.edgeChannel[e]!)
          const opening =
            carried === 'nothing'
              ? `Channel ${quoteIdQuickly(channel.id)} links ${sender} to ${receiver}`
              : `Channel ${quoteIdQuickly(channel.id)} carries ${carried} from ${sender} to ${receiver}`
          repair ??= context.repairsAt(level)
          findings.push({
            message: `${opening}, but nothing ever returns from ${receiver} to ${sender} at ${level} level: feedback goes into a void.`,
            level,
            // Sorted here, so the engine need not sort each pair (the ends differ: a self-loop is never open).
            actors: channel.from < channel.to ? [channel.from, channel.to] : [channel.to, channel.from],
            channels: [channel.id],
            repair,
          })
        }
      }
    }
    return findings
  },
})
