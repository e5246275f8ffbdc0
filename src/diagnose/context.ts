import type { Actor, Channel, KnowledgeAsset, Model } from '../model/codecs.js'
import type { ActorId, AssetId, ChannelId } from '../model/primitives.js'
import { type Level, levels } from '../model/vocabulary.js'
import { type CompiledGraph, compileGraphReading } from '../graph/compile.js'
import { anyChannelsBetween } from './activate-repairs.js'
import { componentsOf, compareIds } from '../graph/components.js'
import { edgeAttributesOf } from '../graph/edge-data.js'
import { findLoopsInGraph } from '../graph/loops.js'
import { repairsForGraph } from '../graph/repairs.js'
import { restrictGraph } from '../graph/restrict.js'
import { findSinglePointsOfFailureInGraph } from '../graph/fragility.js'
import type { Loop, LoopSearch } from '../graph/types.js'
import { compileTrace, traceLoopsIndexed } from '../graph/trace.js'
import type { TraceSearch, TracedLoop } from '../graph/trace-types.js'
import { canonicalModel, positionOfId } from '../model/canonical.js'
import { readChannelCargo } from './cargo.js'
import {
  type FlowDirection,
  type KindMask,
  adjacencyCarrying,
  heldKindsOfActors,
  holdersOf,
  reachOverCarriedKinds,
} from './flow.js'
import { memo, memoByKey } from './memo.js'
import { createNamingPolicy } from './naming.js'
import { levelOfLoop } from './loop-level.js'
import { actorLookup, assetLookup } from './repair-context.js'
import type { DiagnosisContext, LoopBounds } from './context-types.js'

export type { DiagnosisContext, LoopBounds, RepairContext, TracedActors } from './context-types.js'

const loopKey = (loop: Loop): string => `${loop.actors.join('\u0000')}\u0001${loop.channels.map((step) => step.join('\u0000')).join('\u0001')}`

/**
 * Build the shared context of one diagnosis. Cheap: nothing is computed until a rule asks.
 * @category Diagnosis
 */
