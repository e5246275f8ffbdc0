import type { ActorId, ChannelId } from '../../model/primitives.js'
import { levels } from '../../model/vocabulary.js'
import { defineRule } from '../define-rule.js'
import { listInWords, quoteIdQuickly } from '../naming.js'
import { noOptions } from '../rule-options.js'
import type { Finding } from '../types.js'

/**
 * **unknown-polarity** finds links of working loops whose polarity (`+` or `-`) is not
 * given, so nobody can tell whether the loop reinforces (grows what flows round it) or
 * balances (holds it steady) — the distinction system dynamics and Beer's regulation
 * rest on. (The simulation does not read polarity.)
 *
 * How: the channels on the routes (`steps`) of closed traced loops (`traceLoops`) that
 * have no `polarity`, one finding per sending actor. Only for a model that gives a
 * polarity to at least one channel: polarity is an optional layer of a model, and a
 * model that never uses it would get a note on every loop that says nothing about the
 * organisation, so such a model gets none. O(steps of the traced loops).
 *
 * Options: none.
 * @category Rules
 */
export const unknownPolarity = defineRule({
  id: 'unknown-polarity',
  description: 'A channel on a working loop with no polarity, in a model that uses polarity.',
  defaultSeverity: 'info',
  options: noOptions,
  check: (context) => {
    // Only a model that uses polarity somewhere, and not everywhere, has anything to report.
    let signed = 0
    for (const channel of context.model.channels) if (channel.polarity !== undefined) signed++
    if (signed === 0 || signed === context.model.channels.length) return []
    const unsigned = context.cargo().unsignedChannels
    const bySender = new Map<ActorId, Set<ChannelId>>()
    for (const loop of context.traces().loops) {
      if (loop.outcome === 'open') continue
      for (const step of loop.steps) {
        if (!unsigned.has(step.channel)) continue
        const channels = bySender.get(step.from)
        if (channels === undefined) bySender.set(step.from, new Set([step.channel]))
        else channels.add(step.channel)
      }
    }
    return [...bySender].map(([sender, set]): Finding => {
      const channels = [...set].sort()
      const one = channels.length === 1
      return {
        message: `${one ? 'Channel' : 'Channels'} ${listInWords(channels.map(quoteIdQuickly))} from ${context.naming.actor(sender)}, on a working loop, ${one ? 'has' : 'have'} no polarity (+ or -), so nobody can tell whether the loop reinforces or balances what flows round it.`,
        level: levels.find((level) => context.actor(sender)?.levels.includes(level)),
        actors: [sender, ...channels.map((id) => context.channel(id)?.to ?? sender)],
        channels,
      }
    })
  },
})
