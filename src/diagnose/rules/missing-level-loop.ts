import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { noOptions } from '../rule-options.js'

/**
 * **missing-level-loop** finds a level where both lay and professional actors take part
 * but no loop joins them: the two perspectives sit side by side and never meet.
 * Co-production combines lay and professional perspectives (Owens) at each level —
 * delivery, planning and strategy — or it is not co-production at that level.
 *
 * How: the strongly connected components of the level's active channels; the level has
 * a joining loop when some component holds actors of both perspectives. Exact, O(V + E)
 * per level.
 *
 * Options: none.
 * @category Rules
 */
export const missingLevelLoop = defineRule({
  id: 'missing-level-loop',
  description: 'A level with actors of both perspectives but no loop joining them.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const findings: Finding[] = []
    for (const level of context.levelsInUse) {
      const graph = context.graphAt(level)
      const { count, componentOf } = context.componentsAt(level)
      const seen = new Uint8Array(count)
      let lay = false
      let professional = false
      let joined = false
      for (let v = 0; v < graph.actorCount; v++) {
        if (!graph.actors[v]!.levels.includes(level)) continue
        const bit = graph.lay[v] === 1 ? 1 : 2
        if (bit === 1) lay = true
        else professional = true
        seen[componentOf[v]!]! |= bit
        if (seen[componentOf[v]!] === 3) joined = true
      }
      if (!lay || !professional || joined) continue
      findings.push({
        message: `Lay and professional actors both take part at ${level} level, but no loop there joins them: the two perspectives never meet.`,
        level,
        actors: [],
        channels: [],
      })
    }
    return findings
  },
})
