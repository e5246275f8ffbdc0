import type { KnowledgeAsset } from '../model/codecs.js'
import type { ActorId, AssetId, ChannelId } from '../model/primitives.js'
import type { AssetKind, Level } from '../model/vocabulary.js'
import type { TracedLoop } from '../graph/trace-types.js'
import type { ProposedChannel } from '../graph/types.js'
import type { DiagnosisContext } from './context.js'
import { levelPreferring } from './reply-repair.js'
import { lapsedWords, listInWords } from './naming.js'
import { informingRankOf, voicesOf } from './voices.js'
import { reaches } from './reply-contact.js'
import { isNationalPolicy } from '../graph/provenance.js'

/** What {@link governingRepair} proposes. @internal */
export interface GoverningRepair {
  /**
   * Absent when every loop's knowledge already reaches the holder (a committee sent the
   * quarterly report made from the survey analysis): no channel adds anything, and only
   * what the plan is declared to be made from can change.
   */
  readonly channel?: ProposedChannel
  /** Who would hold the governing asset made from it. */
  readonly target: ActorId
  readonly asset: AssetId
  readonly source: AssetId
}

/**
 * A channel that brings what some traced loops learned to someone who sets the rules:
 * the furthest thing made from their sources that a governing asset could be made from
 * (the source itself or an insight), from an actor that has it to a holder of an asset
 * of `kinds` (a plan, a strategy), preferring assets whose provenance is inferred (a
 * declared one is not made from what is brought; where every one is declared, the
 * reason says the plan must also be made from what is brought). Prefers a holder already linked to such an actor (an
 * active channel, then an inactive one), else a holder of a declared one whom what every
 * loop learned already reaches (no channel: only what its plan is made from must change),
 * else one sharing a level with it, else the first holder; among equals,
 * the furthest asset (what a forum deliberated before one person's story) and the first
 * ids. When every loop's knowledge already reaches the holder chosen, no channel (`channel`
 * absent), nor when some does and every plan it holds declares what it is made from (a
 * channel bringing more changes nothing); when some does otherwise, what the others learned.
 * `undefined` when no loop has anything to bring or nobody holds such an asset.
 * O(Σ reach of the loops' assets + V + E over the holders), at most twice.
 * @internal
 */
