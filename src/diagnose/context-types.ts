import type { Actor, Channel, KnowledgeAsset, Model } from '../model/codecs.js'
import type { ActorId, AssetId, ChannelId } from '../model/primitives.js'
import type { Level } from '../model/vocabulary.js'
import type { ActorAdjacency } from '../graph/adjacency.js'
import type { CompiledGraph } from '../graph/compile.js'
import type { ComponentIndex } from '../graph/components.js'
import type { SinglePointsOfFailure } from '../graph/fragility.js'
import type { Loop, LoopSearch, ProposedChannel } from '../graph/types.js'
import type { TraceIndex } from '../graph/trace.js'
import type { TraceSearch, TracedLoop } from '../graph/trace-types.js'
import type { ChannelCargo } from './cargo.js'
import type { FlowDirection, KindMask } from './flow.js'
import type { NamingPolicy } from './naming.js'

/** Bounds on loop enumeration for one diagnosis. @category Diagnosis */
export interface LoopBounds {
  readonly maxLength: number
  readonly maxLoops: number
  /** Most search steps of the enumeration. */
  readonly budget: number
}

/**
 * The actors of every traced loop as indices of {@link DiagnosisContext.graph}, in
 * `traces()` order: loop `i`'s holder is `holders[i]`, the actors it reached
 * `reachedActors[reachedOffsets[i] .. reachedOffsets[i+1]-1]` (as in `reached`). Figures
 * over every reached actor read these instead of looking ids up.
 * @category Diagnosis
 */
export interface TracedActors {
  readonly holders: Int32Array
  readonly reachedOffsets: Int32Array
  readonly reachedActors: Int32Array
  /** The levels each loop's route (`steps`) runs at, as a mask: bit `k` for `levels[k]`. */
  readonly routeLevels: Uint8Array
}

/**
 * What every rule of one diagnosis shares. Built once per {@link diagnose} call; each
 * figure is computed on first use and cached, so rules never recompute what another
 * rule already asked for. Graph figures are over active channels of a copy of the model
 * in id order (`canonicalModel`), so results do not depend on input order.
 * @category Diagnosis
 */
export interface DiagnosisContext {
  /** The model, with every collection in id order. */
  readonly model: Model
  /** How messages name actors and assets (ids unless the caller opted in to names). */
  readonly naming: NamingPolicy
  readonly loopBounds: LoopBounds
  /** Every actor and every active channel, at all levels. */
  readonly graph: CompiledGraph
  /**
   * Active channels at one level, and the actors that take part in it: equal to
   * `compileGraph(model, { level })`, cut out of {@link DiagnosisContext.graph} by
   * `restrictGraph` in O(V + E) over typed arrays.
   */
  graphAt(level: Level): CompiledGraph
  /** Strongly connected components of {@link DiagnosisContext.graph}. */
  components(): ComponentIndex
  /** Strongly connected components of {@link DiagnosisContext.graphAt}. */
  componentsAt(level: Level): ComponentIndex
  /** Where every asset travels and what was made from what, compiled once over {@link DiagnosisContext.graph}. */
  traceIndex(): TraceIndex
  /**
   * Every source traced (`traceLoops`), once per diagnosis, in source id order; a budget
   * stop marks the diagnosis truncated.
   */
  traces(): TraceSearch
  /** The actors of every traced loop, as graph indices. */
  tracedActors(): TracedActors
  /** The traced loops whose holder takes part in `level`, in `traces()` order. */
  tracesHeldAt(level: Level): ReadonlyArray<TracedLoop>
  /**
   * The traced loops that count at `level` (the lowest level the holder takes part in
   * that the loop's route runs at, else the lowest the route runs at, else the holder's
   * lowest), in `traces()` order: where a source counts, as in the scorecard, so that a
   * forum at three levels is counted once.
   */
  tracesStartingAt(level: Level): ReadonlyArray<TracedLoop>
  /** The traced loop of a source asset, if it is a source that was traced. */
  traceOf(source: AssetId): TracedLoop | undefined
  /** Elementary loops of the whole graph, enumerated once within `loopBounds`, sorted by actors. */
  loops(): Pick<LoopSearch, 'loops' | 'truncated'>
  /** The loops with at least one channel at `level`. */
  loopsAt(level: Level): ReadonlyArray<Loop>
  /** Eswaran–Tarjan repair of `level`: the fewest channels that close every open loop there. */
  repairsAt(level: Level): ReadonlyArray<ProposedChannel>
  /** Actors and channels whose loss opens loops lay actors depend on, at `level`, within a work budget. */
  singlePointsAt(level: Level, maxSearchSteps: number): SinglePointsOfFailure
  /** Levels with at least one actor taking part. */
  readonly levelsInUse: ReadonlyArray<Level>
  /** The actor with this id, if the model has one. */
  actor(id: ActorId): Actor | undefined
  /** The knowledge asset with this id, if the model has one. */
  asset(id: AssetId): KnowledgeAsset | undefined
  /** The channel with this id, if the model has one. */
  channel(id: ChannelId): Channel | undefined
  /** Channels that are not active (lapsed, or planned and never opened), by sender, in id order. */
  idleFrom(): ReadonlyMap<ActorId, ReadonlyArray<Channel>>
  /** Every channel (any status) from one actor to another, in id order. */
  channelsBetween(from: ActorId, to: ActorId): ReadonlyArray<Channel>
  /** Assets held by an actor, in id order. */
  assetsHeldBy(id: ActorId): ReadonlyArray<KnowledgeAsset>
  /** For each actor index of `graph`, the kinds of asset it holds. */
  heldKinds(): Uint16Array
  /** For each edge of `graph`, the kinds of asset its channel carries. */
  carriedKinds(): Uint16Array
  /** What every channel (any status) carries, read once. */
  cargo(): ChannelCargo
  /** Actors (indices of `graph`) that hold an asset of a kind in `kinds`. Cached. */
  holders(kinds: KindMask): Uint8Array
  /**
   * Actors reached when knowledge held by the holders of `from` travels over channels
   * that carry a kind in `carrying` (or, backward, the actors whose knowledge reaches
   * those holders). Cached per question. O(V + E) on first ask.
   */
  flow(from: KindMask, carrying: KindMask, direction: FlowDirection): Uint8Array
  /**
   * The graph of channels that carry a kind in `carrying`, with its strongly connected
   * components: actors of one component reach, and are reached by, the same actors
   * over such channels. Cached per mask. O(V + E).
   */
  componentsCarrying(carrying: KindMask): { readonly adjacency: ActorAdjacency; readonly components: ComponentIndex }
  /** The same, from an explicit list of seed actors (not cached). */
  reach(seeds: ReadonlyArray<number>, carrying: KindMask, direction: FlowDirection): Uint8Array
  /** Record that a bounded search inside a rule stopped early (sets `Diagnosis.truncated`). */
  markTruncated(): void
  /** Whether loop enumeration or a rule's bounded search stopped early. */
  readonly truncated: boolean
}

/**
 * What tidying a diagnosis's repairs needs of it (relays, channels brought back, ids of
 * their own): a {@link DiagnosisContext}, or the little of one that settling keeps while
 * the repaired model is diagnosed again, so that the first diagnosis's traces and indices
 * can go meanwhile. @internal
 */
export type RepairContext = Pick<DiagnosisContext, 'model' | 'naming' | 'graph' | 'actor' | 'asset' | 'idleFrom'>
