import { traceStageOf } from '../../graph/provenance.js'
import type { TracedLoop } from '../../graph/trace-types.js'
import type { ProposedChannel } from '../../graph/types.js'
import type { DeclaredLoop } from '../../model/codecs.js'
import type { ActorId, AssetId, ChannelId } from '../../model/primitives.js'
import type { DiagnosisContext } from '../context.js'
import { type ChainLevel, chainLevels, outcomeRank, ownChainLevel } from './chain-levels.js'
import { sortedUnique } from './words.js'
import { onLapsedStep, stepRepair } from './declared-step-repair.js'

/** One step of a declared loop: `ok`, `missing` (no active channel) or `empty` (active channels carry nothing of its source on). @internal */
export interface DeclaredStep {
  readonly from: ActorId
  readonly to: ActorId
  readonly status: 'ok' | 'missing' | 'empty'
  /** Whether the step brings the source's knowledge back to its holder (it must carry a reply). */
  readonly back: boolean
  /** Channels on the step that are not active. */
  readonly idle: ReadonlyArray<ChannelId>
  readonly repair?: ProposedChannel
}

/** A declared loop walked along its steps, as it is and as it would be with the step repairs. @internal */
export interface DeclaredWalk {
  /** The traced loop of the declared source (or, with no source, the first actor's best-travelled one). */
  readonly subject?: TracedLoop
  /** Whether the steps were checked against the source's trace (a declared source the first actor has). */
  readonly traced: boolean
  readonly steps: ReadonlyArray<DeclaredStep>
  /** The outcome rank the source's loop would reach with the step repairs (absent unless traced). */
  readonly expected?: number
  /** The asset of the trace with the best chain level, and that level (for a reply that keeps a promise). */
  readonly best?: { readonly asset: AssetId; readonly level: ChainLevel }
}

/** Traced loops by holder, once per diagnosis. */
const tracesByHolder = new WeakMap<DiagnosisContext, ReadonlyMap<ActorId, ReadonlyArray<TracedLoop>>>()

const tracesHeldBy = (context: DiagnosisContext, holder: ActorId): ReadonlyArray<TracedLoop> => {
  let index = tracesByHolder.get(context)
  if (index === undefined) {
    const built = new Map<ActorId, TracedLoop[]>()
    for (const loop of context.traces().loops) {
      const list = built.get(loop.holder)
      if (list === undefined) built.set(loop.holder, [loop])
      else list.push(loop)
    }
    tracesByHolder.set(context, (index = built))
  }
  return index.get(holder) ?? []
}

/** The traced loop a declared loop is about: its source's, else the first actor's that reaches most of it. */
const subjectOf = (context: DiagnosisContext, declared: DeclaredLoop): TracedLoop | undefined => {
  if (declared.source !== undefined) return context.traceOf(declared.source)
  let chosen: TracedLoop | undefined
  let most = 0
  for (const loop of tracesHeldBy(context, declared.through[0]!)) {
    const covered = declared.through.filter((id) => loop.reached.includes(id)).length
    if (covered > most) ((most = covered), (chosen = loop))
  }
  return chosen
}

/**
 * Walk a declared loop step by step, carrying what each actor has of the subject's
 * trace (what it has now, what arrives over the step before, and what it makes of that
 * by `derivedFrom` or by a later stage), and propose for each broken step a channel
 * carrying the furthest thing its sender has, or on a step back to the source's holder
 * a reply (an existing one, else a new one made from the furthest thing). O(steps ×
 * assets the actors on it hold + the trace's reach).
 * @internal
 */
