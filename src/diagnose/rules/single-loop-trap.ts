import type { Finding } from '../types.js'
import { isAct } from './acted-not-reported.js'
import { defineRule } from '../define-rule.js'
import { governingRepair, noChannelWords } from '../governing-repair.js'
import { listInWords } from '../naming.js'
import { noOptions } from '../rule-options.js'
import { sortedUnique } from './words.js'
import type { DiagnosisContext } from '../context.js'
import type { AssetId } from '../../model/primitives.js'
import { orderOfAsset } from '../../graph/provenance.js'

/** Whether an asset is a rule the organisation works by (a plan, a strategy, or an experiment held at strategy level), as traced loops' learning order reads it. */
const isGoverning = (context: DiagnosisContext, id: AssetId): boolean => {
  const asset = context.asset(id)
  return asset !== undefined && orderOfAsset(asset.kind, context.actor(asset.holder)?.levels ?? []) !== 'single'
}

/**
 * **single-loop-trap** finds a level whose traced loops never change a rule: nothing
 * that starts there (a story, an audit, a survey) is ever made into a `plan` or a
 * `strategy`. The organisation there can correct what it does but never the rules it
 * works by: Argyris & Schön call this single-loop learning, and organisations caught in
 * it fix the same problems again and again.
 *
 * How: per level, the traced loops (`traceLoops`) of the sources that count there (as
 * the scorecard counts them: see `tracesStartingAt`); if there is at least
 * one and nothing made from any of them is a plan, a strategy or a strategy-level
 * experiment, the level is trapped: one finding per level. In a model that holds no plan
 * or strategy at all, which may leave out where rules are made, one finding for every
 * trapped level, one severity lower, asks for them. The repair brings the furthest thing made from
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
    // A model that holds no plan or strategy at all may leave out where rules are made: then
    // the finding is one step lower and asks for them.
    const ruleless = !context.model.assets.some((asset) => asset.kind === 'plan' || asset.kind === 'strategy')
    // A source counts at one level (as in the scorecard), so a holder at two levels is not
    // reported twice for the same sources.
    const trapped = context.levelsInUse
      .map((level) => ({ level, loops: context.tracesStartingAt(level) }))
      .filter(({ loops }) => loops.length > 0 && !loops.some((loop) => loop.derived.some((id) => isGoverning(context, id))))
    // With no plan or strategy anywhere, every level asks the same question (who makes the
    // rules?): asked once, at the lowest trapped level, of every trapped loop.
    const groups =
      ruleless && trapped.length > 1
        ? [{ level: trapped[0]!.level, at: `${listInWords(trapped.map((each) => each.level))} levels`, loops: trapped.flatMap((each) => each.loops) }]
        : trapped.map((each) => ({ ...each, at: `${each.level} level` }))
    for (const { level, at, loops } of groups) {
      const found = governingRepair(context, loops, ['plan', 'strategy'], {
        level: level === 'delivery' ? 'planning' : level,
        purpose: `so that what is learned at ${level} level can change a rule`,
      })
      const sources = loops.map((loop) => loop.source)
      // Say what the loops do change, if anything: a heard-only loop changes nothing at all.
      const acts = loops.some((loop) => loop.derived.some((id) => isAct(context, id)))
      const consequence = acts ? 'the organisation can change what it does there but never the rules it works by' : `nothing there is changed from ${loops.length === 1 ? 'it' : 'them'}, let alone the rules the organisation works by`
      findings.push({
        message: `${loops.length === 1 ? `The one loop that starts at ${at} (${naming.asset(sources[0]!)}) is never` : `None of the ${loops.length} loops that start at ${at} (${listInWords(sources.map(naming.asset), 3)}) is`} made into a plan or strategy: ${consequence}.${noChannelWords(context, found, ['plan', 'strategy'])}${ruleless ? ' The model holds no plan or strategy at all: if rules are made elsewhere, add who makes them, to see whether what is learned here reaches them.' : ''}`,
        level,
        actors: sortedUnique([...loops.map((loop) => loop.holder), ...(found?.channel === undefined ? [] : [found.channel.from, found.target])]),
        channels: [],
        assets: sources,
        ...(found?.channel === undefined ? {} : { repair: [found.channel] }),
        ...(ruleless ? { demoted: true } : {}),
      })
    }
    return findings
  },
})
