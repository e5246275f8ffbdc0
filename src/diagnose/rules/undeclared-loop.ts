import * as t from 'io-ts'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { ruleOptions } from '../rule-options.js'
import { cycleKey, loopActorIds, loopChannelIds, loopCycleKey, loopInWords } from './words.js'

/**
 * **undeclared-loop** finds loops that work but that no declared loop names: feedback the
 * organisation relies on without knowing it, which nobody will protect when a service is
 * redesigned. Argyris & Schön distinguish an organisation's espoused theory from its
 * theory-in-use; this rule lists the loops in use that are not espoused.
 *
 * How: compare the loops found (bounded) with the declared loops, as cycles of actors
 * in canonical rotation. Loops among professionals only are normal coordination and are
 * not reported unless asked. O(loops × length).
 *
 * Options: `includeProfessionalOnly` (default `false`).
 * @category Rules
 */
export const undeclaredLoop = defineRule({
  id: 'undeclared-loop',
  description: 'A loop that works but that no declared loop names.',
  defaultSeverity: 'info',
  options: ruleOptions('UndeclaredLoopOptions', { includeProfessionalOnly: t.boolean }, { includeProfessionalOnly: false }),
  check: (context, options) => {
    const declared = new Set(context.model.loops.map((loop) => cycleKey(loop.through, true)))
    const findings: Finding[] = []
    for (const loop of context.loops().loops) {
      if (declared.size > 0 && declared.has(loopCycleKey(loop))) continue
      if (!options.includeProfessionalOnly && loop.layActors === 0) continue
      const opening = loopInWords(context, loop)
      findings.push({
        message: `${opening[0]!.toUpperCase()}${opening.slice(1)} works, but no declared loop names it: the organisation relies on it without knowing, and may lose it in a redesign.`,
        level: loop.levels[0],
        actors: loopActorIds(loop),
        channels: loopChannelIds(loop),
        loop,
      })
    }
    return findings
  },
})
