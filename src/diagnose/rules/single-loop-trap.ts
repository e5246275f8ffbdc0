import type { Finding } from '../types.js'
import { isAct } from './acted-not-reported.js'
import { defineRule } from '../define-rule.js'
import { governingRepair } from '../governing-repair.js'
import { listInWords } from '../naming.js'
import { noOptions } from '../rule-options.js'
import { sortedUnique } from './words.js'

/**
 * **single-loop-trap** finds a level whose traced loops never change a rule: nothing
 * that starts there (a story, an audit, a survey) is ever made into a `plan` or a
 * `strategy`. The organisation there can correct what it does but never the rules it
 * works by: Argyris & Schön call this single-loop learning, and organisations caught in
 * it fix the same problems again and again.
 *
 * How: per level, the traced loops (`traceLoops`) of sources held by actors taking part
 * in it; if there is at least one and every one has learning order `single`, the level
 * is trapped: one finding per level. The repair brings the furthest thing made from
 * those sources that a plan could be made from (a source, or an insight) to a holder of
 * a plan or strategy. O(traced loops).
 *
 * Options: none.
 * @category Rules
 */
export const singleLoopTrap = defineRule({
  id: 'single-loop-trap',
  description: 'A level whose traced loops are never made into a governing asset (plan or strategy).',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const findings: Finding[] = []
    const { naming } = context
    for (const level of context.levelsInUse) {
      const loops = context.tracesHeldAt(level)
      if (loops.length === 0 || loops.some((loop) => loop.order !== 'single')) continue
      const found = governingRepair(context, loops, ['plan', 'strategy'], {
        level: level === 'delivery' ? 'planning' : level,
        purpose: `so that what is learned at ${level} level can change a rule`,
      })
      const sources = loops.map((loop) => loop.source)
      // Say what the loops do change, if anything: a heard-only loop changes nothing at all.
      const acts = loops.some((loop) => loop.derived.some((id) => isAct(context, id)))
      const consequence = acts ? 'the organisation can change what it does there but never the rules it works by' : `nothing there is changed from ${loops.length === 1 ? 'it' : 'them'}, let alone the rules the organisation works by`
      findings.push({
        message: `${loops.length === 1 ? `The one loop that starts at ${level} level (${naming.asset(sources[0]!)}) is never` : `None of the ${loops.length} loops that start at ${level} level (${listInWords(sources.map(naming.asset), 3)}) is`} made into a plan or strategy: ${consequence}.`,
        level,
        actors: sortedUnique([...loops.map((loop) => loop.holder), ...(found === undefined ? [] : [found.channel.from, found.target])]),
        channels: [],
        assets: sources,
        ...(found === undefined ? {} : { repair: [found.channel] }),
      })
    }
    return findings
  },
})
