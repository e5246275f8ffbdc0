import * as t from 'io-ts'
import type { TracedLoop } from '../../graph/trace-types.js'
import type { DiagnosisContext } from '../context.js'
import { defineRule } from '../define-rule.js'
import { levelOfLoop } from '../loop-level.js'
import { loopRepair } from '../loop-repair.js'
import { ruleOptions } from '../rule-options.js'
import type { Finding } from '../types.js'
import { receivedAsDecision, stopInWords } from './trace-words.js'

/**
 * **open-loop** finds knowledge that never comes back to the people it came from: a
 * patient's story, a carer's complaint, a team's evidence that travels out and is never
 * answered, and names where it stops. Closing the loop, telling people what happened to
 * what they said, is the core of Care Opinion's "you said, we did"; a loop that never
 * returns teaches nobody anything (Argyris & Schön: without feedback there is no
 * learning at all).
 *
 * How: one finding per source whose traced loop (`traceLoops`) has outcome `open`. Lay
 * and mixed sources (patients, carers, forums) are reported at the rule's severity,
 * professional sources one step lower. The repair is a reply to the holder from whoever
 * holds the furthest thing made from it, or, where a broken declared loop names the
 * source, that loop's own repairs (see `loopRepair`). O(traced loops).
 *
 * Options: `involvingLay` (default `false`): report only lay and mixed sources.
 * @category Rules
 */
export const openLoop = defineRule({
  id: 'open-loop',
  description: 'Knowledge (a story, evidence or data) that never comes back to the people it came from; names where it stops.',
  defaultSeverity: 'warning',
  options: ruleOptions('OpenLoopOptions', { involvingLay: t.boolean }, { involvingLay: false }),
  check: (context, options) => {
    const findings: Finding[] = []
    for (const loop of context.traces().loops) {
      if (loop.outcome !== 'open') continue
      const lay = context.actor(loop.holder)?.perspective !== 'professional'
      if (options.involvingLay && !lay) continue
      findings.push(openLoopFinding(context, loop, lay))
    }
    return findings
  },
})

const openLoopFinding = (context: DiagnosisContext, loop: TracedLoop, lay: boolean): Finding => {
  const stop = loop.stopsAt!
  const repair = loopRepair(context, loop)
  return {
    message: `${context.naming.asset(loop.source)} from ${context.naming.actor(loop.holder)} ${stopInWords(context, loop)}: nothing comes back to ${context.naming.actor(loop.holder)}.`,
    level: levelOfLoop(context, loop),
    actors: loop.holder === stop.actor ? [loop.holder] : [loop.holder, stop.actor],
    channels: [...loop.steps.map((step) => step.channel), ...stop.idleChannels],
    assets: [loop.source, ...loop.derived],
    // A decision made from what they said and given to them (a care plan) is a note: it may be their answer.
    ...(lay && !receivedAsDecision(context, loop) ? {} : { demoted: true }),
    ...(repair === undefined ? {} : { repair }),
  }
}