export const governingRepair = (
  context: DiagnosisContext,
  loops: ReadonlyArray<TracedLoop>,
  kinds: ReadonlyArray<AssetKind>,
  options: { readonly level?: Level; readonly purpose: string },
  narrowed = false,
): GoverningRepair | undefined => {
  const { graph, model, naming } = context
  const { carriage } = context.traceIndex()
  const n = graph.actorCount
  const asset = new Int32Array(n).fill(-1)
  const source = new Int32Array(n).fill(-1)
  const rank = new Int8Array(n).fill(-1)
  for (const loop of loops) {
    const s = carriage.assetIndex.get(loop.source)!
    // What a forum deliberated (a PPG's views) before one person's story (a complaint,
    // which is confidential and stays with the practice); an insight before either.
    const deliberated = context.actor(loop.holder)?.perspective === 'mixed' ? 1 : 0
    for (const id of [loop.source, ...loop.derived]) {
      const a = carriage.assetIndex.get(id)!
      const informing = informingRankOf(model.assets[a]!.kind)
      if (informing < 0) continue
      const own = informing * 2 + deliberated
      for (let i = carriage.reachOffsets[a]!; i < carriage.reachOffsets[a + 1]!; i++) {
        const v = carriage.reachActors[i]!
        if (own > rank[v]!) ((rank[v] = own), (asset[v] = a), (source[v] = s))
      }
    }
  }
  // A governing asset whose provenance is inferred is made from what its holder hears; one declared is not.
  // The organisation's own rules, not a regulator's national policy (NHS England's
  // planning guidance is not remade from one ICB's Healthwatch report), unless it has none.
  const all = model.assets.filter((held) => kinds.includes(held.kind))
  const national = (held: KnowledgeAsset): boolean => isNationalPolicy(held.kind, context.actor(held.holder)?.kind ?? 'board')
  const local = all.filter((held) => !national(held))
  const governing = local.length > 0 ? local : all
  const open = governing.filter((held) => held.derivedFrom === undefined && !national(held))
  const targets = (open.length > 0 ? open : governing).map((held) => graph.indexOf.get(held.holder))
  const idleTo = voicesOf(context).idleTo
  let chosen: { from: number; to: number; idle?: string } | undefined
  const better = (from: number): boolean => chosen === undefined || rank[from]! > rank[chosen.from]!
  for (const t of targets) {
    if (t === undefined) continue
    for (let i = graph.reverseOffsets[t]!; i < graph.reverseOffsets[t + 1]!; i++) {
      const u = graph.sources[i]!
      if (u !== t && asset[u]! >= 0 && better(u)) chosen = { from: u, to: t }
    }
  }
  for (const t of chosen === undefined ? targets : []) {
    if (t === undefined) continue
    for (const channel of idleTo.get(graph.actors[t]!.id) ?? []) {
      const u = graph.indexOf.get(channel.from)
      if (u !== undefined && u !== t && asset[u]! >= 0 && better(u)) chosen = { from: u, to: t, idle: channel.id }
    }
  }
  if (chosen === undefined) {
    // Rather than a channel between actors with no link (an ICB commissioner sending a
    // provider's report to the national NHS Pathways team), a holder of a declared plan
    // that what every loop learned already reaches: only what its plan is made from has to change.
    for (const held of governing) {
      const t = graph.indexOf.get(held.holder)
      if (t === undefined || asset[t]! < 0 || (chosen !== undefined && rank[t]! <= rank[chosen.to]!)) continue
      if (loops.every((loop) => learnedBy(context, loop, held.holder))) chosen = { from: t, to: t }
    }
  }
  if (chosen === undefined) {
    // The actor with the furthest asset at each level (first id among equals), then the first holder sharing one.
    const bestAt = new Map<Level, number>()
    for (let u = 0; u < n; u++) {
      if (asset[u]! < 0) continue
      for (const level of graph.actors[u]!.levels) {
        const best = bestAt.get(level)
        if (best === undefined || rank[u]! > rank[best]!) bestAt.set(level, u)
      }
    }
    for (const t of targets) {
      if (t === undefined) continue
      for (const level of graph.actors[t]!.levels) {
        const u = bestAt.get(level)
        if (u !== undefined && u !== t && better(u)) chosen = { from: u, to: t }
      }
    }
    // Nobody shares a level with a holder: the first holder hears from whoever has the furthest asset.
    const first = targets.find((t) => t !== undefined)
    for (const u of bestAt.values()) if (chosen === undefined && first !== undefined && u !== first) chosen = { from: u, to: first }
  }
  if (chosen === undefined) return undefined
  const from = graph.actors[chosen.from]!.id
  const target = graph.actors[chosen.to]!.id
  // Every loop's knowledge already reaches the holder (the committee gets the quarterly report
  // made from the survey): no channel adds anything. Where only some does, bring the rest
  // (narrowed once: a second pass takes what it finds, so the cost stays linear).
  const pending = loops.filter((loop) => !learnedBy(context, loop, target))
  // Where every plan declares what it is made from, once some of what was learned reaches the
  // holder a channel bringing more changes nothing either: only what the plan is made from can
  // (so applying the repairs settles, rather than carrying one more story up each round).
  const declaredOnly = open.length === 0 && governing.some((held) => held.holder === target)
  if (pending.length === 0 || (declaredOnly && pending.length < loops.length && asset[chosen.to]! >= 0)) {
    return { target, asset: model.assets[asset[chosen.to]!]!.id, source: model.assets[source[chosen.to]!]!.id }
  }
  if (pending.length < loops.length && !narrowed) return governingRepair(context, pending, kinds, options, true)
  const carried = model.assets[asset[chosen.from]!]!.id
  const made = model.assets[source[chosen.from]!]!.id
  const what = carried === made ? naming.asset(carried) : `${naming.asset(carried)}, made from ${naming.asset(made)},`
  const lapsed = chosen.idle === undefined ? undefined : context.channel(chosen.idle as ChannelId)
  const restore = lapsed === undefined ? '' : lapsedWords(lapsed, carried)
  // The level asked for when both take part in it, else one they share (a link worker at
  // delivery level brings case learning to the clinical director at delivery level).
  const level = levelPreferring(context, target, from, options.level)
  // When the target's plans all declare what they are made from, a channel alone changes none:
  // say so, so that whoever applies the repair also makes the plan from what is brought.
  const own = governing.filter((held) => held.holder === target)
  // A plan already declared to be made from what is brought (a provider's quality plan made
  // from the complaint log) needs nothing more than the channel.
  const madeFromIt = own.some((held) => held.derivedFrom?.includes(carried) === true || held.derivedFrom?.includes(made) === true)
  const caveat = declaredOnly && !madeFromIt
    ? ` (${own.length === 1 ? `${naming.asset(own[0]!.id)} is` : `${own.map((held) => naming.asset(held.id)).join(' and ')} are`} declared to be made from other things only: make ${own.length === 1 ? 'it' : 'them'} from this too)`
    : ''
  return {
    channel: { from, to: target, level, carries: [carried], reason: `bring ${what} from ${naming.actor(from)} to ${naming.actor(target)}${restore}: ${options.purpose}${caveat}` },
    target,
    asset: carried,
    source: made,
  }
}

/** Whether what a loop learned (its source, or an insight made from it) reaches `holder`. */
const learnedBy = (context: DiagnosisContext, loop: TracedLoop, holder: ActorId): boolean =>
  [loop.source, ...loop.derived].some((id) => informingRankOf(context.asset(id)!.kind) >= 0 && reaches(context, id, holder))

/** What a plan is made from, in words ("made from the incident profile only", "declared to be made from nothing"). @internal */
export const madeFromWords = (context: DiagnosisContext, plan: KnowledgeAsset): string =>
  plan.derivedFrom === undefined
    ? 'not made from it'
    : plan.derivedFrom.length === 0
      ? 'declared to be made from nothing'
      : `made from ${listInWords(plan.derivedFrom.map(context.naming.asset), 3)} only`

/**
 * Where a governing repair needs no channel, why, as a sentence to end a finding with:
 * "It reaches 'quality-committee' as 'quarterly-report', but 'quality-strategy' is
 * declared to be made from nothing: no channel is missing, only a plan made from it."
 * Empty when a channel is proposed or nothing was found. @internal
 */
export const noChannelWords = (context: DiagnosisContext, found: GoverningRepair | undefined, kinds: ReadonlyArray<AssetKind>): string => {
  if (found === undefined || found.channel !== undefined) return ''
  const plan = context.assetsHeldBy(found.target).find((held) => kinds.includes(held.kind))
  if (plan === undefined) return ''
  const { naming } = context
  return ` It reaches ${naming.actor(found.target)} as ${naming.asset(found.asset)}, but ${naming.asset(plan.id)} is ${madeFromWords(context, plan)}: no channel is missing, only a plan made from it.`
}
