import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { noOptions } from '../rule-options.js'
import { sortedUnique } from './words.js'

/**
 * **single-loop-trap** finds a level whose loops never touch a governing asset (a `plan`
 * or a `strategy`): the organisation there can correct what it does but never the rules
 * it works by. Argyris & Schön call this single-loop learning; organisations caught in
 * it fix the same problems again and again.
 *
 * How: the loops found (bounded; see `Diagnosis.truncated`) with a channel at the level;
 * if there is at least one and every one has learning order `single`, the level is
 * trapped. O(loops).
 *
 * Options: none.
 * @category Rules
 */
export const singleLoopTrap = defineRule({
  id: 'single-loop-trap',
  description: 'A level whose loops never touch a governing asset (plan or strategy).',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const findings: Finding[] = []
    for (const level of context.levelsInUse) {
      const loops = context.loopsAt(level)
      if (loops.length === 0 || loops.some((loop) => loop.order !== 'single')) continue
      findings.push({
        message: `${loops.length === 1 ? `The one loop at ${level} level touches no` : `None of the ${loops.length} loops at ${level} level touches a`} plan or strategy: the organisation can change what it does there but never the rules it works by.`,
        level,
        actors: sortedUnique(loops.flatMap((loop) => loop.actors)),
        channels: [],
      })
    }
    return findings
  },
})
