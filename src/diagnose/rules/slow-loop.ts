import * as t from 'io-ts'
import type { TracedLoop } from '../../graph/trace-types.js'
import type { DeclaredLoop } from '../../model/codecs.js'
import type { AssetId } from '../../model/primitives.js'
import { type Level, levels } from '../../model/vocabulary.js'
import type { DiagnosisContext } from '../context.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { NonNegativeNumber, ruleOptions } from '../rule-options.js'
import { declaredNamesOf } from './declared-names.js'
import { closureTimer } from '../../graph/trace-points.js'
import { outcomeRank } from './chain-levels.js'
import { levelOfLoop } from '../loop-level.js'

/** Days for a message: at most two decimals, so sums of fractions read as people write them. */
const days = (value: number): string => String(Number(value.toFixed(2)))

/**
 * **slow-loop** finds knowledge that comes back too late: the fastest round trip of a
 * source, from the story told to the reply received, longer than its budget. Feedback
 * that arrives after the moment has passed does not change what is done (Argyris &
 * Schön), and people who wait months for a reply stop speaking (Care Opinion).
 *
 * How: a declared loop's budget (`maxLatencyDays`, for the whole round trip; the level's
 * budget when it sets none, and the message says so) applies to the traced loops it
 * names: its source's, or, when it declares none, those of sources held by an actor on it
 * and closed by another on it. A declared loop times its promise: the fastest round trip
 * that has gone that far (a loop that promises a decision is kept when the written answer
 * comes in time, though the change comes later), over its own steps where they keep it,
 * else over any route. Other closed traced loops are
 * held to the budget for the highest level they travel at, and filed at the level the
 * loop counts at (as the scorecard counts it). The latency is
 * `TracedLoop.latencyDays`, the fastest round trip; open loops are left to `open-loop`.
 * One finding per source, with the tightest budget that names it. There is no channel
 * repair: speed up the slowest step, or agree a budget the service can keep.
 * O(traced loops + declared loops' lengths).
 *
 * Options: `maxLatencyDays` (default `null`): one budget for every loop no declared loop
 * names; `levelBudgetDays` (default delivery 30, planning 180, strategy 365): budgets
 * by level when `maxLatencyDays` is `null`.
 * @category Rules
 */
export const slowLoop = defineRule({
  id: 'slow-loop',
  description: 'Knowledge whose fastest round trip takes longer than its budget.',
  defaultSeverity: 'warning',
  options: ruleOptions(
    'SlowLoopOptions',
    {
      maxLatencyDays: t.union([NonNegativeNumber, t.null]),
      levelBudgetDays: t.type({ delivery: NonNegativeNumber, planning: NonNegativeNumber, strategy: NonNegativeNumber }),
    },
    { maxLatencyDays: null, levelBudgetDays: { delivery: 30, planning: 180, strategy: 365 } },
  ),
  check: (context, options) => {
    const budgetFor = (level: Level): number => options.maxLatencyDays ?? options.levelBudgetDays[level]
    const findings: Finding[] = []
    const namesOf = declaredNamesOf(context.model.loops)
    let timer: ReturnType<typeof closureTimer> | undefined
    for (const loop of context.traces().loops) {
      if (loop.latencyDays === undefined) continue
      const named = namesOf(loop)
      if (named.length > 0) {
        // Each declared loop is timed by what it promises (a loop that promises a decision is
        // kept when the decision comes back in time, though a change comes back later), on
        // its own steps where they keep the promise: the Safety Champions' loop is not kept
        // by the LMNS board's faster reply. Else by the fastest route that keeps it (a panel's
        // loop whose change is made by a team it does not name).
        const source = context.traceIndex().carriage.assetIndex.get(loop.source)!
        let worst: { readonly declared: DeclaredLoop; readonly own: boolean; readonly latencyDays: number; readonly closedBy: AssetId } | undefined
        let over = 0
        for (const declared of named) {
          // A declared loop that promises nothing promises an answer.
          const promised = declared.promises === undefined ? 0 : outcomeRank(declared.promises)
          timer ??= closureTimer(context.traceIndex())
          const own = timer(source, promised, declared.through)
          // A promise no route keeps is declared-loop-broken's; the loop is still timed as it closes.
          const timed = own ?? timer(source, promised) ?? { latencyDays: loop.latencyDays, closedBy: loop.closedBy! }
          const excess = timed.latencyDays - (declared.maxLatencyDays ?? budgetFor(declared.level))
          if (excess > over) ((over = excess), (worst = { declared, own: own !== undefined, ...timed }))
        }
        if (worst === undefined) continue
        const { declared, own } = worst
        const id = context.naming.loop(declared.id)
        const budget = declared.maxLatencyDays ?? budgetFor(declared.level)
        const [route, whose] = own
          ? [`along declared loop ${id}`, declared.maxLatencyDays === undefined ? `${declared.level} loops (it sets none)` : 'its']
          : ['by the fastest route', declared.maxLatencyDays === undefined ? `${declared.level} loops (declared loop ${id} sets none)` : `declared loop ${id}`]
        findings.push(slowFinding(context, { ...loop, latencyDays: worst.latencyDays, closedBy: worst.closedBy }, budget, whose, declared.level, route))
        continue
      }
      const level = levels.filter((candidate) => loop.levels.includes(candidate)).pop() ?? 'delivery'
      const budget = budgetFor(level)
      if (loop.latencyDays <= budget) continue
      // Filed where the loop counts, as the scorecard counts it; timed by the highest level it reached.
      findings.push(slowFinding(context, loop, budget, options.maxLatencyDays === null ? `${level} loops` : 'every loop', levelOfLoop(context, loop) ?? level, 'by the fastest route'))
    }
    return findings
  },
})

const slowFinding = (context: DiagnosisContext, loop: TracedLoop, budget: number, whose: string, level: Level, route: string): Finding => {
  const { naming } = context
  const reply = loop.closedBy === undefined ? '' : ` (${naming.asset(loop.closedBy)})`
  const budgetWords = whose === 'its' ? `its ${days(budget)}-day budget` : `the ${days(budget)}-day budget of ${whose}`
  return {
    message: `${naming.asset(loop.source)} from ${naming.actor(loop.holder)} takes ${days(loop.latencyDays!)} days to come back${reply} ${route}, more than ${budgetWords}: by the time they hear back, the moment has passed.`,
    level,
    actors: [loop.holder, ...loop.steps.map((step) => step.to)],
    channels: loop.steps.map((step) => step.channel),
    assets: [loop.source, ...loop.derived],
  }
}