export const walkDeclaredLoop = (context: DiagnosisContext, declared: DeclaredLoop): DeclaredWalk => {
  const subject = subjectOf(context, declared)
  const level = subject === undefined ? new Map<AssetId, ChainLevel>() : chainLevels(context, subject)
  const hasNow = new Map<ActorId, AssetId[]>()
  if (subject !== undefined) {
    const { carriage } = context.traceIndex()
    for (const id of level.keys()) {
      const a = carriage.assetIndex.get(id)!
      for (let i = carriage.reachOffsets[a]!; i < carriage.reachOffsets[a + 1]!; i++) {
        const actor = carriage.graph.actors[carriage.reachActors[i]!]!.id
        const list = hasNow.get(actor)
        if (list === undefined) hasNow.set(actor, [id])
        else list.push(id)
      }
    }
  }
  // The source's trace is walked along the loop only when the loop starts with the source's
  // holder (a loop declared about someone else's story is checked step by step only).
  const traced = declared.source !== undefined && subject !== undefined && subject.holder === declared.through[0] && (hasNow.get(declared.through[0]!)?.length ?? 0) > 0
  const stageOf = (id: AssetId): number => stageOfId(context, id)
  const steps: DeclaredStep[] = []
  let arriving: AssetId[] = []
  let returned = -1
  for (let i = 0; i + 1 < declared.through.length; i++) {
    const from = declared.through[i]!
    const to = declared.through[i + 1]!
    const available = grow(context, from, [...(hasNow.get(from) ?? []), ...arriving], level)
    const channels = context.channelsBetween(from, to)
    const active = channels.filter((channel) => channel.status === 'active')
    const idle = channels.filter((channel) => channel.status !== 'active').map((channel) => channel.id)
    const back = subject !== undefined && to === subject.holder && i + 2 === declared.through.length
    const carried = sortedUnique(active.flatMap((channel) => channel.carries.filter((id) => available.includes(id))))
    const delivered = back ? answersBack(context, to, carried, level) : carried
    const status = active.length === 0 ? 'missing' : traced && delivered.length === 0 ? 'empty' : 'ok'
    if (status === 'ok') {
      arriving = delivered
    } else {
      const returning = declared.through.slice(0, i).includes(to)
      const proposed = stepRepair(context, declared, { from, to, back, returning, available, idle, subject }, level, stageOf)
      // On the way home, the step's lapsed channel is the loop's feedback route: bring it back.
      const repair = returning || back ? onLapsedStep(context, proposed, idle) : proposed
      steps.push({ from, to, status, back, idle, repair })
      arriving = [...repair.carries]
      if (repair.creates !== undefined) for (const made of repair.creates) level.set(made.id, level.get(made.derivedFrom[0]!) ?? 0)
      if (back) returned = Math.max(returned, ...repair.carries.map((id) => level.get(id) ?? 0), ...(repair.creates ?? []).map((made) => level.get(made.id) ?? 0))
      continue
    }
    steps.push({ from, to, status, back, idle })
    if (back) returned = Math.max(returned, ...delivered.map((id) => level.get(id) ?? 0))
  }
  let best: DeclaredWalk['best']
  for (const [id, chain] of level) {
    const kind = context.asset(id)?.kind
    if (kind === undefined || kind === 'response' || kind === 'lesson' || !isHeldByOther(context, id, subject)) continue
    if (best === undefined || chain > best.level) best = { asset: id, level: chain }
  }
  return {
    ...(subject === undefined ? {} : { subject }),
    traced,
    steps,
    ...(traced ? { expected: Math.max(outcomeRank(subject!.outcome), returned) } : {}),
    ...(best === undefined ? {} : { best }),
  }
}

/**
 * What a step back to the source's holder brings that answers them: the replies it
 * carries, else, when the holder writes its own reply from what arrives (a group's
 * "you said, we did" wall made from the decisions its manager brings back), all it
 * carries. A reply is someone else's answer, or the holder's made from someone else's.
 */
const answersBack = (context: DiagnosisContext, holder: ActorId, carried: AssetId[], level: Map<AssetId, ChainLevel>): AssetId[] => {
  const replies = carried.filter((id) => context.asset(id)?.kind === 'response')
  if (replies.length > 0 || carried.length === 0) return replies
  const written = grow(context, holder, carried, level).some((id) => !carried.includes(id) && context.asset(id)?.kind === 'response' && context.asset(id)?.holder === holder)
  return written ? carried : []
}

const isHeldByOther = (context: DiagnosisContext, id: AssetId, subject: TracedLoop | undefined): boolean =>
  subject !== undefined && context.asset(id)?.holder !== subject.holder

/** The capability stage of an asset, or of a reply a walk creates (not in the model yet). */
const stageOfId = (context: DiagnosisContext, id: AssetId): number => traceStageOf(context.asset(id)?.kind ?? 'response')

/** What an actor has of the trace, with what it makes of it: its own assets made from what it has (declared, or a later stage). */
const grow = (context: DiagnosisContext, actor: ActorId, start: ReadonlyArray<AssetId>, level: Map<AssetId, ChainLevel>): AssetId[] => {
  const have = new Set(start)
  const own = context.assetsHeldBy(actor)
  for (let changed = true; changed; ) {
    changed = false
    for (const asset of own) {
      if (have.has(asset.id)) continue
      const stage = traceStageOf(asset.kind)
      const parents = asset.derivedFrom === undefined ? [...have].filter((id) => stage > 0 && stageOfId(context, id) < stage && stageOfId(context, id) >= 0) : asset.derivedFrom.filter((id) => have.has(id))
      if (parents.length === 0) continue
      have.add(asset.id)
      level.set(asset.id, Math.max(ownChainLevel(asset.kind), ...parents.map((id) => level.get(id) ?? 0)) as ChainLevel)
      changed = true
    }
  }
  return [...have]
}
