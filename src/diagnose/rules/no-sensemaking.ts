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
 * **no-sensemaking** finds decisions made straight from raw experience or data, with no
 * `insight` between: the step that reads stories and figures together and synthesises
 * lay and professional narratives (sensemaking, one of the six capabilities of
 * organisational intelligence; Owens on combining perspectives) is missing. Single
 * stories then drive decisions, or are ignored, instead of being read together.
 *
 * How: for each traced loop (`traceLoops`) of an experience or data source (professional
 * evidence such as a guideline is meant to be applied as it is), follow what was made
 * from what: a `decision`, `plan` or `strategy` is made with sensemaking when some chain
 * of provenance from the source to it passes an insight. Decisions held by lay or mixed
 * actors are left alone: a forum deliberating is itself sensemaking, and people deciding
 * about their own lives need no themes report. One finding per decision maker. The
 * repair asks whoever passed the raw knowledge on to make sense of it first: a channel
 * carrying their insight made from it (a new one where none exists) to the decision
 * maker. O(Σ trace size).
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
    for (const loop of context.traces().loops) {
      const kind = context.asset(loop.source)?.kind
      if (kind !== 'experience' && kind !== 'data') continue
      for (const found of unsensedDecisions(context, loop)) {
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

/** The decisions of one traced loop that no chain from its source through an insight reaches. O(trace size). */
const unsensedDecisions = (context: DiagnosisContext, loop: TracedLoop): Unsensed[] => {
  const { carriage, provenance } = context.traceIndex()
  const assets = context.model.assets
  const sensed = new Map<number, boolean>()
  const rawParent = new Map<number, number>()
  const found: Unsensed[] = []
  for (const id of [loop.source, ...loop.derived]) sensed.set(carriage.assetIndex.get(id)!, false)
  // Derived assets come in provenance order: every parent before its children.
  for (const [a, own] of sensed) {
    const kind = assets[a]!.kind
    const holder = context.actor(assets[a]!.holder)
    if ((kind === 'decision' || kind === 'plan' || kind === 'strategy') && !own && holder !== undefined && !isLayVoice(holder.perspective)) {
      const raw = rawParent.get(a)
      if (raw !== undefined) found.push({ loop, decision: a, raw })
    }
    const passes = own || kind === 'insight'
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
      const c = provenance.children[i]!
      if (!sensed.has(c)) continue
      if (passes) sensed.set(c, true)
      else if (!rawParent.has(c)) rawParent.set(c, a)
    }
  }
  return found
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
    actors: sortedUnique([holder, ...found.map((entry) => entry.loop.holder), ...(repair === undefined ? [] : [repair.from])]),
    channels: [],
    assets: sortedUnique([...sources, ...raws, ...decisions]),
    ...(repair === undefined ? {} : { repair: [repair] }),
  }
}

/** Whoever passed the raw knowledge to the decision maker makes sense of it first, and sends the insight on. */
const insightRepair = (context: DiagnosisContext, holder: ActorId, entry: Unsensed): ProposedChannel | undefined => {
  const { carriage } = context.traceIndex()
  const { graph, naming, model } = context
  const target = graph.indexOf.get(holder)
  const at = target === undefined ? -1 : reachPosition(carriage, entry.raw, target)
  const edge = at < 0 ? -1 : carriage.reachEdge[carriage.reachOffsets[entry.raw]! + at]!
  if (edge < 0) return undefined
  const sender = channelOfEdge(graph, edge).from
  const v = graph.indexOf.get(sender)!
  const raw = model.assets[entry.raw]!
  // An insight made from the same source that the sender already has, else a new one made from the raw knowledge.
  const existing = entry.loop.derived.find((id) => context.asset(id)?.kind === 'insight' && reachPosition(carriage, carriage.assetIndex.get(id)!, v) >= 0)
  const insight = existing ?? freshAssetId(context, raw.id, 'themes')
  const level = sharedLevel(context, holder, sender)
  const reason = `let ${naming.actor(sender)} make sense of ${naming.asset(raw.id)} before ${naming.actor(holder)} decides on it: ${existing === undefined ? 'themes made from it' : naming.asset(existing)}`
  if (existing !== undefined) return { from: sender, to: holder, level, carries: [existing], reason }
  return {
    from: sender,
    to: holder,
    level,
    carries: [insight],
    reason,
    creates: [{ id: insight as AssetId, name: `Themes from ${raw.name}`, kind: 'insight', holder: sender, derivedFrom: [raw.id] }],
  }
}
