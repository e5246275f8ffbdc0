import * as t from 'io-ts'
import type { Actor, Channel, KnowledgeAsset } from '../../model/codecs.js'
import type { ActorId } from '../../model/primitives.js'
import { AssetKind, isLayVoice, isProfessionalVoice } from '../../model/vocabulary.js'
import type { ProposedChannel } from '../../graph/types.js'
import type { DiagnosisContext } from '../context.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { ruleOptions } from '../rule-options.js'
import { lapsedWords } from '../naming.js'
import { sharedLevel } from '../reply-repair.js'
import { sortedUnique } from './words.js'

/**
 * **unused-knowledge** finds knowledge that goes nowhere: stories never passed on,
 * themes reports nobody reads, reply letters never sent, and above all what users know
 * that the organisation relies on but does not acknowledge (`acknowledged: false`;
 * Ostrom on co-production, where users' own assets carry much of the service unseen).
 *
 * How: with the one definition of what a channel carries (`compileCarriage`: an active
 * channel that lists the asset, from an actor that has it) and what was made from what
 * (provenance, declared or inferred). An asset is used when a channel carries it, when
 * something made from it is used, or when its use is where it is held: a `change` or an
 * `experiment` is used by being done, a `lesson` by being kept (it is memory: a
 * participation lead's log for the next project is what `no-memory` asks for, not
 * knowledge lost), a reply held by the person it answers (a peer
 * group's mutual aid) has arrived, and a decision that closes its holder's own loop (a
 * support plan they made) is theirs to use. So a decision, plan or strategy is used when it
 * travels or when something is done from it, and not reported just for staying with its
 * holder; one nobody hears of and nothing is made from is reported. One finding per
 * unused asset; the repair carries it on (over the route an inactive channel had, to
 * the person a reply answers, an approval to whoever put the plan to the decider, else
 * to a professional (not a regulator) the holder already sends to, for
 * lay knowledge one who sends to them, else one who shares a level with the holder; a
 * team's knowledge never goes back upstream, to whoever feeds the team).
 * O(A + provenance links + channels).
 *
 * Options: `ignoreKinds` (default none): asset kinds not to report.
 * @category Rules
 */
export const unusedKnowledge = defineRule({
  id: 'unused-knowledge',
  description: 'Knowledge that no active channel carries and from which nothing that travels or is done is made.',
  defaultSeverity: 'warning',
  options: ruleOptions('UnusedKnowledgeOptions', { ignoreKinds: t.readonlyArray(AssetKind) }, { ignoreKinds: [] }),
  check: (context, options) => {
    const used = usedAssets(context)
    const { idleChannels } = context.cargo()
    const { naming } = context
    const assets = context.model.assets
    const findings: Finding[] = []
    for (let a = 0; a < assets.length; a++) {
      const asset = assets[a]!
      if (used[a] === 1 || options.ignoreKinds.includes(asset.kind) || context.traceIndex().carriage.assetIndex.get(asset.id) !== a) continue
      const holder = naming.actor(asset.holder)
      const what = naming.asset(asset.id)
      const idle = sortedUnique(idleChannels.get(asset.id) ?? [])
      const repair = carryOn(context, asset, idle)
      findings.push({
        message: asset.acknowledged
          ? `${what}, ${asset.kind} held by ${holder}, goes nowhere: no active channel carries it and nothing made from it travels or is done, so it cannot be used.`
          : `${what}, ${asset.kind} held by ${holder} that the organisation relies on but does not acknowledge, goes nowhere: no active channel carries it, so it stays invisible and is lost.`,
        level: context.actor(asset.holder)?.levels[0],
        actors: repair === undefined ? [asset.holder] : sortedUnique([asset.holder, repair.to]),
        channels: idle,
        assets: [asset.id],
        ...(repair === undefined ? {} : { repair: [repair] }),
      })
    }
    return findings
  },
})

