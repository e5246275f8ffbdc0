/** The loop description as first written (reading channel objects per step), kept as an oracle for the optimised one. */
import type { KnowledgeAsset } from '../../src/model/codecs.js'
import type { AssetId, ChannelId } from '../../src/model/primitives.js'
import { type Capability, type Level, capabilities, capabilityOf, levels } from '../../src/model/vocabulary.js'
import { isLoopChannel } from '../../src/graph/adjacency.js'
import type { CompiledGraph } from '../../src/graph/compile.js'
import { compareIds } from '../../src/graph/components.js'
import type { LearningOrder, Loop, LoopPolarity } from '../../src/graph/types.js'

const holdsPlan = 1
const holdsStrategy = 2

interface DescribeContext {
  readonly assetById: ReadonlyMap<AssetId, KnowledgeAsset>
  /** Per actor index: the plans and strategies it holds. */
  readonly governing: ReadonlyArray<KnowledgeAsset[]>
}

const contexts = new WeakMap<CompiledGraph, DescribeContext>()

const contextOf = (graph: CompiledGraph): DescribeContext => {
  const known = contexts.get(graph)
  if (known !== undefined) return known
  const assetById = new Map<AssetId, KnowledgeAsset>()
  const governing: KnowledgeAsset[][] = Array.from({ length: graph.actorCount }, () => [])
  for (const asset of graph.model.assets) {
    if (!assetById.has(asset.id)) assetById.set(asset.id, asset)
    const holder = graph.indexOf.get(asset.holder)
    if (holder !== undefined && (asset.kind === 'plan' || asset.kind === 'strategy')) governing[holder]!.push(asset)
  }
  const context = { assetById, governing }
  contexts.set(graph, context)
  return context
}

const capabilityBit = new Map<Capability, number>(capabilities.map((capability, rank) => [capability, 1 << rank]))
const levelBit = new Map<Level, number>(levels.map((level, rank) => [level, 1 << rank]))
const fromBits = <T>(all: ReadonlyArray<T>, bits: number): T[] => all.filter((_, rank) => (bits & (1 << rank)) !== 0)

/**
 * Describe a cycle of actor indices (as {@link enumerateLoops} yields) as a {@link Loop}
 * (DESIGN.md §3): canonical rotation starting at the actor whose id sorts first (code-unit
 * order); per step every active channel joining the two actors (at `level`, by default
 * the graph's scope level), ids sorted; levels spanned; learning order (`triple` when at
 * some step the receiver makes a `strategy` from what the step carries, `double` for a
 * `plan`, else `single`); lay and
 * professional counts; stages from the kinds of carried assets, in capability order;
 * latency as the sum over steps of the fastest channel (absent latency counts as 0);
 * reliability as the product over steps of `1 - Π(1 - r)` over the step's channels
 * (absent counts as 1); polarity from each step's sign, where a step whose channels
 * disagree or lack a polarity is unknown.
 *
 * O(Σ out-degree of the loop's actors + carried assets). Asset indexes are built once
 * per compiled graph and cached.
 * @category Loops
 */
export const referenceDescribeLoop = (
  graph: CompiledGraph,
  cycle: ReadonlyArray<number>,
  level: Level | undefined = graph.scope.level,
): Loop => {
  const { assetById, governing } = contextOf(graph)
  const length = cycle.length
  let start = 0
  for (let i = 1; i < length; i++) {
    if (compareIds(graph.actors[cycle[i]!]!.id, graph.actors[cycle[start]!]!.id) < 0) start = i
  }
  const actors = []
  const channels: ChannelId[][] = []
  let levelBits = 0
  let stageBits = 0
  let governingBits = 0
  let layActors = 0
  let professionalActors = 0
  let latencyDays = 0
  let reliability = 1
  let negative = 0
  let unknown = false
  for (let i = 0; i < length; i++) {
    const v = cycle[(start + i) % length]!
    const w = cycle[(start + i + 1) % length]!
    actors.push(graph.actors[v]!.id)
    // A mixed actor (a forum) is a lay voice and a professional one.
    const perspective = graph.actors[v]!.perspective
    if (perspective !== 'professional') layActors++
    if (perspective !== 'lay') professionalActors++
    const step: ChannelId[] = []
    let fastest = Number.POSITIVE_INFINITY
    let allFail = 1
    let sign: '+' | '-' | undefined
    let stepUnknown = false
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      if (graph.targets[e] !== w) continue
      const channel = graph.model.channels[graph.edgeChannel[e]!]!
      if (!isLoopChannel(channel, level)) continue
      step.push(channel.id)
      levelBits |= levelBit.get(channel.level)!
      fastest = Math.min(fastest, channel.latencyDays ?? 0)
      allFail *= 1 - (channel.reliability ?? 1)
      if (channel.polarity === undefined || (sign !== undefined && sign !== channel.polarity)) stepUnknown = true
      sign = channel.polarity
      for (const assetId of channel.carries) {
        const asset = assetById.get(assetId)
        if (asset !== undefined) stageBits |= capabilityBit.get(capabilityOf(asset.kind))!
      }
      // A plan or strategy the receiver makes from what the step carries: declared, or (none
      // declared, and not a regulator's national policy) from anything sensed or made sense of.
      for (const held of governing[w]!) {
        const from = held.derivedFrom ?? (graph.actors[w]!.kind === 'regulator' ? [] : undefined)
        const made =
          from === undefined
            ? channel.carries.some((id) => ['experience', 'evidence', 'data', 'insight'].includes(assetById.get(id)?.kind ?? ''))
            : channel.carries.some((id) => from.includes(id))
        if (made) governingBits |= held.kind === 'plan' ? holdsPlan : holdsStrategy
      }
    }
    if (step.length > 1) step.sort(compareIds)
    channels.push(step)
    latencyDays += fastest === Number.POSITIVE_INFINITY ? 0 : fastest
    reliability *= 1 - allFail
    if (stepUnknown || step.length === 0) unknown = true
    else if (sign === '-') negative++
  }
  const order: LearningOrder =
    (governingBits & holdsStrategy) !== 0 ? 'triple' : (governingBits & holdsPlan) !== 0 ? 'double' : 'single'
  const polarity: LoopPolarity = unknown ? 'unknown' : negative % 2 === 0 ? 'reinforcing' : 'balancing'
  return {
    actors,
    channels,
    levels: fromBits(levels, levelBits),
    order,
    layActors,
    professionalActors,
    stages: fromBits(capabilities, stageBits),
    latencyDays,
    reliability,
    polarity,
  }
}
