import type { CompiledGraph } from '../graph/compile.js'
import type { ComponentIndex } from '../graph/components.js'
import type { LearningOrder, Loop } from '../graph/types.js'
import type { ActorId } from '../model/primitives.js'
import { ActorKind, type Level } from '../model/vocabulary.js'
import { condense } from '../graph/condensation.js'
import type { DiagnosisContext } from './context.js'
import { carriers, countPerComponent } from './flow.js'

/**
 * How many distinct voices feed one sensemaking step: the holder of an `insight`, and
 * the distinct actor kinds and perspectives among the holders of experience, evidence
 * and data whose knowledge reaches it over channels that carry them.
 * @category Diagnosis
 */
export interface SensemakingDiversity {
  readonly actor: ActorId
  readonly kinds: number
  readonly perspectives: number
}

/**
 * Organisational-intelligence figures for one level or the whole model. A share is a
 * number from 0 to 1 rounded to 4 places, `null` when there is nothing to share out.
 *
 * - `loopClosureCoverage`: share of lay actors on at least one closed loop (exact: an
 *   actor is on a loop when its strongly connected component has another actor or it
 *   has a channel to itself).
 * - `coProductionIndex`: share of loops found that join lay and professional actors.
 * - `highestLearningOrder`: the highest learning order of any loop found (single,
 *   double, triple; Argyris & Schön), `null` without loops.
 * - `medianLoopLatencyDays`, `worstLoopLatencyDays`: over the loops found.
 * - `narrativeDiversity`: for each sensemaking step (holder of an `insight`), how many
 *   kinds and perspectives of actor feed it, in actor id order.
 * - `channelsToCloseOpenLoops`: the fewest channels that close every open loop (`suggestRepairs`), summed over levels.
 * - `mutualAidShare`: share of lay actors on a loop with another lay actor and no
 *   professional (peer support).
 * - `loops`: how many loops the loop figures are over (bounded: see `truncated`).
 * @category Diagnosis
 */
export interface ScorecardFigures {
  readonly layActors: number
  readonly loops: number
  readonly loopClosureCoverage: number | null
  readonly coProductionIndex: number | null
  readonly highestLearningOrder: LearningOrder | null
  readonly medianLoopLatencyDays: number | null
  readonly worstLoopLatencyDays: number | null
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

const onSomeLoop = (graph: CompiledGraph, components: ComponentIndex): Uint8Array => {
  const everyone = new Uint8Array(graph.actorCount).fill(1)
  const sizes = countPerComponent(components, everyone)
  const result = new Uint8Array(graph.actorCount)
  for (let v = 0; v < graph.actorCount; v++) {
    if (sizes[components.componentOf[v]!]! > 1) result[v] = 1
    else for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) if (graph.targets[e] === v) result[v] = 1
  }
  return result
}

const loopFigures = (loops: ReadonlyArray<Loop>) => {
  const latencies = loops.map((loop) => loop.latencyDays).sort((a, b) => a - b)
  const middle = latencies.length >> 1
  const median = latencies.length === 0 ? null : latencies.length % 2 === 1 ? latencies[middle]! : (latencies[middle - 1]! + latencies[middle]!) / 2
  let highest = -1
  for (const loop of loops) highest = Math.max(highest, orders.indexOf(loop.order))
  return {
    loops: loops.length,
    coProductionIndex: share(loops.filter((loop) => loop.layActors > 0 && loop.professionalActors > 0).length, loops.length),
    highestLearningOrder: highest < 0 ? null : orders[highest]!,
    medianLoopLatencyDays: median,
    worstLoopLatencyDays: latencies.length === 0 ? null : latencies[latencies.length - 1]!,
  }
}

const actorKinds: ReadonlyArray<string> = Object.keys(ActorKind.keys)

const bitCount = (bits: number): number => {
  let count = 0
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++
  return count
}

/**
 * Diversity of every sensemaking step at once: each holder of raw experience, evidence
 * or data sets a bit for its actor kind and one for its perspective; the bits flow along
 * the condensation of the channels that carry such knowledge, in topological order
 * (the graph core numbers components in reverse topological order). O(V + E).
 */
const diversityOf = (context: DiagnosisContext): ReadonlyArray<SensemakingDiversity> => {
  const graph = context.graph
  const sensemakers = context.holders(carriers.insight)
  const witnesses = context.holders(carriers.rawSense)
  const { adjacency, components } = context.componentsCarrying(carriers.rawSense)
  const condensation = condense(adjacency, components)
  const voices = new Int32Array(components.count)
  for (let v = 0; v < graph.actorCount; v++) {
    if (witnesses[v] === 0) continue
    const actor = graph.actors[v]!
    const kindBit = 1 << actorKinds.indexOf(actor.kind)
    const perspectiveBit = actor.perspective === 'lay' ? 1 << 20 : 1 << 21
    voices[components.componentOf[v]!]! |= kindBit | perspectiveBit
  }
  for (let c = components.count - 1; c >= 0; c--) {
    for (let i = condensation.offsets[c]!; i < condensation.offsets[c + 1]!; i++) voices[condensation.targets[i]!]! |= voices[c]!
  }
  const result: SensemakingDiversity[] = []
  for (let h = 0; h < graph.actorCount; h++) {
    if (sensemakers[h] === 0) continue
    const bits = voices[components.componentOf[h]!]!
    result.push({ actor: graph.actors[h]!.id, kinds: bitCount(bits & 0xfffff), perspectives: bitCount(bits >>> 20) })
  }
  return result
}

/**
 * Compute the scorecard from a diagnosis context, reusing its components, loops and
 * repairs. O(V + E) per level, plus the loops found.
 * @category Diagnosis
 */
export const computeScorecard = (context: DiagnosisContext): Scorecard => {
  const diversity = diversityOf(context)
  const figuresFor = (
    graph: CompiledGraph,
    components: ComponentIndex,
    inScope: (actor: CompiledGraph['actors'][number]) => boolean,
    loops: ReadonlyArray<Loop>,
    repairs: number,
  ): ScorecardFigures => {
    const onLoop = onSomeLoop(graph, components)
    let layActors = 0
    let closed = 0
    for (let v = 0; v < graph.actorCount; v++) {
      if (graph.lay[v] === 0 || !inScope(graph.actors[v]!)) continue
      layActors++
      closed += onLoop[v]!
    }
    const peers = new Set<ActorId>()
    for (const loop of loops) {
      if (loop.layActors < 2 || loop.professionalActors > 0) continue
      for (const id of loop.actors) if (inScope(context.actor(id)!)) peers.add(id)
    }
    return {
      layActors,
      ...loopFigures(loops),
      loopClosureCoverage: share(closed, layActors),
      narrativeDiversity: diversity.filter((step) => inScope(context.actor(step.actor)!)),
      channelsToCloseOpenLoops: repairs,
      mutualAidShare: share(peers.size, layActors),
    }
  }
  const levelFigures = context.levelsInUse.map((level) => ({
    level,
    figures: figuresFor(
      context.graphAt(level),
      context.componentsAt(level),
      (actor) => actor.levels.includes(level),
      context.loopsAt(level),
      context.repairsAt(level).length,
    ),
  }))
  const overall = figuresFor(
    context.graph,
    context.components(),
    () => true,
    context.loops().loops,
    levelFigures.reduce((sum, entry) => sum + entry.figures.channelsToCloseOpenLoops, 0),
  )
  return { overall, levels: levelFigures }
}
