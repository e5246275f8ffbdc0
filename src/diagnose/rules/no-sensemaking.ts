import type { ActorId, AssetId } from '../../model/primitives.js'
import { isLayVoice } from '../../model/vocabulary.js'
import { reachPosition } from '../../graph/carriage.js'
import { channelOfEdge } from '../../graph/compile.js'
import type { TracedLoop } from '../../graph/trace-types.js'
import type { ProposedChannel } from '../../graph/types.js'
import type { DiagnosisContext } from '../context.js'
import type { Finding } from '../types.js'
import { defineRule } from '../define-rule.js'
import { listInWords } from '../naming.js'
import { anyChannelsBetween } from '../activate-repairs.js'
import { freshAssetId, sharedLevel } from '../reply-repair.js'
import { noOptions } from '../rule-options.js'
import { decidingLevelOf, sortedUnique } from './words.js'

/** A decision made straight from raw knowledge: the decision, and the raw asset it was made from. */
interface Unsensed {
  readonly loop: TracedLoop
  readonly decision: number
  readonly raw: number
}

/**
 * **no-sensemaking** finds decisions, plans and strategies made straight from raw
 * experience or data, with no `insight` between: the step that reads stories and figures
 * together and synthesises lay and professional narratives (sensemaking, one of the six
 * capabilities of organisational intelligence; Owens on combining perspectives) is
 * missing. Single stories then drive decisions, or are ignored, instead of being read
 * together. Casework is left alone: one person's complaint decided on and answered to
 * them (a `decision`, whose reply reaches them) is investigated on its own, as it should
 * be; so is a regulator's own process (a CQC rating).
 *
 * How: for each traced loop (`traceLoops`) of an experience source, or of data a lay or
 * mixed actor holds (professional evidence such as a guideline is meant to be applied as
 * it is, and a professional's own data, such as KPI returns or registry figures, is a
 * measure already made for deciding by), follow what was made
 * from what: a `decision`, `plan` or `strategy` made from it (straight from the
 * experience or data itself, not from another decision) is made with sensemaking
 * when some chain of provenance into it passes an insight (a plan made from a forum's
 * advice and from an evaluation report was made sense of, even if the advice went in as
 * it was). A forum deliberating is itself sensemaking, so knowledge a mixed actor holds
 * counts as made sense of, and decisions held by lay or mixed actors are left alone:
 * people deciding about their own lives need no themes report. So is a plan made
 * with the person it is about: by the clinician, frontline worker or provider caring for them,
 * straight from what they said, and shared back with them (goals agreed in a therapy
 * session; a manager rewriting the service plan from complaints one by one is still
 * reported). One finding per decision maker. The repair asks whoever passed the raw
 * knowledge on to make sense of it first: a channel carrying their insight made from it
 * (a new one where none exists) to the decision maker, when the decision's provenance is
 * inferred (one that declares what it is made from is not changed by a channel, so it
 * gets no repair). People are never asked to theme their own stories: when the stories
 * came straight from them, the repair brings back the route through a professional that
 * the organisation has or had (complaints to the patient experience team, its themes to
 * the manager). O(Σ trace size).
 *
 * Options: none.
 * @category Rules
 */
export const noSensemaking = defineRule({
  id: 'no-sensemaking',
  description: 'Experience or data made into a decision, plan or strategy with no insight between.',
  defaultSeverity: 'warning',
  options: noOptions,
  check: (context) => {
    const byHolder = new Map<ActorId, Unsensed[]>()
    const sensed = madeSenseOf(context)
    for (const loop of context.traces().loops) {
      const kind = context.asset(loop.source)?.kind
      // A professional's own data (activity, KPI returns, registry figures) is already a
      // measure made for deciding by; whether people's experience reaches the decision
      // too is experience-excluded's matter.
      if (kind !== 'experience' && (kind !== 'data' || !isLayVoice(context.actor(loop.holder)?.perspective ?? 'professional'))) continue
      for (const found of unsensedDecisions(context, loop, sensed)) {
        const holder = context.model.assets[found.decision]!.holder
        const list = byHolder.get(holder)
        if (list === undefined) byHolder.set(holder, [found])
        else list.push(found)
      }
    }
    const findings: Finding[] = []
    for (const holder of sortedUnique(byHolder.keys())) findings.push(sensemakingFinding(context, holder, byHolder.get(holder)!))
    return findings
  },
})

/**
 * For each asset (carriage number), whether a chain of provenance into it passes an
 * insight or starts at knowledge a mixed forum holds (its deliberation is sensemaking).
 * Parents before children, over every source at once. O(A + links).
 */
