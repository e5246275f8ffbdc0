import type { Actor, Channel } from '../model/codecs.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import { type AssetKind, type Level, isLayVoice, levels } from '../model/vocabulary.js'
import { isNationalPolicy, traceStageOf } from '../graph/provenance.js'
import type { ProposedChannel } from '../graph/types.js'
import type { DiagnosisContext } from './context.js'
import { sharedLevel } from './reply-repair.js'
import { lapsedWords } from './naming.js'

/** Bits of {@link Voices.heard}: what kind of source reaches an actor. @internal */
export const heardBits = {
  /**
   * What people said, heard: an `experience` source held by a lay or mixed actor (or
   * something made from it), or their own ratings or readings told to the actor first hand
   * (DIALOG+ scores in a care plan review), not counted into a score that reaches it later.
   */
  layExperience: 1,
  /** Any source held by a lay or mixed actor (or something made from it). */
  lay: 2,
  /** An `evidence` or `data` source, whoever holds it. */
  evidenceOrData: 4,
} as const

/** For one kind of lay knowledge: per actor, the furthest asset made from it that the actor has. */
interface Furthest {
  /** Carriage asset number per actor index, `-1` for none. */
  readonly asset: Int32Array
  /** The source it was made from, per actor index. */
  readonly source: Int32Array
  /** Per level, the actor with the furthest such asset (id order among equals), `-1` for none. */
  readonly bestAt: ReadonlyMap<Level, number>
}

/**
 * Who hears whom, read once per diagnosis from the traced loops: for every actor, the
 * kinds of source whose knowledge (the source or anything made from it) reaches it, and
 * the furthest thing made from lay knowledge it has, for repairs that bring lay voices
 * to those who decide. O(Σ over traces of the reach of their assets + V + E).
 * @internal
 */
export interface Voices {
  /** {@link heardBits} per actor index of the context's graph. */
  readonly heard: Uint8Array
  /** The first evidence or data source (carriage asset number) reaching each actor, `-1` for none. */
  readonly firstEvidence: Int32Array
  readonly layExperience: Furthest
  readonly lay: Furthest
  /** Whether the model has any experience held by a lay or mixed actor. */
  readonly hasLayExperience: boolean
  /** Channels that are not active, by receiver id, in model order. */
  readonly idleTo: ReadonlyMap<ActorId, ReadonlyArray<Channel>>
}

const cache = new WeakMap<DiagnosisContext, Voices>()

/**
 * How far an asset stands from its source, for choosing what to bring to someone who
 * decides: only what a decision can be made from (the source, or an insight made from
 * it); replies, lessons, decisions and changes never.
 * @internal
 */
export const informingRankOf = (kind: AssetKind): number => {
  const stage = traceStageOf(kind)
  return stage <= 1 ? stage : -1
}

const emptyFurthest = (count: number) => ({ asset: new Int32Array(count).fill(-1), source: new Int32Array(count).fill(-1), rank: new Int8Array(count).fill(-1) })

/** The {@link Voices} of a diagnosis, computed on first ask and cached per context. @internal */
export const voicesOf = (context: DiagnosisContext): Voices => {
  let voices = cache.get(context)
  if (voices === undefined) cache.set(context, (voices = computeVoices(context)))
  return voices
}

const computeVoices = (context: DiagnosisContext): Voices => {
  const { carriage } = context.traceIndex()
  const { graph, model } = context
  const n = graph.actorCount
  const heard = new Uint8Array(n)
  const firstEvidence = new Int32Array(n).fill(-1)
  const layExperience = emptyFurthest(n)
  const lay = emptyFurthest(n)
  let hasLayExperience = false
  for (const loop of context.traces().loops) {
    const s = carriage.assetIndex.get(loop.source)
    const holder = context.actor(loop.holder)
    if (s === undefined || holder === undefined) continue
    const kind = model.assets[s]!.kind
    const layHeld = isLayVoice(holder.perspective)
    const isExperience = layHeld && kind === 'experience'
    if (isExperience) hasLayExperience = true
    const bits = (isExperience ? heardBits.layExperience : 0) | (layHeld ? heardBits.lay : 0) | (kind === 'experience' ? 0 : heardBits.evidenceOrData)
    for (const id of [loop.source, ...loop.derived]) {
      const a = carriage.assetIndex.get(id)!
      const rank = informingRankOf(model.assets[a]!.kind)
      for (let i = carriage.reachOffsets[a]!; i < carriage.reachOffsets[a + 1]!; i++) {
        const v = carriage.reachActors[i]!
        heard[v]! |= bits
        if (layHeld && a === s && carriage.reachHops[i] === 1) heard[v]! |= heardBits.layExperience
        if ((bits & heardBits.evidenceOrData) !== 0 && firstEvidence[v] === -1) firstEvidence[v] = s
        if (isExperience && rank > layExperience.rank[v]!) ((layExperience.rank[v] = rank), (layExperience.asset[v] = a), (layExperience.source[v] = s))
        if (layHeld && rank > lay.rank[v]!) ((lay.rank[v] = rank), (lay.asset[v] = a), (lay.source[v] = s))
      }
    }
  }
  const idleTo = new Map<ActorId, Channel[]>()
  for (const channel of model.channels) {
    if (channel.status === 'active') continue
    const list = idleTo.get(channel.to)
    if (list === undefined) idleTo.set(channel.to, [channel])
    else list.push(channel)
  }
  const finish = (furthest: ReturnType<typeof emptyFurthest>): Furthest => {
    const bestAt = new Map<Level, number>()
    for (const level of levels) {
      let best = -1
      for (let v = 0; v < n; v++) {
        if (furthest.asset[v]! < 0 || !graph.actors[v]!.levels.includes(level)) continue
        if (best < 0 || furthest.rank[v]! > furthest.rank[best]!) best = v
      }
      bestAt.set(level, best)
    }
    return { asset: furthest.asset, source: furthest.source, bestAt }
  }
  return { heard, firstEvidence, layExperience: finish(layExperience), lay: finish(lay), hasLayExperience, idleTo }
}

