import type { TracedLoop } from '../../graph/trace-types.js'
import type { ProposedChannel } from '../../graph/types.js'
import type { ActorId, AssetId, ChannelId } from '../../model/primitives.js'
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
    const byStop = new Map<ActorId, Stopped[]>()
    for (const loop of context.traces().loops) {
      const holder = context.actor(loop.holder)
      if (loop.stopsAt === undefined || context.asset(loop.source)?.kind !== 'experience' || holder === undefined || !isLayVoice(holder.perspective)) continue
      const { actor, reason, asset, idleChannels } = loop.stopsAt
      const stopped =
        actor !== loop.holder && (reason === 'not-passed-on' || reason === 'channel-not-active') ? { loop, actor, asset, idle: idleChannels, route: loop.steps.map((step) => step.channel) }
          : storiesStopEarlier(context, loop)
      if (stopped === undefined) continue
      const group = byStop.get(stopped.actor)
      if (group === undefined) byStop.set(stopped.actor, [stopped])
      else group.push(stopped)
    }
    return [...byStop].map(([actor, stopped]) => storiesFinding(context, actor, stopped))
  },
})

/** Where a loop's stories stop: the actor, what they stop as there, and the channels that would pass it on but are not active. */
interface Stopped {
  readonly loop: TracedLoop
  readonly actor: ActorId
  readonly asset: AssetId
  readonly idle: ReadonlyArray<ChannelId>
  /** The channels the stories came over. */
  readonly route: ReadonlyArray<ChannelId>
}

const storiesFinding = (
  context: DiagnosisContext,
  actor: ActorId,
  stopped: ReadonlyArray<Stopped>,
): Finding => {
  const loops = stopped.map((entry) => entry.loop)
  const idle = [...new Set(stopped.flatMap((entry) => entry.idle))].sort()
  const { naming } = context
  const holders = [...new Set(loops.map((loop) => loop.holder))]
  const from = listInWords(holders.map((holder) => {
    const own = loops.filter((loop) => loop.holder === holder)
    return `${naming.actor(holder)} (${own.length === 1 ? naming.asset(own[0]!.source) : own.length})`
  }))
  const why =
    idle.length === 0
      ? 'no channel passes them, or anything made of them, on to anyone who could act on them'
      : idle.length === 1
        ? `the channel that would pass them on (${quoteIdQuickly(idle[0]!)}) is not active`
        : `the channels that would pass them on (${listInWords(idle.map(quoteIdQuickly))}) are not active`
  const repair = onward(context, actor, stopped)
  return {
    message: `Stories from ${from} reach ${naming.actor(actor)} and go no further: ${why}, so nothing is decided or done with what people said, and nobody tells them.`,
    level: levels.find((level) => context.actor(actor)?.levels.includes(level)),
    actors: [actor, ...holders],
    channels: [...stopped.flatMap((entry) => entry.route), ...idle],
    assets: loops.flatMap((loop) => [loop.source, ...loop.derived]),
    ...(repair.length === 0 ? {} : { repair }),
  }
}

/**
 * Channels from the stop to whoever makes the next thing of what it holds; else, for
 * stories that stop short of where the loop stops, the lapsed channels that would pass
 * them on, brought back; else the loops' reply repairs.
 */
const onward = (context: DiagnosisContext, actor: ActorId, stopped: ReadonlyArray<Stopped>): ReadonlyArray<ProposedChannel> => {
  const proposals = new Map<string, ProposedChannel>()
  for (const { loop, asset } of stopped) {
    const maker = declaredMaker(context, actor, asset, loop.holder)
    if (maker === undefined) continue
    const key = JSON.stringify([maker.holder, asset])
    if (!proposals.has(key)) proposals.set(key, passOnToMaker(context, actor, asset, maker))
  }
  if (proposals.size > 0) return [...proposals.values()]
  const revived = stopped.flatMap(({ loop, asset, idle }) => (loop.stopsAt?.actor === actor ? [] : idle.map((id) => revive(context, id, asset))))
  if (revived.length > 0) return revived
  return stopped.flatMap(({ loop }) => loopRepair(context, loop) ?? [])
}

/** Bring back a lapsed channel that would pass `asset` on. */
const revive = (context: DiagnosisContext, id: ChannelId, asset: AssetId): ProposedChannel => {
  const channel = context.channel(id)!
  const { naming } = context
  return {
    from: channel.from,
    to: channel.to,
    level: channel.level,
    carries: [asset],
    activates: channel.id,
    reason: `bring back ${quoteIdQuickly(channel.id)}: ${naming.actor(channel.to)} hears what people said, as ${naming.asset(asset)}, not only the score counted from it`,
  }
}

/** Kinds that carry what people said: their own words, and the themes made of them (not a score counted from them). */
const storyKinds: ReadonlySet<string> = new Set(['experience', 'insight'])

/**
 * Where an open loop's stories stop when something counted from them (a % score) goes on
 * further than they do: the holder of the furthest story-bearing asset (the source, or the
 * themes made of it), when nothing decided, done or said back is made from any of them
 * (the ward's plan made from the score alone), with the lapsed channels from there that
 * listed them. `undefined` when the stories go as far as the loop, or were acted on.
 */
const storiesStopEarlier = (context: DiagnosisContext, loop: TracedLoop): Stopped | undefined => {
  if (loop.outcome !== 'open') return undefined
  const { carriage, provenance, kinds } = context.traceIndex()
  const members = new Set([loop.source, ...loop.derived].map((id) => carriage.assetIndex.get(id)!))
  // The stories: the source and the themes made of it (not themes made of a score counted from it).
  const stories = [carriage.assetIndex.get(loop.source)!]
  const seen = new Set(stories)
  for (let k = 0; k < stories.length; k++) {
    const a = stories[k]!
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
      const c = provenance.children[i]!
      if (!members.has(c) || seen.has(c)) continue
      // Acted on or answered from the stories themselves: they went on.
      if (!storyKinds.has(kinds[c]!) && kinds[c] !== 'data' && kinds[c] !== 'lesson') return undefined
      if (storyKinds.has(kinds[c]!)) (seen.add(c), stories.push(c))
    }
  }
  const a = stories[stories.length - 1]!
  const { id: furthest, holder } = context.model.assets[a]!
  // The source itself: where it was taken (the last actor it reached); else who made the themes.
  const last = carriage.reachActors[carriage.reachOffsets[a + 1]! - 1]!
  const actor = furthest === loop.source ? context.graph.actors[last]!.id : holder
  if (actor === loop.holder || actor === loop.stopsAt?.actor) return undefined
  const storyIds = stories.map((k) => context.model.assets[k]!.id)
  const idle = (context.idleFrom().get(actor) ?? []).filter((channel) => channel.carries.some((id) => storyIds.includes(id))).map((channel) => channel.id)
  const route = loop.steps.filter((step) => step.carries.some((id) => storyIds.includes(id))).map((step) => step.channel)
  return { loop, actor, asset: furthest, idle, route }
}
