import type { Channel, Model } from '../model/codecs.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import { type AssetKind, type Level, levels } from '../model/vocabulary.js'
import { type Carriage, compileCarriage, reachPosition } from './carriage.js'
import { type CompiledGraph, compileGraph } from './compile.js'
import { edgeFlagsOf } from './edge-data.js'
import { type Provenance, compileProvenance } from './provenance.js'
import { type RouteFinder, createRouteFinder } from './trace-route.js'
import { findStop } from './trace-stop.js'
import type { LoopOutcome, TraceLoopsOptions, TraceSearch, TracedLoop } from './trace-types.js'
import type { LearningOrder } from './types.js'

/** Default work budget of {@link traceLoops}. @category Loops */
export const defaultTraceBudget = 50_000_000

/** Outcome levels: what the best chain from the source to an asset has passed through. */
const heard = 0
const decided = 1
const did = 2
const outcomeOfLevel: ReadonlyArray<LoopOutcome> = ['heard', 'decided', 'did']

const ownLevel = (kind: AssetKind): number =>
  kind === 'change' || kind === 'experiment' ? did : kind === 'decision' || kind === 'plan' || kind === 'strategy' ? decided : heard

/**
 * Whether an asset is a source: `experience`, `evidence` or `data` that derives from
 * nothing (no `derivedFrom`, or an empty one). A % score counted from ratings is part of
 * the ratings' loop, not a loop of its own.
 * @category Loops
 */
export const isSourceAsset = (asset: { readonly kind: AssetKind; readonly derivedFrom?: ReadonlyArray<AssetId> | undefined }): boolean =>
  (asset.kind === 'experience' || asset.kind === 'evidence' || asset.kind === 'data') &&
  (asset.derivedFrom === undefined || asset.derivedFrom.length === 0)

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
  /** Channels that are not active, by sender id, in model order (where knowledge could have gone on); built on first use. */
  idleFrom(): ReadonlyMap<ActorId, ReadonlyArray<Channel>>
}

/**
 * Compile a model for tracing: `graph` must be the model's default compile (every actor,
 * active channels). O(channels × carried assets + provenance links).
 * @category Loops
 */
export const compileTrace = (model: Model, graph: CompiledGraph = compileGraph(model)): TraceIndex => {
  const carriage = compileCarriage(graph)
  let idle: Map<ActorId, Channel[]> | undefined
  const idleFrom = (): ReadonlyMap<ActorId, ReadonlyArray<Channel>> => {
    if (idle !== undefined) return idle
    idle = new Map()
    for (const channel of model.channels) {
      if (channel.status === 'active' || channel.carries.length === 0) continue
      const list = idle.get(channel.from)
      if (list === undefined) idle.set(channel.from, [channel])
      else list.push(channel)
    }
    return idle
  }
  return { graph, carriage, provenance: compileProvenance(carriage), kinds: model.assets.map((asset) => asset.kind), idleFrom }
}

/**
 * Follow every source of a model as it travels over active channels that carry it, and
 * on through every asset made from it, to the reply that comes back or to where it
 * stops (see the architecture guide, "Traced loops"). One loop per source, in model
 * order. The loop closes when a `response` made from the source reaches its holder, or
 * when the holder itself holds a decision, plan, strategy, change or experiment made
 * from it; the outcome is the best over all routes, the latency the fastest round trip
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
}

/** @internal */
export const traceLoopsIndexed = (index: TraceIndex, options: TraceLoopsOptions = {}): IndexedTrace => {
  const { graph, carriage, provenance } = index
  const assets = graph.model.assets
  const wanted = options.sources === undefined ? undefined : new Set(options.sources)
  const budget = options.budget ?? defaultTraceBudget
  const member = new Int32Array(carriage.assetCount).fill(-1)
  const best = new Int8Array(carriage.assetCount)
  const actorStamp = new Int32Array(graph.actorCount).fill(-1)
  const finder = createRouteFinder(carriage, provenance)
  const flags = edgeFlagsOf(graph)
  const actorIds = graph.actors.map((actor) => actor.id)
  const work = { count: 0 }
  const loops: TracedLoop[] = []
  const holders: number[] = []
  const reachedOffsets: number[] = [0]
  const reachedActors: number[] = []
  const done = (truncated: boolean): IndexedTrace => ({
    search: { loops, truncated },
    holders: Int32Array.from(holders),
    reachedOffsets: Int32Array.from(reachedOffsets),
    reachedActors: Int32Array.from(reachedActors),
  })
  // Only the first asset with an id is traced (a decoded model has no duplicates).
  const duplicates = carriage.assetIndex.size !== carriage.assetCount
  for (let s = 0; s < carriage.assetCount; s++) {
    const asset = assets[s]!
    if (!isSourceAsset(asset) || carriage.holder[s]! < 0 || (duplicates && carriage.assetIndex.get(asset.id) !== s)) continue
    if (wanted !== undefined && !wanted.has(asset.id)) continue
    if (work.count > budget) return done(true)
    loops.push(traceSource(index, finder, s, { member, best, actorStamp, flags, actorIds, reachedActors, work }))
    holders.push(carriage.holder[s]!)
    reachedOffsets.push(reachedActors.length)
  }
  return done(work.count > budget)
}

