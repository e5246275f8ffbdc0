import type { ActorId, AssetId } from '../model/primitives.js'
import { type Level, isProfessionalVoice, levels } from '../model/vocabulary.js'
import { traceStageOf } from '../graph/provenance.js'
import type { TracedLoop } from '../graph/trace-types.js'
import type { Channel } from '../model/codecs.js'
import type { DiagnosisContext } from './context.js'
import { compareIds } from '../graph/components.js'
import type { ProposedChannel } from '../graph/types.js'
import { listInWords } from './naming.js'
import { reaches } from './reply-contact.js'
import { chainLevels } from './rules/chain-levels.js'

/*
 * Who answers a traced loop when a repair writes a reply: a listener for knowledge that
 * never left its holder, what an actor would make of a source once it hears it, and the
 * lapsed channel that would have passed the knowledge on.
 */

interface Fallbacks {
  readonly byLevel: ReadonlyMap<Level, { readonly professional: ActorId[]; readonly anyone: ActorId[] }>
  readonly anyone: ReadonlyArray<ActorId>
}

/** Per level, the first two professional voices and the first two actors of all (by id): fallbacks that never scan the model twice. */
const fallbacksOf = (context: DiagnosisContext): Fallbacks => {
  let known = fallbackCache.get(context)
  if (known === undefined) {
    const byLevel = new Map<Level, { professional: ActorId[]; anyone: ActorId[] }>(levels.map((level) => [level, { professional: [], anyone: [] }]))
    const anyone: ActorId[] = []
    for (const actor of context.model.actors) {
      if (anyone.length < 2) anyone.push(actor.id)
      for (const level of actor.levels) {
        const lists = byLevel.get(level)!
        if (lists.anyone.length < 2) lists.anyone.push(actor.id)
        if (lists.professional.length < 2 && isProfessionalVoice(actor.perspective)) lists.professional.push(actor.id)
      }
    }
    fallbackCache.set(context, (known = { byLevel, anyone }))
  }
  return known
}
const fallbackCache = new WeakMap<DiagnosisContext, Fallbacks>()

/**
 * Someone who could answer the holder when the knowledge never left it: a professional
 * voice the holder already has an active channel to, else one sharing a level, else a
 * peer sharing a level, else anyone (by id). O(holder's channels). @internal
 */
export const listener = (context: DiagnosisContext, holder: ActorId): ActorId | undefined => {
  const mine = context.actor(holder)?.levels ?? []
  const graph = context.graph
  const v = graph.indexOf.get(holder)
  if (v !== undefined) {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const other = graph.actors[graph.targets[e]!]!
      if (other.id !== holder && isProfessionalVoice(other.perspective) && other.levels.some((level) => mine.includes(level))) return other.id
    }
  }
  const { byLevel, anyone } = fallbacksOf(context)
  const first = (ids: ReadonlyArray<ActorId>): ActorId | undefined => ids.find((id) => id !== holder)
  for (const pick of [(level: Level) => byLevel.get(level)!.professional, (level: Level) => byLevel.get(level)!.anyone]) {
    for (const level of mine) {
      const found = first(pick(level))
      if (found !== undefined) return found
    }
  }
  return first(anyone)
}

/**
 * What an actor would make of something once it hears it: of the assets it holds that
 * name it in `derivedFrom`, or declare no provenance and are of a later stage (and so are
 * inferred from it, as the trace infers them), the one of the latest stage; replies and
 * lessons aside. Nothing is inferred from a lesson.
 */
const madeOnHearing = (context: DiagnosisContext, actor: ActorId, heard: AssetId): AssetId | undefined => {
  const heardAsset = context.asset(heard)
  const heardStage = heardAsset === undefined ? -1 : traceStageOf(heardAsset.kind)
  let chosen: AssetId | undefined
  let stage = 0
  for (const asset of context.assetsHeldBy(actor)) {
    if (asset.kind === 'response' || asset.kind === 'lesson') continue
    const own = traceStageOf(asset.kind)
    const fromHeard = asset.derivedFrom === undefined ? heardStage >= 0 && own > heardStage : asset.derivedFrom.includes(heard)
    if (fromHeard && own > stage) ((stage = own), (chosen = asset.id))
  }
  return chosen
}

/**
 * What an actor answers from once it hears what it is given (the source itself, a themes
 * report, a Healthwatch report): the furthest thing it would make of the first of them
 * that it would make anything of ({@link madeOnHearing}), else the last thing heard. The
 * one choice of every repair in which someone newly hears the knowledge and answers: a
 * listener, the receiver of a lapsed channel brought back, a referral's team. @internal
 */
