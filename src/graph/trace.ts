import type { Channel, Model } from '../model/codecs.js'
import type { ActorId } from '../model/primitives.js'
import { isSourceAsset } from '../model/source-assets.js'
import type { AssetKind } from '../model/vocabulary.js'
import { type Carriage, compileCarriage } from './carriage.js'
import { type CompiledGraph, channelReadingOf, compileGraphReading } from './compile.js'
import { type Provenance, compileProvenance } from './provenance.js'
import { createRouteFinder } from './trace-route.js'
import { createScratch, traceSource } from './trace-source.js'
import type { TraceLoopsOptions, TraceSearch, TracedLoop } from './trace-types.js'

export { isSourceAsset }

/** Default work budget of {@link traceLoops}. @category Loops */
export const defaultTraceBudget = 50_000_000

/**
 * Everything a trace needs, compiled once per model: the graph of active channels, where
 * each asset travels and what was made from what. Build it with {@link compileTrace} to
 * share it between {@link traceLoopsOf} calls.
 * @category Loops
 */
export interface TraceIndex {
  readonly graph: CompiledGraph
  readonly carriage: Carriage
  readonly provenance: Provenance
  /** Kind of each asset, in model order. */
  readonly kinds: ReadonlyArray<AssetKind>
  /** Channels that are not active (lapsed or planned), by sender id, in model order (where knowledge could have gone on, what a repair can bring back); built on first use. */
  idleFrom(): ReadonlyMap<ActorId, ReadonlyArray<Channel>>
  /** The channels of {@link idleFrom} from the actor at index `v` of `graph`, without an id lookup. @internal */
  idleAt(v: number): ReadonlyArray<Channel> | undefined
}

/**
 * Compile a model for tracing: `graph` must be the model's default compile (every actor,
 * active channels). O(channels × carried assets + provenance links).
 * @category Loops
 */
export const compileTrace = (model: Model, graph: CompiledGraph = compileGraphReading(model)): TraceIndex => {
  const carriage = compileCarriage(graph)
  // Where the channels that are not active are and whose they are (sender index, -1 for none):
  // noted by the compile when it kept a reading, else read here once.
  let idleList: { readonly positions: ReadonlyArray<number>; readonly senders: ReadonlyArray<number> } | undefined
  const idleChannels = () => {
    if (idleList !== undefined) return idleList
    const reading = channelReadingOf(graph)
    if (reading !== undefined) return (idleList = { positions: reading.idle, senders: reading.idleSenders })
    const positions: number[] = []
    const senders: number[] = []
    graph.model.channels.forEach((channel, c) => {
      if (channel.status !== 'active') (positions.push(c), senders.push(graph.indexOf.get(channel.from) ?? -1))
    })
    return (idleList = { positions, senders })
  }
  let idle: Map<ActorId, Channel[]> | undefined
  const idleFrom = (): ReadonlyMap<ActorId, ReadonlyArray<Channel>> => {
    if (idle !== undefined) return idle
    idle = new Map()
    for (const c of idleChannels().positions) {
      const channel = graph.model.channels[c]!
      const list = idle.get(channel.from)
      if (list === undefined) idle.set(channel.from, [channel])
      else list.push(channel)
    }
    return idle
  }
  let idleByIndex: Array<Channel[] | undefined> | undefined
  const idleAt = (v: number): ReadonlyArray<Channel> | undefined => {
    if (idleByIndex === undefined) {
      const { positions, senders } = idleChannels()
      idleByIndex = new Array<Channel[] | undefined>(graph.actorCount)
      positions.forEach((c, i) => {
        if (senders[i]! >= 0) (idleByIndex![senders[i]!] ??= []).push(graph.model.channels[c]!)
      })
    }
    return idleByIndex[v]
  }
  return { graph, carriage, provenance: compileProvenance(carriage), kinds: model.assets.map((asset) => asset.kind), idleFrom, idleAt }
}

/**
 * Follow every source of a model as it travels over active channels that carry it, and
 * on through every asset made from it, to the reply that comes back or to where it
 * stops (see the architecture guide, "Traced loops"). One loop per source, in model
 * order. The loop closes when a `response` made from the source reaches its holder (a
 * reply the holder writes itself only when made from something another actor made of
 * the source), or when the holder itself holds a decision, plan, strategy, change or
 * experiment made from it (from something another actor made of it, or declared by
 * `derivedFrom`, not inferred from its own story alone); the outcome is the best over all routes, the latency the fastest round trip
 * with that outcome (for `did`, a route that passes the change)
 * (Dijkstra over channel latencies). Iterative; O(Σ over sources of the states and
 * links its trace visits, log-factor for the route), linear in channels × carried assets
 * plus provenance links when each source's trace is bounded; a work budget stops it on
 * hostile models (`truncated`).
 *
 * @example
 * {@includeCode ../../examples/trace-ward.ts#trace}
 * @category Loops
 */
export const traceLoops = (model: Model, options: TraceLoopsOptions = {}): TraceSearch =>
  traceLoopsOf(compileTrace(model), options)

/** {@link traceLoops} over an index compiled once. @category Loops */
export const traceLoopsOf = (index: TraceIndex, options: TraceLoopsOptions = {}): TraceSearch => traceLoopsIndexed(index, options).search

/**
 * A trace with the actors of each loop as indices of the index's graph, so callers that
 * look at every reached actor (the diagnosis's scorecard and rules) need no id lookups:
 * loop `i`'s holder is `holders[i]`, its reached actors
 * `reachedActors[reachedOffsets[i] .. reachedOffsets[i+1]-1]`, in `reached` order.
 * @internal
 */
export interface IndexedTrace {
  readonly search: TraceSearch
  readonly holders: Int32Array
  readonly reachedOffsets: Int32Array
  readonly reachedActors: Int32Array
  /** Loop `i`'s route (`steps`) runs at the levels of mask `routeLevels[i]` (bit `k` for `levels[k]`). */
  readonly routeLevels: Uint8Array
}

/** @internal */
export const traceLoopsIndexed = (index: TraceIndex, options: TraceLoopsOptions = {}): IndexedTrace => {
  const { graph, carriage, provenance } = index
  const assets = graph.model.assets
  const wanted = options.sources === undefined ? undefined : new Set(options.sources)
  const budget = options.budget ?? defaultTraceBudget
  const finder = createRouteFinder(carriage, provenance)
  const scratch = createScratch(index)
  const { reachedActors, work } = scratch
  const loops: TracedLoop[] = []
  const holders: number[] = []
  const reachedOffsets: number[] = [0]
  const done = (truncated: boolean): IndexedTrace => ({
    search: { loops, truncated },
    holders: Int32Array.from(holders),
    reachedOffsets: Int32Array.from(reachedOffsets),
    reachedActors: Int32Array.from(reachedActors),
    routeLevels: Uint8Array.from(scratch.routeLevels),
  })
  // Only the first asset with an id is traced (a decoded model has no duplicates).
  const duplicates = carriage.assetIndex.size !== carriage.assetCount
  for (let s = 0; s < carriage.assetCount; s++) {
    const asset = assets[s]!
    if (!isSourceAsset(asset) || carriage.holder[s]! < 0 || (duplicates && carriage.assetIndex.get(asset.id) !== s)) continue
    if (wanted !== undefined && !wanted.has(asset.id)) continue
    if (work.count > budget) return done(true)
    loops.push(traceSource(index, finder, s, scratch))
    holders.push(carriage.holder[s]!)
    reachedOffsets.push(reachedActors.length)
  }
  return done(work.count > budget)
}
