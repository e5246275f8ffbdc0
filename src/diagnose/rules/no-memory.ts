import type { Loop } from '../../graph/types.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { noOptions } from '../rule-options.js'
import { maskOf } from '../flow.js'
import { heldKindsOf, sortedUnique } from './words.js'

const lessonBit = maskOf('lesson')

/**
 * **no-memory** finds a level on which experience is acted on but no loop writes a
 * `lesson`: what is learned lives only in people's heads and leaves with them. Beer's
 * viable system model needs a memory in every system that adapts; organisational
 * intelligence names "remember" as one of its six capabilities.
 *
 * How: per level, the loops found with a channel there (bounded; see
 * `Diagnosis.truncated`). Experience is acted on when a loop passes through sensing and
 * then deciding or acting; it is remembered when some loop at the level carries a lesson
 * or passes through an actor who holds one. O(loops × length).
 *
 * Options: none.
 * @category Rules
 */
export const noMemory = defineRule({
  id: 'no-memory',
  description: 'A level on which experience is acted on but no loop writes a lesson.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const remembers = (loop: Loop): boolean =>
      loop.stages.includes('remember') ||
      loop.actors.some((id) => (heldKindsOf(context, id) & lessonBit) !== 0)
    const findings: Finding[] = []
    for (const level of context.levelsInUse) {
      const loops = context.loopsAt(level)
      const acting = loops.filter((loop) => loop.stages.includes('sense') && (loop.stages.includes('act') || loop.stages.includes('decide')))
      if (acting.length === 0 || loops.some(remembers)) continue
      findings.push({
        message: `Experience is acted on at ${level} level, but no loop there writes a lesson: what is learned is forgotten when people move on.`,
        level,
        actors: sortedUnique(acting.flatMap((loop) => loop.actors)),
        channels: [],
      })
    }
    return findings
  },
})
