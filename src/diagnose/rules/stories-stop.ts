import type { TracedLoop } from '../../graph/trace-types.js'
import type { ProposedChannel } from '../../graph/types.js'
import type { ActorId } from '../../model/primitives.js'
import { isLayVoice, levels } from '../../model/vocabulary.js'
import type { DiagnosisContext } from '../context.js'
import { defineRule } from '../define-rule.js'
import { declaredMaker } from '../declared-children.js'
import { listInWords, quoteIdQuickly } from '../naming.js'
import { loopRepair } from '../loop-repair.js'
import { passOnToMaker } from '../reply-repair.js'
import { noOptions } from '../rule-options.js'
import type { Finding } from '../types.js'

/**
 * **stories-stop** finds the actor where people's stories pile up: lay experience that
 * reaches a team (a patient experience team, a complaints office, a survey contractor)
 * and goes no further: nothing is decided or done with it, and nobody tells the people
 * who gave it. Collecting feedback
 * is not listening (Care Opinion; the NHS Friends and Family Test guidance asks that
 * comments, not only scores, reach the teams that give care); the stop is where a
 * service's intelligence loop breaks.
 *
 * How: the open traced loops (`traceLoops`) of `experience` sources held by lay or mixed
 * actors, whose knowledge reached someone else and stopped there because nothing passes
 * it on (`not-passed-on`) or the channel that would is not active (`channel-not-active`),
 * grouped by the actor where they stop: one finding per such actor, naming the idle
 * channels. The repair passes what that actor made of the stories on to whoever the
 * model says makes the next thing of it (an asset with `derivedFrom` naming it, held by
 * someone else: the first, as the loop's own reply repair picks); where the model names
 * nobody, the loops' reply repairs (`loopRepair`).
 * O(traced loops + assets' provenance links).
 *
 * Options: none.
 * @category Rules
 */
export const storiesStop = defineRule({
  id: 'stories-stop',
  description: 'Lay experience that reaches an actor and goes no further.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const byStop = new Map<ActorId, TracedLoop[]>()
    for (const loop of context.traces().loops) {
      const stop = loop.stopsAt
      if (stop === undefined || stop.actor === loop.holder) continue
      if (stop.reason !== 'not-passed-on' && stop.reason !== 'channel-not-active') continue
      const holder = context.actor(loop.holder)
      if (context.asset(loop.source)?.kind !== 'experience' || holder === undefined || !isLayVoice(holder.perspective)) continue
      const group = byStop.get(stop.actor)
      if (group === undefined) byStop.set(stop.actor, [loop])
      else group.push(loop)
    }
    return [...byStop].map(([actor, loops]) => storiesFinding(context, actor, loops))
  },
})

const storiesFinding = (
  context: DiagnosisContext,
  actor: ActorId,
  loops: ReadonlyArray<TracedLoop>,
): Finding => {
  const { naming } = context
  const holders = [...new Set(loops.map((loop) => loop.holder))]
  const from = listInWords(holders.map((holder) => {
    const own = loops.filter((loop) => loop.holder === holder)
    return `${naming.actor(holder)} (${own.length === 1 ? naming.asset(own[0]!.source) : own.length})`
  }))
  const idle = [...new Set(loops.flatMap((loop) => loop.stopsAt!.idleChannels))].sort()
  const why =
    idle.length === 0
      ? 'no channel passes them, or anything made of them, on to anyone who could act on them'
      : idle.length === 1
        ? `the channel that would pass them on (${quoteIdQuickly(idle[0]!)}) is not active`
        : `the channels that would pass them on (${listInWords(idle.map(quoteIdQuickly))}) are not active`
  const repair = onward(context, actor, loops)
  return {
    message: `Stories from ${from} reach ${naming.actor(actor)} and go no further: ${why}, so nothing is decided or done with what people said, and nobody tells them.`,
    level: levels.find((level) => context.actor(actor)?.levels.includes(level)),
    actors: [actor, ...holders],
    channels: [...loops.flatMap((loop) => loop.steps.map((step) => step.channel)), ...idle],
    assets: loops.flatMap((loop) => [loop.source, ...loop.derived]),
    ...(repair.length === 0 ? {} : { repair }),
  }
}

/** Channels from the stop to whoever makes the next thing of what it holds; else the loops' reply repairs. */
const onward = (context: DiagnosisContext, actor: ActorId, loops: ReadonlyArray<TracedLoop>): ReadonlyArray<ProposedChannel> => {
  const proposals = new Map<string, ProposedChannel>()
  for (const loop of loops) {
    const stopped = loop.stopsAt!.asset
    const maker = declaredMaker(context, actor, stopped, loop.holder)
    if (maker === undefined) continue
    const key = JSON.stringify([maker.holder, stopped])
    if (!proposals.has(key)) proposals.set(key, passOnToMaker(context, actor, stopped, maker))
  }
  if (proposals.size > 0) return [...proposals.values()]
  return loops.flatMap((loop) => loopRepair(context, loop) ?? [])
}
