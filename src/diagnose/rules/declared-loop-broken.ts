import type { ProposedChannel } from '../../graph/types.js'
import type { ActorId, ChannelId } from '../../model/primitives.js'
import { quoteId } from '../../model/errors.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { noOptions } from '../rule-options.js'
import { sortedUnique } from './words.js'

/**
 * **declared-loop-broken** finds loops the organisation says it has — "you said, we
 * did", a carers' concerns service — with a step on which no channel is active: a
 * letter template withdrawn, a meeting that stopped. A declared loop that cannot close
 * is worse than none, because people keep speaking into it (Care Opinion: one story in
 * four gets no reply).
 *
 * How: for each step of each declared loop, look for an active channel, at any level,
 * from the step's actor to the next. O(steps) with the context's channel index.
 * The repair proposes one channel per broken step, at the loop's level, carrying what
 * an inactive channel on that step carried, if there is one.
 *
 * Options: none.
 * @category Rules
 */
export const declaredLoopBroken = defineRule({
  id: 'declared-loop-broken',
  description: 'A declared loop with a step that has no active channel.',
  defaultSeverity: 'error',
  options: noOptions,
  check: (context) => {
    const findings: Finding[] = []
    for (const loop of context.model.loops) {
      const brokenSteps: Array<readonly [ActorId, ActorId]> = []
      const idle: ChannelId[] = []
      const repair: ProposedChannel[] = []
      for (let i = 0; i + 1 < loop.through.length; i++) {
        const from = loop.through[i]!
        const to = loop.through[i + 1]!
        const channels = context.channelsBetween(from, to)
        if (channels.some((channel) => channel.status === 'active')) continue
        brokenSteps.push([from, to])
        idle.push(...channels.map((channel) => channel.id))
        repair.push({
          from,
          to,
          level: loop.level,
          carries: sortedUnique(channels.flatMap((channel) => channel.carries)),
          reason: `Restores the step from ${quoteId(from)} to ${quoteId(to)} of declared loop ${quoteId(loop.id)}.`,
        })
      }
      if (brokenSteps.length === 0) continue
      const steps = brokenSteps.map(([from, to]) => `from ${context.naming.actor(from)} to ${context.naming.actor(to)}`)
      findings.push({
        message: `Declared loop ${quoteId(loop.id)} is broken: no active channel runs ${steps.join(' or ')}, so people keep speaking into a loop that cannot close.`,
        level: loop.level,
        actors: sortedUnique(brokenSteps.flat()),
        channels: sortedUnique(idle),
        repair,
      })
    }
    return findings
  },
})