/** The asset an actor governs or decides by: its first strategy, else plan, else decision (ids in order). @internal */
export const governingAssetOf = (context: DiagnosisContext, id: ActorId): AssetId | undefined => {
  const held = context.assetsHeldBy(id)
  for (const kind of ['strategy', 'plan', 'decision'] as const) {
    const found = held.find((asset) => asset.kind === kind)
    if (found !== undefined) return found.id
  }
  return undefined
}

/**
 * Whether everything an actor decides by is a regulator's national policy (NHS England's
 * planning guidance: see `isNationalPolicy`): the organisation modelled does not set it, so
 * whether its own people are heard in it is no finding about the organisation. @internal
 */
export const onlyNationalPolicy = (context: DiagnosisContext, actor: Actor): boolean =>
  actor.kind === 'regulator' &&
  context.assetsHeldBy(actor.id).every((asset) => (asset.kind !== 'decision' && asset.kind !== 'plan' && asset.kind !== 'strategy') || isNationalPolicy(asset.kind, actor.kind))

/** What {@link voiceRepair} proposes, with what it carries and the source it was made from. @internal */
export interface VoiceRepair {
  readonly channel: ProposedChannel
  readonly from: ActorId
  readonly asset: AssetId
  readonly source: AssetId
}

/** "'resident-stories' comes no nearer than 'quality-committee', as 'healthwatch-report'". @internal */
export const nearestInWords = (context: DiagnosisContext, found: VoiceRepair): string => {
  const { naming } = context
  const as = found.asset === found.source ? '' : `, as ${naming.asset(found.asset)}`
  // Nearest is where it started: it never left the people it came from.
  if (found.asset === found.source && context.asset(found.source)?.holder === found.from) return `${naming.asset(found.source)} stays with ${naming.actor(found.from)}`
  return `${naming.asset(found.source)} comes no nearer than ${naming.actor(found.from)}${as}`
}

/**
 * A channel that brings lay knowledge to `target`: the furthest thing made from a lay
 * source (only lay experience when `which` is `'layExperience'`) that an actor next to
 * the target has, carried to it. Neighbours first (an active channel to the target, then
 * an inactive one, then a channel from it), else the actor at one of the target's levels
 * with the furthest such asset. `undefined` when no lay knowledge reaches anyone who could.
 * O(degree of the target + levels).
 * @internal
 */
export const voiceRepair = (
  context: DiagnosisContext,
  target: ActorId,
  which: 'layExperience' | 'lay',
  purpose: string,
): VoiceRepair | undefined => {
  const voices = voicesOf(context)
  const furthest = voices[which]
  const { graph, naming } = context
  const t = graph.indexOf.get(target)
  if (t === undefined) return undefined
  const has = (v: number | undefined): v is number => v !== undefined && v !== t && furthest.asset[v]! >= 0
  let from: number | undefined
  let idle: Channel | undefined
  for (let i = graph.reverseOffsets[t]!; i < graph.reverseOffsets[t + 1]! && from === undefined; i++) if (has(graph.sources[i])) from = graph.sources[i]
  for (const channel of voices.idleTo.get(target) ?? []) {
    if (from !== undefined) break
    const v = graph.indexOf.get(channel.from)
    if (has(v)) ((from = v), (idle = channel))
  }
  for (let e = graph.offsets[t]!; e < graph.offsets[t + 1]! && from === undefined; e++) if (has(graph.targets[e])) from = graph.targets[e]
  for (const level of graph.actors[t]!.levels) {
    if (from !== undefined) break
    const best = furthest.bestAt.get(level)
    if (has(best)) from = best
  }
  if (from === undefined) return undefined
  const sender = graph.actors[from]!.id
  const asset = context.model.assets[furthest.asset[from]!]!.id as AssetId
  const source = context.model.assets[furthest.source[from]!]!.id as AssetId
  const made = asset === source ? naming.asset(asset) : `${naming.asset(asset)}, made from ${naming.asset(source)},`
  const restore = idle === undefined ? '' : lapsedWords(idle, asset)
  const channel: ProposedChannel = {
    from: sender,
    to: target,
    level: sharedLevel(context, target, sender),
    carries: [asset],
    reason: `bring ${made} from ${naming.actor(sender)} to ${naming.actor(target)}${restore}: ${purpose}`,
  }
  return { channel, from: sender, asset, source }
}
