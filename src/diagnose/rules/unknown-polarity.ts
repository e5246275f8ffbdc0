import { quoteIdQuickly } from '../naming.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { noOptions } from '../rule-options.js'
import { loopActorIds, loopChannelIds, loopInWords } from './words.js'

/**
 * **unknown-polarity** finds loops with a link whose polarity (`+` or `-`) is not given,
 * so nobody can tell whether the loop reinforces (grows what flows round it) or balances
 * (holds it steady) — the distinction system dynamics and Beer's regulation rest on.
 * (The simulation does not read polarity.)
 *
 * How: a scan of the loops found (bounded) for a step whose channels lack a polarity.
 * O(loops × length).
 *
 * Options: none.
 * @category Rules
 */
export const unknownPolarity = defineRule({
  id: 'unknown-polarity',
  description: 'A loop with a link of unknown polarity.',
  defaultSeverity: 'info',
  options: noOptions,
  check: (context) => {
    const findings: Finding[] = []
    const loops = context.loops().loops.filter((loop) => loop.polarity === 'unknown')
    if (loops.length === 0) return findings
    const unsigned = context.cargo().unsignedChannels
    for (const loop of loops) {
      const unknown = loopChannelIds(loop).filter((id) => unsigned.has(id))
      const opening = loopInWords(context, loop)
      const links =
        unknown.length === 0
          ? 'a step whose parallel channels disagree in polarity'
          : `${unknown.length === 1 ? 'a link' : `${unknown.length} links`} of unknown polarity (${unknown.slice(0, 3).map(quoteIdQuickly).join(', ')}${unknown.length > 3 ? ', ...' : ''})`
      findings.push({
        message: `${opening[0]!.toUpperCase()}${opening.slice(1)} has ${links}, so nobody can tell whether it reinforces or balances.`,
        level: loop.levels[0],
        actors: loopActorIds(loop),
        channels: unknown.length === 0 ? loopChannelIds(loop) : unknown,
        loop,
      })
    }
    return findings
  },
})