interface Scratch {
  readonly member: Int32Array
  readonly best: Int8Array
  readonly actorStamp: Int32Array
  readonly flags: Uint8Array
  readonly actorIds: ReadonlyArray<ActorId>
  /** Where each trace's reached actors are appended, as indices. */
  readonly reachedActors: number[]
  readonly work: { count: number }
}

/** The levels of each 3-bit level mask, shared by every loop (there are only eight). */
const levelsOfMask: ReadonlyArray<ReadonlyArray<Level>> = Array.from({ length: 8 }, (_, mask) =>
  Object.freeze(levels.filter((_, rank) => (mask & (1 << rank)) !== 0)),
)

/** The source and every asset made from it, in provenance order, with the best chain level of each. */
const collectTrace = (provenance: Provenance, kinds: ReadonlyArray<AssetKind>, s: number, scratch: Scratch) => {
  const { member, best, work } = scratch
  const members = [s]
  member[s] = s
  best[s] = heard
  let inferred = false
  for (let head = 0; head < members.length; head++) {
    const a = members[head]!
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
      const c = provenance.children[i]!
      if (provenance.rank[c]! < 0) continue
      if (provenance.childInferred[i] === 1) inferred = true
      if (member[c] !== s) ((member[c] = s), (best[c] = ownLevel(kinds[c]!)), members.push(c))
    }
  }
  work.count += members.length
  members.sort((a, b) => provenance.rank[a]! - provenance.rank[b]!)
  for (const a of members) {
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
      const c = provenance.children[i]!
      if (member[c] === s && best[a]! > best[c]!) best[c] = best[a]!
    }
  }
  return { members, inferred }
}

const traceSource = (index: TraceIndex, finder: RouteFinder, s: number, scratch: Scratch): TracedLoop => {
  const { graph, carriage, provenance, kinds } = index
  const assets = graph.model.assets
  const { member, best, actorStamp, flags, actorIds, reachedActors, work } = scratch
  const h = carriage.holder[s]!
  const { members, inferred } = collectTrace(provenance, kinds, s, scratch)

  // Best outcome over all routes: a reply made from the source that reaches its holder,
  // or a decision or change made from it that the holder holds itself.
  let outcome = -1
  for (const a of members) {
    if (a === s) continue
    const closes = kinds[a] === 'response' ? reachPosition(carriage, a, h) >= 0 : best[a]! >= decided && carriage.holder[a] === h
    if (closes && best[a]! > outcome) outcome = best[a]!
  }

  const reached: ActorId[] = []
  let levelMask = 0
  for (const a of members) {
    for (let i = carriage.reachOffsets[a]!; i < carriage.reachOffsets[a + 1]!; i++) {
      const v = carriage.reachActors[i]!
      if (actorStamp[v] !== s) ((actorStamp[v] = s), reached.push(actorIds[v]!), reachedActors.push(v))
    }
    for (let i = carriage.carrierOffsets[a]!; i < carriage.carrierOffsets[a + 1]!; i++) levelMask |= flags[carriage.carrierEdges[i]!]! & 7
    work.count += carriage.reachOffsets[a + 1]! - carriage.reachOffsets[a]! + carriage.carrierOffsets[a + 1]! - carriage.carrierOffsets[a]!
  }

  const stop = outcome < 0 ? findStop(index, members, best, s) : undefined
  const isClosure = (state: number): boolean => {
    const a = finder.assetOf(state)
    if (a === s || carriage.reachActors[state] !== h) return false
    return kinds[a] === 'response' || (best[a]! >= decided && carriage.holder[a] === h)
  }
  const target = finder.search(s, s, member, stop === undefined ? isClosure : (state) => state === stop.state, work)
  const route = target < 0 ? { steps: [], reliability: 1 } : finder.route(target)
  const closedBy = outcome >= 0 && target >= 0 ? assets[finder.assetOf(target)]!.id : undefined
  return {
    source: assets[s]!.id,
    holder: graph.actors[h]!.id,
    outcome: outcome < 0 ? 'open' : outcomeOfLevel[outcome]!,
    ...(stop === undefined ? {} : { stopsAt: stop.stop }),
    steps: route.steps,
    ...(closedBy === undefined ? {} : { closedBy }),
    levels: levelsOfMask[levelMask]!,
    order: orderOf(index, members),
    ...(outcome >= 0 && target >= 0 ? { latencyDays: finder.distance(target) } : {}),
    reliability: route.reliability,
    provenance: inferred ? 'inferred' : 'declared',
    derived: derivedIds(assets, members, s),
    reached,
  }
}

const derivedIds = (assets: Model['assets'], members: ReadonlyArray<number>, s: number): AssetId[] => {
  const ids: AssetId[] = []
  for (const a of members) if (a !== s) ids.push(assets[a]!.id)
  return ids
}

/** `triple` when a strategy (or an experiment held at strategy level) is made from the source, `double` for a plan. */
const orderOf = (index: TraceIndex, members: ReadonlyArray<number>): LearningOrder => {
  const { graph, carriage } = index
  let order: LearningOrder = 'single'
  for (const a of members) {
    const kind = graph.model.assets[a]!.kind
    const holder = graph.actors[carriage.holder[a]!]!
    if (kind === 'strategy' || (kind === 'experiment' && holder.levels.includes('strategy'))) return 'triple'
    if (kind === 'plan') order = 'double'
  }
  return order
}
