import type { LoopOutcome } from '../graph/trace-types.js'
import type { LearningOrder } from '../graph/types.js'
import type { ActorId } from '../model/primitives.js'
import { ActorKind, type Level, isLayVoice, isProfessionalVoice } from '../model/vocabulary.js'
import type { DiagnosisContext } from './context.js'
import { levelOfLoop } from './loop-level.js'
import { type LoopFacts, loopFactsOf } from './scorecard-facts.js'

/**
 * How many distinct voices feed one sensemaking step: the holder of an `insight`, and
 * the distinct actor kinds and perspectives among the holders of the sources whose
 * traced loops reach it.
 * @category Diagnosis
 */
export interface SensemakingDiversity {
  readonly actor: ActorId
  readonly kinds: number
  readonly perspectives: number
}

/**
 * Shares of traced loops by outcome: each a number from 0 to 1 rounded to 4 places,
 * `null` when there is nothing to share out.
 * @category Diagnosis
 */
export interface OutcomeShares {
  readonly did: number | null
  readonly decided: number | null
  readonly heard: number | null
  readonly open: number | null
}

/**
 * Organisational-intelligence figures for one level or the whole model, read from the
 * traced loops (one per source, at the level its loop counts at: see the diagnosis
 * guide, "The rules"). A share is a number from 0 to 1
 * rounded to 4 places, `null` when there is nothing to share out.
 *
 * - `sources`: how many sources were traced; `people`: how many people hold them (the
 *   sum of the holders' `represents`, each holder once).
 * - `outcomes`: share of sources whose loop closed with `did`, `decided`, `heard`, or
 *   stayed `open`; `outcomesByPeople`: the same with each source weighted by the people
 *   its holder represents (people, not actors).
 * - `loopClosureCoverage`: share of lay voices (lay and mixed actors) holding a source
 *   with at least one loop that closes, however many do not (read it beside `outcomes`).
 * - `coProductionIndex`: share of closed loops whose knowledge reached both a lay and
 *   a professional voice.
 * - `highestLearningOrder`: the highest learning order of a traced loop that closes
 *   (single, double, triple) by a round trip, or with a lay or mixed holder deciding or
 *   doing it themselves; `null` when none does. A ratings loop that reaches the board's
 *   strategy but never comes back is no triple loop, nor is a board's strategy made
 *   from its own data with nothing travelling.
 * - `medianRoundTripDays`, `worstRoundTripDays`: over the fastest round trips of
 *   closed loops whose knowledge travelled (a loop its holder closes by deciding or
 *   doing something themselves, with no channel on the way, has no round trip: counting
 *   it as 0 days would flatter the wait for a reply).
 * - `narrativeDiversity`: for each sensemaking step (holder of an `insight`), how many
 *   kinds and perspectives of actor feed it, in actor id order.
 * - `channelsToCloseOpenLoops`: how many distinct channels the repairs of the open
 *   loops add.
 * - `mutualAidShare`: share of lay voices holding a source whose loop closes among lay
 *   voices only (peer support): by a fastest round trip among them, or, where the holder
 *   closes it themselves, with a reply from a peer reaching them too.
 * @category Diagnosis
 */
export interface ScorecardFigures {
  readonly sources: number
  readonly people: number
  readonly layActors: number
  readonly outcomes: OutcomeShares
  readonly outcomesByPeople: OutcomeShares
  readonly loopClosureCoverage: number | null
  readonly coProductionIndex: number | null
  readonly highestLearningOrder: LearningOrder | null
  readonly medianRoundTripDays: number | null
  readonly worstRoundTripDays: number | null
  readonly narrativeDiversity: ReadonlyArray<SensemakingDiversity>
  readonly channelsToCloseOpenLoops: number
  readonly mutualAidShare: number | null
}

/** The scorecard of a diagnosis: figures for the whole model and for each level in use. @category Diagnosis */
export interface Scorecard {
  readonly overall: ScorecardFigures
  readonly levels: ReadonlyArray<{ readonly level: Level; readonly figures: ScorecardFigures }>
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000)

const orders: ReadonlyArray<LearningOrder> = ['single', 'double', 'triple']