/** `1` for each asset (carriage number) that is used, children before parents. O(A + links). */
const usedAssets = (context: DiagnosisContext): Uint8Array => {
  const { carriage, provenance } = context.traceIndex()
  const assets = context.model.assets
  const used = new Uint8Array(carriage.assetCount)
  // A reply that the holder of a source it answers holds itself has arrived; a decision that
  // closes someone's loop (they took part in deciding it) is used by the people it is theirs.
  for (const loop of context.traces().loops) {
    if (loop.outcome !== 'open' && loop.closedBy !== undefined) {
      const closing = carriage.assetIndex.get(loop.closedBy)!
      if (assets[closing]!.holder === loop.holder) used[closing] = 1
    }
    for (const id of loop.derived) {
      const a = carriage.assetIndex.get(id)!
      if (assets[a]!.kind === 'response' && assets[a]!.holder === loop.holder) used[a] = 1
    }
  }
  const order = Array.from({ length: carriage.assetCount }, (_, a) => a).sort((a, b) => provenance.rank[b]! - provenance.rank[a]!)
  for (const a of order) {
    const kind = assets[a]!.kind
    if (carriage.carrierOffsets[a + 1]! > carriage.carrierOffsets[a]! || kind === 'change' || kind === 'experiment' || kind === 'lesson') used[a] = 1
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]! && used[a] === 0; i++) used[a] = used[provenance.children[i]!]!
  }
  return used
}

/**
 * Who can use what is passed on: a professional, not a regulator (a board's assurance or
 * a council's care home contract is not sent to the CQC "so that it is used").
 */
const user = (actor: Actor): boolean => isProfessionalVoice(actor.perspective) && actor.kind !== 'regulator'

/** A channel that carries the asset on: the route an inactive channel had, the person a reply answers, or a professional downstream of the holder. */
const carryOn = (context: DiagnosisContext, asset: KnowledgeAsset, idle: ReadonlyArray<string>): ProposedChannel | undefined => {
  const { graph } = context
  const was = idle.map((id) => context.channel(id as never)).find((channel) => channel !== undefined && channel.from === asset.holder)
  let to = was?.to
  if (to === undefined && asset.kind === 'response') {
    to = context.traces().loops.find((loop) => loop.derived.includes(asset.id))?.holder
  }
  // An approval goes back to whoever asked for it: a decision made from a plan put to the
  // decider (a primary care committee approving the ICB team's access plan) goes to that plan's holder.
  if (to === undefined && asset.kind === 'decision') {
    to = (asset.derivedFrom ?? []).map((id) => context.asset(id)).find((parent) => parent?.kind === 'plan' && parent.holder !== asset.holder && user(context.actor(parent.holder)!))?.holder
  }
  const v = graph.indexOf.get(asset.holder)
  if (to === undefined && v !== undefined) {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]! && to === undefined; e++) {
      const other = graph.actors[graph.targets[e]!]!
      if (other.id !== asset.holder && user(other)) to = other.id
    }
  }
  // Patients' and carers' own knowledge goes to the professionals who care for them; a team's
  // never back upstream, to whoever feeds it (a dashboard returned to the team that sent the
  // data, a strategy to the analysts who report to the committee): it is used downstream.
  if (to !== undefined) return carried(context, asset, to, was)
  const lay = isLayVoice(context.actor(asset.holder)?.perspective ?? 'professional')
  const upstream = new Set<ActorId>()
  if (v !== undefined) for (let i = graph.reverseOffsets[v]!; i < graph.reverseOffsets[v + 1]!; i++) upstream.add(graph.actors[graph.sources[i]!]!.id)
  if (lay) to = [...upstream].find((id) => id !== asset.holder && user(context.actor(id)!))
  if (to === undefined) {
    const mine = context.actor(asset.holder)?.levels ?? []
    to = context.model.actors.find(
      (actor) => actor.id !== asset.holder && (lay || !upstream.has(actor.id)) && user(actor) && actor.levels.some((level) => mine.includes(level)),
    )?.id
  }
  return to === undefined ? undefined : carried(context, asset, to, was)
}

/** The channel that carries an unused asset from its holder to `to`. */
const carried = (context: DiagnosisContext, asset: KnowledgeAsset, to: ActorId, was: Channel | undefined): ProposedChannel | undefined => {
  const { naming } = context
  if (to === asset.holder) return undefined
  return {
    from: asset.holder,
    to,
    level: was?.level ?? sharedLevel(context, asset.holder, to),
    carries: [asset.id],
    reason: `pass ${naming.asset(asset.id)} from ${naming.actor(asset.holder)} to ${naming.actor(to)}${was === undefined ? '' : lapsedWords(was, asset.id)}, so that it is used`,
  }
}
