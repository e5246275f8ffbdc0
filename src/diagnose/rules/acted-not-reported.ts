import type { TracedLoop } from '../../graph/trace-types.js'
import type { ProposedChannel } from '../../graph/types.js'
import type { AssetId } from '../../model/primitives.js'
import { isLayVoice } from '../../model/vocabulary.js'
import type { DiagnosisContext } from '../context.js'
import { defineRule } from '../define-rule.js'
import { levelOfLoop } from '../loop-level.js'
import { listInWords } from '../naming.js'
import { loopRepair } from '../loop-repair.js'
import { viaContact } from '../reply-contact.js'
import { replyMadeFrom } from '../reply-repair.js'
import * as t from 'io-ts'
import { ruleOptions } from '../rule-options.js'
import type { Finding } from '../types.js'
import { chainLevels } from './chain-levels.js'
import { stopInWords } from './trace-words.js'

/**
 * **acted-not-reported** finds changes made from what people said that are never
 * reported back to them: "we did" without "you said". Care Opinion's "you said, we did"
 * and its published response rates rest on this step; without it people cannot tell
 * that speaking up made a difference, and stop.
 *
 * How: one finding per source whose traced loop (`traceLoops`) has a `change` or
 * `experiment` made from it by someone other than its holder (what they did themselves
 * they know), yet whose outcome is not `did`: no reply made from the
 * change comes back to the source's holder. Sources of lay and mixed actors only, by
 * default: a guideline body whose evidence changes practice does not wait for "you
 * said, we did" (`open-loop` still notes, as info, that nothing comes back to it). The repair is `loopRepair`: a
 * reply from the change's holder made from the change; where a reply exists but is not
 * delivered and was not made from a change, a new reply made from the change instead,
 * so the loop closes with `did`. O(traced loops; a trace's provenance links where a reply
 * is not delivered).
 *
 * A change whose provenance is only inferred (no `derivedFrom` chain declares it made
 * from the source) may not have come from it: such a finding is one severity lower and
 * says so. So is one whose people are told what was decided (a reply made from the new
 * pathway the change carries out): they hear something came of it, not that it was done.
 *
 * Options: `includeProfessional` (default `false`): report professional sources too,
 * one severity lower.
 * @category Rules
 */
export const actedNotReported = defineRule({
  id: 'acted-not-reported',
  description: 'A change made from what people said, with no reply made from it carried back to them.',
  defaultSeverity: 'error',
  options: ruleOptions('ActedNotReportedOptions', { includeProfessional: t.boolean }, { includeProfessional: false }),
  check: (context, options) => {
    const findings: Finding[] = []
    for (const loop of context.traces().loops) {
      if (loop.outcome === 'did') continue
      const holder = context.actor(loop.holder)
      const lay = holder === undefined || isLayVoice(holder.perspective)
      if (!lay && !options.includeProfessional) continue
      // What the holder did themselves they know without being told (peer trainers who wrote
      // courses from their own lived experience).
      const changes = loop.derived.filter((id) => isAct(context, id) && context.asset(id)!.holder !== loop.holder)
      if (changes.length === 0) continue
      // A change only inferred to come from the source (nothing declares what it was made
      // from) may not have: reported one step lower, and said so.
      const inferred = !changes.some((id) => declaredFrom(context, id, loop.source))
      // Told what was decided (a "you told us, this changed" made from the new pathway), they
      // hear something came of it, only not that it was done: one step lower too.
      findings.push({ ...actedFinding(context, loop, changes, inferred), ...(lay && !inferred && loop.outcome !== 'decided' ? {} : { demoted: true }) })
    }
    return findings
  },
})

/** Whether an asset is a change or an experiment: something done. @internal */
export const isAct = (context: DiagnosisContext, id: AssetId): boolean => {
  const kind = context.asset(id)?.kind
  return kind === 'change' || kind === 'experiment'
}

/** Whether `derivedFrom` declares, link by link, that an asset was made from `source`. O(its declared ancestors). */
const declaredFrom = (context: DiagnosisContext, id: AssetId, source: AssetId): boolean => {
  const seen = new Set<AssetId>([id])
  const queue = [id]
  for (let head = 0; head < queue.length; head++) {
    for (const parent of context.asset(queue[head]!)?.derivedFrom ?? []) {
      if (parent === source) return true
      if (!seen.has(parent)) ((seen.add(parent), queue.push(parent)))
    }
  }
  return false
}

const actedFinding = (context: DiagnosisContext, loop: TracedLoop, changes: ReadonlyArray<AssetId>, inferred: boolean): Finding => {
  const { naming } = context
  const makers = [...new Set(changes.map((id) => context.asset(id)!.holder))]
  const made = listInWords(changes.map((id) => `${naming.asset(id)} by ${naming.actor(context.asset(id)!.holder)}`))
  const repair = actedRepair(context, loop, changes)
  const closer = loop.closedBy === undefined ? undefined : context.asset(loop.closedBy)
  // Closed by their own decision (a co-production group's), not by a reply they get.
  const own = closer !== undefined && closer.holder === loop.holder && closer.kind !== 'response'
  const closedBy = closer === undefined ? '' : ` (${own ? `their own ${closer.kind}` : 'the reply they get'}, ${naming.asset(closer.id)}, is not made from ${changes.length === 1 ? 'it' : 'them'})`
  const decided = own ? 'they know what they decided, never that it was done' : 'they hear what was decided, never that it was done'
  return {
    message: `${loop.outcome === 'open' ? openWords(context, loop, changes, made) : `${naming.asset(loop.source)} from ${naming.actor(loop.holder)} led to ${made}, but no reply made from ${changes.length === 1 ? 'that change' : 'those changes'} comes back to ${naming.actor(loop.holder)}${closedBy}: ${loop.outcome === 'decided' ? decided : 'they never hear "you said, we did"'}.`}${inferred ? ` (This is inferred: the model does not say what ${changes.length === 1 ? 'that change was' : 'those changes were'} made from.)` : ''}`,
    level: levelOfLoop(context, loop),
    actors: [loop.holder, ...makers],
    channels: loop.steps.map((step) => step.channel),
    assets: [loop.source, ...loop.derived],
    ...(repair === undefined ? {} : { repair }),
  }
}

/**
 * Where nothing comes back at all, where the knowledge stops (as `open-loop` says it,
 * since this finding stands for both), and what was done, unless the stop names it.
 */
const openWords = (context: DiagnosisContext, loop: TracedLoop, changes: ReadonlyArray<AssetId>, made: string): string => {
  const { naming } = context
  const named = changes.length === 1 && loop.stopsAt?.asset === changes[0]
  return `${naming.asset(loop.source)} from ${naming.actor(loop.holder)} ${stopInWords(context, loop)}: nothing comes back to ${naming.actor(loop.holder)}, who never hear "you said, we did"${named ? '' : `, though it led to ${made}`}.`
}

/** `loopRepair`, unless it would deliver a reply not made from a change: then a new reply made from the last change. */
const actedRepair = (context: DiagnosisContext, loop: TracedLoop, changes: ReadonlyArray<AssetId>): ReadonlyArray<ProposedChannel> | undefined => {
  const stop = loop.stopsAt
  if (stop === undefined || stop.reason !== 'reply-not-delivered' || chainLevels(context, loop).get(stop.asset) === 2) return loopRepair(context, loop)
  const change = changes[changes.length - 1]!
  return viaContact(context, loop, replyMadeFrom(context, { source: loop.source, holder: loop.holder, made: change, responder: context.asset(change)!.holder }))
}
