import * as t from 'io-ts'
import type { TracedLoop } from '../../graph/trace-types.js'
import type { ActorId } from '../../model/primitives.js'
import { isLayVoice, levels } from '../../model/vocabulary.js'
import type { DiagnosisContext } from '../context.js'
import { defineRule } from '../define-rule.js'
import { listInWords } from '../naming.js'
import { ruleOptions } from '../rule-options.js'
import type { Finding } from '../types.js'
import { declaredNamesOf } from './declared-names.js'

/**
 * **undeclared-loop** finds loops that work but that no declared loop names: feedback the
 * organisation relies on without knowing it, which nobody will protect when a service is
 * redesigned. Argyris & Schön distinguish an organisation's espoused theory from its
 * theory-in-use; this rule lists the loops in use that are not espoused.
 *
 * How: the closed traced loops (`traceLoops`, outcome other than `open`) that no
 * declared loop names (a declared loop names one when it declares its source, or
 * declares no source and runs through the source's holder and the actor that closes
 * it). One finding per source holder, listing its sources; a model that declares no
 * loops at all gets one finding for the whole model instead. Sources held by
 * professionals only are normal coordination and are left out unless asked.
 * O(traced loops + declared loops' lengths).
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
    const declared = context.model.loops
    const namesOf = declaredNamesOf(declared)
    const undeclared = context.traces().loops.filter((loop) => {
      if (loop.outcome === 'open' || namesOf(loop).length > 0) return false
      const holder = context.actor(loop.holder)
      return options.includeProfessionalOnly || holder === undefined || isLayVoice(holder.perspective)
    })
    if (undeclared.length === 0) return []
    if (declared.length === 0) return [wholeModelFinding(context, undeclared)]
    const byHolder = new Map<ActorId, TracedLoop[]>()
    for (const loop of undeclared) {
      const group = byHolder.get(loop.holder)
      if (group === undefined) byHolder.set(loop.holder, [loop])
      else group.push(loop)
    }
    return [...byHolder].map(([holder, loops]) => holderFinding(context, holder, loops))
  },
})

/** What came back, in words a ward manager uses. */
const outcomeWords: Readonly<Record<TracedLoop['outcome'], string>> = {
  did: 'changed and answered',
  decided: 'decided on and answered',
  heard: 'answered',
  open: 'open',
}

const sourcesInWords = (context: DiagnosisContext, loops: ReadonlyArray<TracedLoop>): string =>
  listInWords(loops.map((loop) => `${context.naming.asset(loop.source)} (${outcomeWords[loop.outcome]})`))

const aboutLoops = (loops: ReadonlyArray<TracedLoop>): Pick<Finding, 'channels' | 'assets'> => ({
  channels: loops.flatMap((loop) => loop.steps.map((step) => step.channel)),
  assets: loops.map((loop) => loop.source),
})

const holderFinding = (context: DiagnosisContext, holder: ActorId, loops: ReadonlyArray<TracedLoop>): Finding => {
  const one = loops.length === 1
  return {
    message: `${one ? 'The loop' : `${loops.length} loops`} of ${sourcesInWords(context, loops)} from ${context.naming.actor(holder)} ${one ? 'closes' : 'close'}, but no declared loop names ${one ? 'it' : 'them'}: the organisation relies on ${one ? 'it' : 'them'} without knowing, and may lose ${one ? 'it' : 'them'} in a redesign.`,
    level: levels.find((level) => context.actor(holder)?.levels.includes(level)),
    actors: [holder, ...loops.flatMap((loop) => loop.steps.map((step) => step.to))],
    ...aboutLoops(loops),
  }
}

const wholeModelFinding = (context: DiagnosisContext, loops: ReadonlyArray<TracedLoop>): Finding => ({
  message: `The model declares no loops; ${loops.length} ${loops.length === 1 ? 'loop closes' : 'loops close'}: ${listInWords(
    loops.map((loop) => `${context.naming.asset(loop.source)} from ${context.naming.actor(loop.holder)} (${outcomeWords[loop.outcome]})`),
  )}. Declaring the ones that matter lets them be checked (reply times, promises) and protected in a redesign.`,
  actors: [...new Set(loops.map((loop) => loop.holder))],
  ...aboutLoops(loops),
})
