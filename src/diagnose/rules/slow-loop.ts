import * as t from 'io-ts'
import type { ChannelId } from '../../model/primitives.js'
import { type Level, levels } from '../../model/vocabulary.js'
import { quoteId } from '../../model/errors.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { NonNegativeNumber, ruleOptions } from '../rule-options.js'
import { cycleKey, loopActorIds, loopChannelIds, loopCycleKey, loopInWords, sortedUnique } from './words.js'

/** Days for a message: at most two decimals, so sums of fractions read as people write them. */
const days = (value: number): string => String(Number(value.toFixed(2)))

/**
 * **slow-loop** finds loops that take longer to come round than their budget: a
 * declared loop slower than its `maxLatencyDays`, or a found loop slower than the budget
 * for the highest level it touches. Feedback that arrives after the moment has passed
 * does not change what is done (Argyris & Schön), and people who wait months for a reply
 * stop speaking (Care Opinion).
 *
 * How: a declared loop's latency is the sum, over its steps, of the fastest active
 * channel's `latencyDays` (absent counts as 0; broken loops are left to
 * declared-loop-broken); a found loop's latency is `Loop.latencyDays`. Found loops that a
 * declared loop names are checked once, against the declared budget. O(loops × length).
 *
 * Options: `maxLatencyDays` (default `null`): one budget for every loop without its
 * own; `levelBudgetDays` (default delivery 30, planning 180, strategy 365): budgets by
 * level when `maxLatencyDays` is `null`.
 * @category Rules
 */
export const slowLoop = defineRule({
  id: 'slow-loop',
  description: 'A declared or found loop whose latency exceeds its budget.',
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
    const declared = new Set<string>()
    for (const loop of context.model.loops) {
      declared.add(cycleKey(loop.through, true))
      let latency = 0
      const used: ChannelId[] = []
      let broken = false
      for (let i = 0; i + 1 < loop.through.length && !broken; i++) {
        const active = context.channelsBetween(loop.through[i]!, loop.through[i + 1]!).filter((c) => c.status === 'active')
        if (active.length === 0) broken = true
        let fastest = active[0]
        for (const channel of active) if ((channel.latencyDays ?? 0) < (fastest?.latencyDays ?? 0)) fastest = channel
        if (fastest === undefined) continue
        latency += fastest.latencyDays ?? 0
        used.push(fastest.id)
      }
      const budget = loop.maxLatencyDays ?? budgetFor(loop.level)
      if (broken || latency <= budget) continue
      findings.push({
        message: `Declared loop ${quoteId(loop.id)} takes ${days(latency)} days to come round, more than its budget of ${days(budget)}: by the time people hear back, the moment has passed.`,
        level: loop.level,
        actors: sortedUnique(loop.through),
        channels: sortedUnique(used),
      })
    }
    for (const loop of context.loops().loops) {
      if (declared.size > 0 && declared.has(loopCycleKey(loop))) continue
      const level = levels.filter((candidate) => loop.levels.includes(candidate)).pop() ?? 'delivery'
      const budget = budgetFor(level)
      if (loop.latencyDays <= budget) continue
      const opening = loopInWords(context, loop)
      findings.push({
        message: `${opening[0]!.toUpperCase()}${opening.slice(1)} takes ${days(loop.latencyDays)} days to come round, more than the ${days(budget)}-day budget for ${level} loops: by the time people hear back, the moment has passed.`,
        level,
        actors: loopActorIds(loop),
        channels: loopChannelIds(loop),
        loop,
      })
    }
    return findings
  },
})
