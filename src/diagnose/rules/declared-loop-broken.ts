import type { ProposedChannel } from '../../graph/types.js'
import type { DeclaredLoop } from '../../model/codecs.js'
import { isLayVoice } from '../../model/vocabulary.js'
import type { DiagnosisContext } from '../context.js'
import { defineRule } from '../define-rule.js'
import { listInWords, quoteIdQuickly } from '../naming.js'
import { viaContact } from '../reply-contact.js'
import { levelPreferring, replyMadeFrom } from '../reply-repair.js'
import { noOptions } from '../rule-options.js'
import type { Finding } from '../types.js'
import { outcomeRank } from './chain-levels.js'
import { type DeclaredStep, type DeclaredWalk, walkDeclaredLoop } from './declared-walk.js'

/** A promise or outcome in words. @internal */
export const outcomeInWords: Readonly<Record<string, string>> = {
  did: 'that something changes ("you said, we did")',
  decided: 'that something is decided',
  heard: 'an answer',
  open: 'nothing',
}

/**
 * **declared-loop-broken** finds loops the organisation says it has — "you said, we
 * did", a carers' concerns service — that cannot close: a step with no active channel (a
 * letter template withdrawn, a meeting that stopped) or, for a loop that names its
 * `source`, a step over which nothing of that source travels, or a promise (`promises`)
 * the loop does not keep though a channel could make it. A declared loop that cannot
 * close is worse than none, because people keep speaking into it (Care Opinion: one
 * story in four gets no reply).
 *
 * How: walk the declared steps (`walkDeclaredLoop`), carrying what each actor has of the
 * source's traced loop and what it makes of it. A step is broken when no channel on it
 * is active, or, with a declared source, when no active channel carries anything of the
 * source on (or, back to the source's holder, no reply). Its repair is a channel at the
 * loop's level carrying the furthest thing the sender has, or a reply (an existing one,
 * else a new `response` made from the furthest thing). A declared `promises` is compared
 * with the outcome the loop would have once its steps are repaired (did > decided >
 * heard); where a decision or change made from the source exists but no reply made from
 * it comes back, a reply from its holder repairs it (from whom the source's holder spoke
 * to, when the maker has no channel to them). A promise no channel can keep is
 * `promise-not-kept`'s. O(steps × assets the actors on them hold + the trace's reach).
 *
 * Options: none.
 * @category Rules
 */
export const declaredLoopBroken = defineRule({
  id: 'declared-loop-broken',
  description: 'A declared loop that cannot close: a step with no active channel, or nothing of its source carried on, or a promise a channel could keep.',
  defaultSeverity: 'error',
  options: noOptions,
  check: (context) => {
    const findings: Finding[] = []
    for (const declared of context.model.loops) {
      const walk = walkDeclaredLoop(context, declared)
      const broken = walk.steps.filter((step) => step.status !== 'ok')
      const promise = fixablePromise(context, declared, walk)
      if (broken.length === 0 && promise === undefined) continue
      findings.push(brokenFinding(context, declared, walk, broken, promise))
    }
    return findings
  },
})

/**
 * The channels that keep a broken promise, when the trace holds something made from the
 * source that is good enough: a reply the loop already has, declared to be made from it and
 * held by someone the loop takes it on to, delivered; else a new reply made from it, from
 * whom the holder spoke to when its maker has no channel to them (`viaContact`); the reply
 * last. @internal
 */
export const fixablePromise = (context: DiagnosisContext, declared: DeclaredLoop, walk: DeclaredWalk): ReadonlyArray<ProposedChannel> | undefined => {
  if (declared.promises === undefined || walk.expected === undefined || walk.subject === undefined) return undefined
  const promised = outcomeRank(declared.promises)
  if (walk.expected >= promised || walk.best === undefined || walk.best.level < promised) return undefined
  const made = context.asset(walk.best.asset)!
  const { holder } = walk.subject
  // A reply the loop already has, declared to be made from it, held by someone the loop
  // takes it on to (a family liaison officer's update on the ward's change, whose letter is
  // only planned): delivered, by the last of them, rather than written again.
  const through = declared.through
  for (let i = through.length - 1; i > through.lastIndexOf(made.holder); i--) {
    if (through[i] === holder) continue
    const existing = context.assetsHeldBy(through[i]!).find((asset) => asset.kind === 'response' && asset.derivedFrom?.includes(made.id) === true)
    if (existing === undefined) continue
    const { naming } = context
    return [
      {
        from: existing.holder,
        to: holder,
        level: levelPreferring(context, existing.holder, holder, declared.level),
        carries: [existing.id],
        reason: `deliver ${naming.asset(existing.id)} to ${naming.actor(holder)}: it tells them what became of ${naming.asset(walk.subject.source)}, made from ${naming.asset(made.id)}`,
      },
    ]
  }
  const reply = replyMadeFrom(context, { source: walk.subject.source, holder, made: made.id, responder: made.holder })
  const loop = context.traceOf(walk.subject.source)
  return loop === undefined ? [reply] : viaContact(context, loop, reply)
}

const stepInWords = (context: DiagnosisContext, walk: DeclaredWalk, step: DeclaredStep): string => {
  const { naming } = context
  const idle = step.idle.length === 0 ? '' : ` (${listInWords(step.idle.map(quoteIdQuickly))} ${step.idle.length === 1 ? 'is' : 'are'} not active)`
  if (step.status === 'missing') return `no active channel runs from ${naming.actor(step.from)} to ${naming.actor(step.to)}${idle}`
  if (step.back) return `nothing from ${naming.actor(step.from)} brings a reply back to ${naming.actor(step.to)}${idle}`
  return `nothing from ${naming.actor(step.from)} to ${naming.actor(step.to)} carries ${naming.asset(walk.subject!.source)} or anything made from it${idle}`
}

const brokenFinding = (
  context: DiagnosisContext,
  declared: DeclaredLoop,
  walk: DeclaredWalk,
  broken: ReadonlyArray<DeclaredStep>,
  promise: ReadonlyArray<ProposedChannel> | undefined,
): Finding => {
  const { naming } = context
  const about = declared.source === undefined ? '' : ` for ${naming.asset(declared.source)}`
  const clauses = broken.map((step) => stepInWords(context, walk, step))
  if (promise !== undefined) {
    const now = ['open', 'heard', 'decided', 'did'][walk.expected! + 1]!
    const back = now === 'open' ? 'nothing comes back' : `only ${outcomeInWords[now]} comes back`
    clauses.push(`it promises ${outcomeInWords[declared.promises!]}, but ${back}, though ${naming.asset(walk.best!.asset)} was made from what they said`)
  }
  const people = walk.subject === undefined ? 'people' : naming.actor(walk.subject.holder)
  // Patients and carers speak into a loop; a team's own reports are sent into one.
  const speaking = walk.subject === undefined || isLayVoice(context.actor(walk.subject.holder)?.perspective ?? 'lay') ? 'speaking' : 'reporting'
  return {
    message: `Declared loop ${naming.loop(declared.id)}${about} is broken: ${clauses.join('; ')}. ${people === 'people' ? 'People keep' : `${people} keep`} ${speaking} into a loop that cannot close.`,
    level: declared.level,
    actors: [...broken.flatMap((step) => [step.from, step.to]), ...(promise ?? []).flatMap((channel) => [channel.from, channel.to])],
    channels: broken.flatMap((step) => step.idle),
    assets: walk.subject === undefined ? [] : [walk.subject.source, ...walk.subject.derived],
    repair: [...broken.flatMap((step) => (step.repair === undefined ? [] : [step.repair])), ...(promise ?? [])],
  }
}