const median = (sorted: ReadonlyArray<number>): number | null => {
  const middle = sorted.length >> 1
  return sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const sharesOf = (weights: Readonly<Record<LoopOutcome, number>>): OutcomeShares => {
  const whole = weights.did + weights.decided + weights.heard + weights.open
  return { did: share(weights.did, whole), decided: share(weights.decided, whole), heard: share(weights.heard, whole), open: share(weights.open, whole) }
}

/** Voice bits of each actor of the graph: `1` lay voice, `2` professional voice. */
const voiceBitsOf = (context: DiagnosisContext): Uint8Array =>
  Uint8Array.from(context.graph.actors, (actor) => (isLayVoice(actor.perspective) ? 1 : 0) | (isProfessionalVoice(actor.perspective) ? 2 : 0))

/** Figures over some traced loops (positions in `traces()`), with the lay voices in scope. */
const tracedFigures = (
  context: DiagnosisContext,
  voiceBits: Uint8Array,
  facts: LoopFacts,
  positions: ReadonlyArray<number>,
  layVoices: number,
  diversity: ReadonlyArray<SensemakingDiversity>,
): ScorecardFigures => {
  const loops = context.traces().loops
  const { holders } = context.tracedActors()
  const actors = context.graph.actors
  const count = { did: 0, decided: 0, heard: 0, open: 0 }
  const weighted = { did: 0, decided: 0, heard: 0, open: 0 }
  const holderSeen = new Set<number>()
  const closedLay = new Set<number>()
  const peerLay = new Set<number>()
  const latencies: number[] = []
  const repairs = new Set<string>()
  let people = 0
  let joined = 0
  let closed = 0
  let highest = -1
  for (const i of positions) {
    const loop = loops[i]!
    const h = holders[i]!
    const holder = actors[h]!
    const weight = holder.represents ?? 1
    if (!holderSeen.has(h)) ((holderSeen.add(h), (people += weight)))
    count[loop.outcome]++
    weighted[loop.outcome] += weight
    const lay = (voiceBits[h]! & 1) !== 0
    if (loop.outcome === 'open') {
      for (const key of facts.repairKeys[i]!) repairs.add(key)
      continue
    }
    closed++
    // A loop that never comes back teaches nobody: the order counts only where it closes,
    // by a round trip or with a lay voice deciding; a board making its own strategy from
    // its own return to NHS England, with nothing travelling, is no learning loop.
    if (loop.steps.length > 0 || lay) highest = Math.max(highest, orders.indexOf(loop.order))
    // A loop the holder closes by deciding or doing themselves, with nothing travelling, has no round trip to time.
    if (loop.latencyDays !== undefined && loop.steps.length > 0) latencies.push(loop.latencyDays)
    joined += facts.joined[i]!
    if (lay) closedLay.add(h)
    if (facts.peer[i] === 1) peerLay.add(h)
  }
  latencies.sort((a, b) => a - b)
  return {
    sources: positions.length,
    people,
    layActors: layVoices,
    outcomes: sharesOf(count),
    outcomesByPeople: sharesOf(weighted),
    loopClosureCoverage: share(closedLay.size, layVoices),
    coProductionIndex: share(joined, closed),
    highestLearningOrder: highest < 0 ? null : orders[highest]!,
    medianRoundTripDays: median(latencies),
    worstRoundTripDays: latencies.length === 0 ? null : latencies[latencies.length - 1]!,
    narrativeDiversity: diversity,
    channelsToCloseOpenLoops: repairs.size,
    mutualAidShare: share(peerLay.size, layVoices),
  }
}

const actorKinds: ReadonlyArray<string> = Object.keys(ActorKind.keys)

const bitCount = (bits: number): number => {
  let count = 0
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++
  return count
}

/**
 * Diversity of every sensemaking step: for each holder of an `insight`, the actor kinds
 * and perspectives of the holders of the sources whose traced loops reach it. O(Σ reached).
 */
const diversityOf = (context: DiagnosisContext): ReadonlyArray<SensemakingDiversity> => {
  const graph = context.graph
  const sensemaker = new Uint8Array(graph.actorCount)
  for (const asset of context.model.assets) {
    const v = asset.kind === 'insight' ? graph.indexOf.get(asset.holder) : undefined
    if (v !== undefined) sensemaker[v] = 1
  }
  const { holders, reachedOffsets, reachedActors } = context.tracedActors()
  const voices = new Int32Array(graph.actorCount)
  for (let i = 0; i < holders.length; i++) {
    const holder = graph.actors[holders[i]!]!
    const bits = (1 << actorKinds.indexOf(holder.kind)) | (isLayVoice(holder.perspective) ? 1 << 20 : 0) | (isProfessionalVoice(holder.perspective) ? 1 << 21 : 0)
    for (let k = reachedOffsets[i]!; k < reachedOffsets[i + 1]!; k++) if (sensemaker[reachedActors[k]!] === 1) voices[reachedActors[k]!]! |= bits
  }
  const result: SensemakingDiversity[] = []
  for (const actor of context.model.actors) {
    const v = graph.indexOf.get(actor.id)
    if (v === undefined || sensemaker[v] !== 1) continue
    const bits = voices[v]!
    result.push({ actor: actor.id, kinds: bitCount(bits & 0xfffff), perspectives: bitCount(bits >>> 20) })
  }
  return result
}

/**
 * Compute the scorecard from a diagnosis context's traced loops. O(traced loops + V + E).
 * @category Diagnosis
 */
export const computeScorecard = (context: DiagnosisContext): Scorecard => {
  const diversity = diversityOf(context)
  const voiceBits = voiceBitsOf(context)
  const facts = loopFactsOf(context, voiceBits)
  const { holders } = context.tracedActors()
  const all = Array.from(holders, (_, i) => i)
  const loops = context.traces().loops
  const levelOf = all.map((i): Level | undefined => levelOfLoop(context, loops[i]!))
  // Lay voices that hold a source: the people whose loops the coverage is about.
  const layHolders = (positions: ReadonlyArray<number>): number => new Set(positions.filter((i) => (voiceBits[holders[i]!]! & 1) !== 0).map((i) => holders[i]!)).size
  const levelFigures = context.levelsInUse.map((level) => {
    const here = all.filter((i) => levelOf[i] === level)
    return {
      level,
      figures: tracedFigures(
        context,
        voiceBits,
        facts,
        here,
        layHolders(here),
        diversity.filter((step) => context.actor(step.actor)?.levels.includes(level) === true),
      ),
    }
  })
  return { overall: tracedFigures(context, voiceBits, facts, all, layHolders(all), diversity), levels: levelFigures }
}