export const createDiagnosisContext = (
  input: Model,
  options: { readonly loopBounds: LoopBounds; readonly names: boolean; readonly sources?: ReadonlyArray<AssetId>; readonly earlier?: CompiledGraph },
): DiagnosisContext => {
  const model = canonicalModel(input)
  const naming = createNamingPolicy(model, options.names)
  let truncated = false
  const graph = memo(() => compileGraphReading(model, options.earlier))
  // Id lookups reuse the graph's actor index and the cargo's asset index (see actorLookup).
  const actors = memo(() => actorLookup(model, graph()))
  const actorOf = (id: ActorId): Actor | undefined => actors()(id)
  // Likewise assets reuse the carriage's index, which is the same map when ids are unique.
  const uniqueAssetIndex = memo((): ReadonlyMap<AssetId, number> | undefined => {
    const index = traceIndex().carriage.assetIndex
    return index.size === model.assets.length ? index : undefined
  })
  const assets = memo(() => assetLookup(model, cargo().positionOf))
  const assetOf = (id: AssetId): KnowledgeAsset | undefined => assets()(id)
  // The canonical model lists channels in id order: a binary search finds one without a
  // map of every channel id (the last of repeated ids, as a map would).
  const channelOf = (id: ChannelId): Channel | undefined => {
    const at = positionOfId(model.channels, id)
    return at < 0 ? undefined : model.channels[at]
  }
  const cargo = memo(() => readChannelCargo(model, uniqueAssetIndex))
  const heldBy = memo(() => {
    const held = new Map<ActorId, KnowledgeAsset[]>()
    for (const asset of model.assets) {
      const list = held.get(asset.holder)
      if (list === undefined) held.set(asset.holder, [asset])
      else list.push(asset)
    }
    return held
  })
  const components = memo(() => componentsOf(graph()))
  const heldKinds = memo(() => heldKindsOfActors(graph(), model))
  const carriedKinds = memo(() => edgeAttributesOf(graph()).carriedKinds)
  const holders = memoByKey((kinds: KindMask) => holdersOf(heldKinds(), kinds))
  const flow = memoByKey((key: string) => {
    const [from, carrying, direction] = key.split(':')
    return reachOverCarriedKinds(graph(), carriedKinds(), holders(Number(from)), Number(carrying), direction as FlowDirection)
  })
  // Each level is cut out of the whole graph (typed arrays only); a level that keeps every
  // actor and edge is the whole graph itself, so its components are shared too.
  const graphAt = memoByKey((level: Level) => {
    const whole = graph()
    const restricted = restrictGraph(whole, { level })
    return restricted.actorCount === whole.actorCount && restricted.edgeCount === whole.edgeCount ? whole : restricted
  })
  const componentsAt = memoByKey((level: Level) => (graphAt(level) === graph() ? components() : componentsOf(graphAt(level))))
  const singlePoints = memoByKey((key: string) => {
    const [level, maxSearchSteps] = JSON.parse(key) as [Level, number]
    return findSinglePointsOfFailureInGraph(graphAt(level), { level, maxSearchSteps })
  })
  const loops = memo((): Pick<LoopSearch, 'loops' | 'truncated'> => {
    const search = findLoopsInGraph(graph(), options.loopBounds)
    if (search.truncated) truncated = true
    const keyed = search.loops.map((loop) => ({ loop, key: loopKey(loop) }))
    keyed.sort((a, b) => compareIds(a.key, b.key))
    return { loops: keyed.map((entry) => entry.loop), truncated: search.truncated }
  })
  const traceIndex = memo(() => compileTrace(model, graph()))
  const indexedTrace = memo(() => {
    const trace = traceLoopsIndexed(traceIndex(), options.sources === undefined ? {} : { sources: options.sources })
    if (trace.search.truncated) truncated = true
    return trace
  })
  const traces = (): TraceSearch => indexedTrace().search
  const tracesHeldAt = memoByKey((level: Level) => {
    const { holders } = indexedTrace()
    const actors = graph().actors
    return traces().loops.filter((_, i) => actors[holders[i]!]!.levels.includes(level))
  })
  // A source counts at one level (levelOfLoop), as the scorecard counts it.
  // Every level's list in one pass over the loops: rules ask for each level in turn.
  const tracesByStart = memo(() => {
    const byLevel = new Map<Level, TracedLoop[]>()
    for (const loop of traces().loops) {
      const level = levelOfLoop(context, loop)
      if (level === undefined) continue
      const list = byLevel.get(level)
      if (list === undefined) byLevel.set(level, [loop])
      else list.push(loop)
    }
    return byLevel
  })
  const tracesStartingAt = (level: Level): ReadonlyArray<TracedLoop> => tracesByStart().get(level) ?? []
  const traceBySource = memo(() => new Map(traces().loops.map((loop) => [loop.source, loop])))
  const levelsInUse = levels.filter((level) => model.actors.some((actor) => actor.levels.includes(level)))

  const context: DiagnosisContext = {
    model,
    naming,
    loopBounds: options.loopBounds,
    get graph() {
      return graph()
    },
    graphAt,
    traceIndex,
    traces,
    tracedActors: indexedTrace,
    tracesHeldAt,
    tracesStartingAt,
    traceOf: (source) => traceBySource().get(source),
    components,
    componentsAt,
    loops,
    loopsAt: memoByKey((level: Level) => loops().loops.filter((loop) => loop.levels.includes(level))),
    repairsAt: memoByKey((level: Level) => repairsForGraph(graphAt(level), level)),
    singlePointsAt: (level, maxSearchSteps) => singlePoints(JSON.stringify([level, maxSearchSteps])),
    levelsInUse,
    actor: actorOf,
    asset: assetOf,
    channel: channelOf,
    idleFrom: () => traceIndex().idleFrom(),
    channelsBetween: (from, to) => anyChannelsBetween(context, from, to),
    assetsHeldBy: (id) => heldBy().get(id) ?? [],
    heldKinds,
    carriedKinds,
    cargo,
    holders,
    flow: (from, carrying, direction) => flow(`${from}:${carrying}:${direction}`),
    componentsCarrying: memoByKey((carrying: KindMask) => {
      const adjacency = adjacencyCarrying(graph(), carriedKinds(), carrying)
      return { adjacency, components: componentsOf(adjacency) }
    }),
    reach: (seeds, carrying, direction) => reachOverCarriedKinds(graph(), carriedKinds(), seeds, carrying, direction),
    markTruncated: () => {
      truncated = true
    },
    get truncated() {
      return truncated
    },
  }
  return context
}