export const answerMadeFrom = (context: DiagnosisContext, actor: ActorId, heard: readonly [AssetId, ...AssetId[]]): AssetId =>
  heard.map((id) => madeOnHearing(context, actor, id)).find((id) => id !== undefined) ?? heard[heard.length - 1]!

/**
 * The first lapsed channel (by id) that would have passed on what a loop stopped with, to
 * someone other than its holder, or `undefined`. @internal
 */
export const lapsedOnward = (context: DiagnosisContext, loop: TracedLoop) => {
  for (const id of loop.stopsAt?.idleChannels ?? []) {
    const channel = context.channel(id)
    if (channel !== undefined && channel.to !== loop.holder && channel.from !== channel.to) return channel
  }
  return undefined
}

/** Idle channels by sender and an asset they list, for one context: a hub with thousands of lapsed letters is not scanned for every loop. */
const idleIndex = new WeakMap<DiagnosisContext, Map<string, Channel[]>>()
const idleListing = (context: DiagnosisContext): Map<string, Channel[]> => {
  let index = idleIndex.get(context)
  if (index === undefined) {
    index = new Map()
    for (const [from, channels] of context.traceIndex().idleFrom()) {
      for (const channel of channels) {
        for (const id of new Set(channel.carries)) {
          const key = `${from}\u0000${id}`
          const list = index.get(key)
          if (list === undefined) index.set(key, [channel])
          else list.push(channel)
        }
      }
    }
    idleIndex.set(context, index)
  }
  return index
}

/**
 * The lapsed channels (inactive or planned) by which what was heard, or something made of
 * it, would go on from someone who has it to someone it has not reached (a complaints
 * team's learning bulletin to the team leaders who brief crews), each brought back
 * carrying what it listed of the trace: the people who could act on it hear it again. In
 * channel id order. O(Σ over actors reached of the fewer of their lapsed channels and the
 * assets traced, + channels found). @internal
 */
export const lapsedFromReached = (context: DiagnosisContext, loop: TracedLoop): ProposedChannel[] => {
  const { naming } = context
  const traced = [loop.source, ...loop.derived]
  const tracedSet = new Set<string>(traced)
  const idleFrom = context.traceIndex().idleFrom()
  const found = new Map<string, Channel>()
  for (const actor of loop.reached) {
    const own = idleFrom.get(actor)
    if (own === undefined) continue
    // An actor's few lapsed channels are read through; a hub's thousands (PALS's lapsed
    // letters) are looked up by what the trace carries, so neither side is scanned in full.
    if (own.length <= traced.length) {
      for (const channel of own) if (channel.to !== loop.holder && channel.carries.some((id) => tracedSet.has(id))) found.set(channel.id, channel)
    } else {
      const index = idleListing(context)
      for (const id of traced) for (const channel of index.get(`${actor}\u0000${id}`) ?? []) if (channel.to !== loop.holder) found.set(channel.id, channel)
    }
  }
  const proposals: ProposedChannel[] = []
  for (const channel of found.values()) {
    const carries = traced.filter((id) => channel.carries.includes(id) && reaches(context, id, channel.from) && !reaches(context, id, channel.to))
    if (carries.length === 0) continue
    proposals.push({
      from: channel.from,
      to: channel.to,
      level: channel.level,
      carries,
      reason: `let ${naming.actor(channel.to)} hear ${listInWords(carries.map(naming.asset))} again, so that they can act on it`,
      activates: channel.id,
    })
  }
  return proposals.sort((a, b) => compareIds(a.activates!, b.activates!))
}

/**
 * Where a loop stopped with an acknowledgement that never reached its holder (a reply made
 * from nothing decided or done: "received and noted, referred to the care homes quality
 * team"), the lapsed channels of {@link lapsedFromReached} to someone who could act on it
 * (a professional voice or a mixed group, never another lay group): the referral that
 * should have happened. Empty for any other loop. The message that names the referral
 * and the repair that brings it back both read it here. @internal
 */
export const lapsedReferrals = (context: DiagnosisContext, loop: TracedLoop): ProposedChannel[] => {
  const stop = loop.stopsAt
  if (stop?.reason !== 'reply-not-delivered' || chainLevels(context, loop).get(stop.asset) !== 0) return []
  return lapsedFromReached(context, loop).filter((channel) => isProfessionalVoice(context.actor(channel.to)?.perspective ?? 'lay'))
}
