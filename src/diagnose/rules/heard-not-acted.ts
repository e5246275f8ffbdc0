import { routeLevelOf } from '../../graph/trace-route.js'
import type { TracedLoop } from '../../graph/trace-types.js'
import type { AssetId } from '../../model/primitives.js'
import { isLayVoice } from '../../model/vocabulary.js'
import type { DiagnosisContext } from '../context.js'
import { defineRule } from '../define-rule.js'
import { levelOfLoop } from '../loop-level.js'
import { listInWords, quoteIdQuickly } from '../naming.js'
import { loopRepair } from '../loop-repair.js'
import { lapsedFromReached } from '../responders.js'
import { noOptions } from '../rule-options.js'
import type { Finding } from '../types.js'

/**
 * **heard-not-acted** finds knowledge that is answered but never acted on: a patient's
 * story gets a reply ("thank you, your comments have been received and noted"), yet
 * nothing traced was decided or changed because of it. Being heard and seeing nothing
 * change is what Arnstein's ladder of participation calls placation, and Argyris &
 * Schön's single loop does not even start: no action changes.
 *
 * How: one finding per source whose traced loop (`traceLoops`) has outcome `heard`: a
 * reply made from it comes back to its holder, but no decision, plan, strategy, change
 * or experiment lies between the source and the reply; not peer support, where the
 * knowledge reaches lay and mixed voices only and the answer is the help. Lay and mixed sources are
 * reported at the rule's severity, professional ones one step lower. When nothing was
 * decided or done from the source, a channel cannot make a decision or a change; but
 * where a lapsed channel would take what was heard, or something made of it, on to
 * someone it has not reached (a learning bulletin to the team leaders who brief crews),
 * the message names it and the repair brings it back. When something was (a plan made from it, which
 * the answer never mentions), the message says so and the repair is a reply from
 * whoever holds the furthest of it. O(traced loops).
 *
 * Options: none.
 * @category Rules
 */
export const heardNotActed = defineRule({
  id: 'heard-not-acted',
  description: 'Knowledge that is answered, but from which nothing traced was decided or changed.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const findings: Finding[] = []
    for (const loop of context.traces().loops) if (loop.outcome === 'heard' && !mutualAid(context, loop)) findings.push(heardFinding(context, loop))
    return findings
  },
})

/**
 * Whether a loop stays among lay voices (peer support): everyone its knowledge reaches is
 * a lay or mixed actor. Students sharing their struggles in a peer study circle and
 * getting tips back were not owed a decision: the answer is the help. Residents whose
 * Healthwatch passes their views to a quality committee, and back, are.
 */
const mutualAid = (context: DiagnosisContext, loop: TracedLoop): boolean =>
  loop.reached.length > 1 && loop.reached.every((id) => isLayVoice(context.actor(id)?.perspective ?? 'professional'))

/** Whether an asset is a decision, plan or strategy, or a change or experiment: something decided or done. */
const decidedOrDone = (context: DiagnosisContext, id: AssetId): boolean => {
  const kind = context.asset(id)?.kind
  return kind !== undefined && routeLevelOf(kind) >= 1
}

const heardFinding = (context: DiagnosisContext, loop: TracedLoop): Finding => {
  const { naming } = context
  const holder = context.actor(loop.holder)
  const others = loop.reached.filter((id) => id !== loop.holder)
  const holderWords = naming.actor(loop.holder)
  const reachWords = others.length === 0 ? '' : ` reaches ${listInWords(others.map(naming.actor))} and`
  // A reply taken to answer it only by inference (a generic "you said, we did" board that
  // declares nothing it is made from) is said to be so: the modeller may not mean it.
  const inferred = loop.closedBy !== undefined && context.asset(loop.closedBy)?.derivedFrom === undefined ? ', taken to answer it because the model does not say what it is made from' : ''
  const reply = loop.closedBy === undefined ? '' : ` (${naming.asset(loop.closedBy)}${inferred})`
  // Something may have been decided or done from it that the answer never mentions; what the
  // holder decides of its own story alone (a client's own plan) is theirs, not the answer's to report.
  const made = loop.derived.filter((id) => decidedOrDone(context, id) && context.asset(id)?.holder !== loop.holder)
  const lapsed = made.length === 0 ? lapsedFromReached(context, loop) : []
  const repair = made.length === 0 ? (lapsed.length === 0 ? undefined : lapsed) : loopRepair(context, loop)
  const onward =
    lapsed.length === 0
      ? ''
      : `; ${listInWords(lapsed.map((channel) => `${naming.asset(channel.carries[0]!)} would reach ${naming.actor(channel.to)} over ${quoteIdQuickly(channel.activates!)}`), 3)}, which ${lapsed.length === 1 ? 'is' : 'are'} not active`
  const what =
    made.length === 0
      ? `but nothing was decided or changed because of it: what ${holderWords} said is heard and nothing is done${onward}.`
      : `but the answer is not made from what was decided or done about it (${listInWords(made.map(naming.asset))}): ${holderWords} are told they were heard, never what became of it.`
  return {
    message: `${naming.asset(loop.source)} from ${holderWords}${reachWords} is answered${reply}, ${what}`,
    level: levelOfLoop(context, loop),
    actors: [loop.holder, ...others],
    channels: [...loop.steps.map((step) => step.channel), ...lapsed.map((channel) => channel.activates!)],
    assets: [loop.source, ...loop.derived],
    ...(repair === undefined ? {} : { repair }),
    ...(holder === undefined || isLayVoice(holder.perspective) ? {} : { demoted: true }),
  }
}