const madeSenseOf = (context: DiagnosisContext): Uint8Array => {
  const { carriage, provenance } = context.traceIndex()
  const assets = context.model.assets
  const sensed = new Uint8Array(carriage.assetCount)
  const order = Array.from({ length: carriage.assetCount }, (_, a) => a).sort((a, b) => provenance.rank[a]! - provenance.rank[b]!)
  for (const a of order) {
    const passes = sensed[a] === 1 || assets[a]!.kind === 'insight' || context.actor(assets[a]!.holder)?.perspective === 'mixed'
    if (!passes || provenance.rank[a]! < 0) continue
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) sensed[provenance.children[i]!] = 1
  }
  return sensed
}

/** The decisions of one traced loop made with no sensemaking, each with the member it was made from. O(trace size). */
const unsensedDecisions = (context: DiagnosisContext, loop: TracedLoop, sensed: Uint8Array): Unsensed[] => {
  const { carriage, provenance } = context.traceIndex()
  const assets = context.model.assets
  const members = new Set([loop.source, ...loop.derived].map((id) => carriage.assetIndex.get(id)!))
  const rawParent = new Map<number, number>()
  const found: Unsensed[] = []
  // Derived assets come in provenance order: every parent before its children.
  for (const a of members) {
    const kind = assets[a]!.kind
    if ((kind === 'decision' || kind === 'plan' || kind === 'strategy') && sensed[a] === 0) {
      const holder = context.actor(assets[a]!.holder)
      const raw = rawParent.get(a)
      if (holder !== undefined && !isLayVoice(holder.perspective) && holder.kind !== 'regulator' && raw !== undefined && !sharedWithThePerson(context, loop, members, a, raw)) found.push({ loop, decision: a, raw })
    }
    // Only experience and data are raw: a plan made from a network's plan is not made
    // "straight from" it (the first decision on the chain is the one reported).
    if (kind !== 'experience' && kind !== 'data') continue
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
      const c = provenance.children[i]!
      if (members.has(c) && !rawParent.has(c)) rawParent.set(c, a)
    }
  }
  return found
}

/**
 * Whether a decision is made with the person it is about: by the clinician, frontline
 * worker or provider (a carers' centre assessing a carer) who cares for them, straight
 * from what they told them (one channel away), and shared back with them (see
 * {@link answeredToThem}). Agreeing goals in a therapy session is sensemaking done
 * together. Or, for a `decision` (not a plan), casework: one person's complaint decided on
 * and answered to them, by whoever investigates it.
 */
const sharedWithThePerson = (context: DiagnosisContext, loop: TracedLoop, members: ReadonlySet<number>, decision: number, raw: number): boolean => {
  const { carriage, kinds } = context.traceIndex()
  const s = carriage.assetIndex.get(loop.source)!
  const person = context.actor(loop.holder)
  if (raw !== s || person === undefined || !isLayVoice(person.perspective)) return false
  if (kinds[decision] === 'decision') return answeredToThem(context, members, decision, s)
  const maker = carriage.holder[decision]!
  // Care decided with the person by whoever gives it: a manager rewriting a plan from complaints one by one is not.
  const kind = context.traceIndex().graph.actors[maker]!.kind
  if (kind !== 'clinician' && kind !== 'staff' && kind !== 'provider') return false
  let direct = false
  for (let i = carriage.reachOffsets[s]!; i < carriage.reachOffsets[s + 1]!; i++) if (carriage.reachActors[i] === maker && carriage.reachHops[i] === 1) direct = true
  return direct && answeredToThem(context, members, decision, s)
}

/** Whether the decision, or a reply made from it or from what was done about it, reaches the source's holder. */
const answeredToThem = (context: DiagnosisContext, members: ReadonlySet<number>, decision: number, s: number): boolean => {
  const { carriage, provenance, kinds } = context.traceIndex()
  const h = carriage.holder[s]!
  if (reachPosition(carriage, decision, h) >= 0) return true
  const seen = new Set([decision])
  const queue = [decision]
  for (let head = 0; head < queue.length; head++) {
    const a = queue[head]!
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
      const c = provenance.children[i]!
      if (!members.has(c) || seen.has(c)) continue
      if (kinds[c] === 'response' && reachPosition(carriage, c, h) >= 0) return true
      seen.add(c)
      queue.push(c)
    }
  }
  return false
}

const sensemakingFinding = (context: DiagnosisContext, holder: ActorId, found: ReadonlyArray<Unsensed>): Finding => {
  const { naming } = context
  const assets = context.model.assets
  const decisions = sortedUnique(found.map((entry) => assets[entry.decision]!.id))
  const raws = sortedUnique(found.map((entry) => assets[entry.raw]!.id))
  const sources = sortedUnique(found.map((entry) => entry.loop.source))
  const repair = insightRepair(context, holder, found[0]!)
  return {
    message: `${naming.actor(holder)} makes ${listInWords(decisions.map(naming.asset), 3)} straight from ${listInWords(raws.map(naming.asset), 3)}, with no insight between: nobody makes sense of what is heard before it is decided on.`,
    level: decidingLevelOf(context, holder),
    actors: sortedUnique([holder, ...found.map((entry) => entry.loop.holder), ...(repair ?? []).map((channel) => channel.from)]),
    channels: [],
    assets: sortedUnique([...sources, ...raws, ...decisions]),
    ...(repair === undefined ? {} : { repair }),
  }
}

/**
 * Whoever passed the raw knowledge to the decision maker makes sense of it first, and
 * sends the insight on. Only for a decision whose provenance is inferred, which the
 * arriving insight then joins; a decision that declares what it is made from stays made
 * from that whatever a channel brings, so no channel repairs it (its `derivedFrom` has to
 * change once the insight exists). People are not asked to theme their own stories: when
 * the raw knowledge came straight from them, the route the organisation has or had through
 * a professional who could (a lapsed or planned channel to the patient experience team,
 * and one from that team to the decision maker) is brought back; with none, no repair.
 */
const insightRepair = (context: DiagnosisContext, holder: ActorId, entry: Unsensed): ProposedChannel[] | undefined => {
  const { carriage } = context.traceIndex()
  const { graph, model } = context
  if (model.assets[entry.decision]!.derivedFrom !== undefined) return undefined
  const target = graph.indexOf.get(holder)
  const at = target === undefined ? -1 : reachPosition(carriage, entry.raw, target)
  const edge = at < 0 ? -1 : carriage.reachEdge[carriage.reachOffsets[entry.raw]! + at]!
  if (edge < 0) return undefined
  const sender = channelOfEdge(graph, edge).from
  const raw = model.assets[entry.raw]!
  if (!isLayVoice(context.actor(sender)?.perspective ?? 'professional')) return [insightFrom(context, sender, holder, entry)]
  // Through a professional the sender has (or had) a channel listing the raw knowledge to, who has one to the decision maker.
  const via = sortedUnique(
    (context.idleFrom().get(sender) ?? [])
      .filter((channel) => channel.carries.includes(raw.id) && !isLayVoice(context.actor(channel.to)?.perspective ?? 'lay'))
      .map((channel) => channel.to)
      .filter((to) => to !== holder && anyChannelsBetween(context, to, holder).length > 0),
  )[0]
  if (via === undefined) return undefined
  return [
    { from: sender, to: via, level: sharedLevel(context, sender, via), carries: [raw.id], reason: `pass ${context.naming.asset(raw.id)} to ${context.naming.actor(via)} to make sense of` },
    insightFrom(context, via, holder, entry),
  ]
}

/** `sender` sends the decision maker an insight made from the raw knowledge: one it has (made from it, or from nothing declared), else a new themes report. */
const insightFrom = (context: DiagnosisContext, sender: ActorId, holder: ActorId, entry: Unsensed): ProposedChannel => {
  const { carriage } = context.traceIndex()
  const { naming, model } = context
  const v = context.graph.indexOf.get(sender)!
  const raw = model.assets[entry.raw]!
  const existing =
    entry.loop.derived.find((id) => context.asset(id)?.kind === 'insight' && reachPosition(carriage, carriage.assetIndex.get(id)!, v) >= 0) ??
    context.assetsHeldBy(sender).find((asset) => asset.kind === 'insight' && (asset.derivedFrom === undefined || asset.derivedFrom.includes(raw.id)))?.id
  const level = sharedLevel(context, holder, sender)
  const reason = `let ${naming.actor(sender)} make sense of ${naming.asset(raw.id)} before ${naming.actor(holder)} decides on it: ${existing === undefined ? 'themes made from it' : naming.asset(existing)}`
  if (existing !== undefined) return { from: sender, to: holder, level, carries: [existing], reason }
  const insight = freshAssetId(context, raw.id, 'themes')
  return {
    from: sender,
    to: holder,
    level,
    carries: [insight],
    reason,
    creates: [{ id: insight, name: `Themes from ${naming.useNames ? raw.name : raw.id}`, kind: 'insight', holder: sender, derivedFrom: [raw.id] }],
  }
}
