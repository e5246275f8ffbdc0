import type { ActorId, AssetId, ChannelId } from '../model/primitives.js'
import type { Capability, Level } from '../model/vocabulary.js'
import type { LearningOrder } from './types.js'

/**
 * What a traced loop achieves for the person whose knowledge started it, best first:
 * `did` (a change or experiment made from it lies between source and reply), `decided`
 * (only a decision, plan or strategy does), `heard` (a reply, but nothing traced
 * changed), `open` (nothing comes back).
 * @category Loops
 */
export type LoopOutcome = 'did' | 'decided' | 'heard' | 'open'

/** Every outcome, best first. @category Loops */
export const loopOutcomes: ReadonlyArray<LoopOutcome> = ['did', 'decided', 'heard', 'open']

/**
 * Why knowledge went no further: `not-passed-on` (no active channel carries it, or
 * anything made from it, on), `channel-not-active` (a channel that would is inactive or
 * only planned), `no-reply` (something was decided or changed, but no reply made from
 * it exists), `reply-not-delivered` (a reply made from it exists but never reaches the
 * person it came from).
 * @category Loops
 */
export type StopReason = 'not-passed-on' | 'channel-not-active' | 'no-reply' | 'reply-not-delivered'

/** Where an open loop's knowledge stops. @category Loops */
export interface LoopStop {
  /** The last actor the knowledge reached. */
  readonly actor: ActorId
  /** The furthest thing made of it there (the source itself, or an asset derived from it). */
  readonly asset: AssetId
  readonly stage: Capability
  readonly reason: StopReason
  /** Channels that would carry it on but are not active (for `channel-not-active`), in id order. */
  readonly idleChannels: ReadonlyArray<ChannelId>
}

/** One move of knowledge on a traced route. @category Loops */
export interface TracedStep {
  readonly from: ActorId
  readonly to: ActorId
  readonly channel: ChannelId
  /** What travelled: the source, or an asset made from it. */
  readonly carries: ReadonlyArray<AssetId>
}

/**
 * One source (an `experience`, `evidence` or `data` asset that derives from nothing)
 * followed over the channels that carry it and on through everything made from it.
 * @category Loops
 */
export interface TracedLoop {
  readonly source: AssetId
  /** Whose knowledge it is: the source's holder. */
  readonly holder: ActorId
  readonly outcome: LoopOutcome
  /** For an open loop: where the knowledge stops and why. */
  readonly stopsAt?: LoopStop
  /**
   * The fastest route that closes the loop as well as it closes (source out, reply
   * back; for `did`, a route that passes the change, for `decided` one that passes the
   * decision), or for an open loop the route to where it stops.
   */
  readonly steps: ReadonlyArray<TracedStep>
  /** The asset whose arrival closes the fastest route (a reply, or a decision or change the holder made). */
  readonly closedBy?: AssetId
  /** Levels of the channels the knowledge travelled over, lowest first. */
  readonly levels: ReadonlyArray<Level>
  /**
   * `double` when a plan made from the source lies on it, `triple` when a strategy or
   * strategy-level experiment does. For a loop that closes, on a chain that comes back
   * (something that closes it is made from it); for an open loop, anywhere in what was made of the source.
   */
  readonly order: LearningOrder
  /** Days of the route in `steps`: the fastest round trip with the loop's outcome; absent for an open loop. */
  readonly latencyDays?: number
  /** Chance that every channel of `steps` gets through. */
  readonly reliability: number
  /** `inferred` when a link of the trace was inferred rather than declared by `derivedFrom`. */
  readonly provenance: 'declared' | 'inferred'
  /** Assets made from the source that the trace reached, in provenance order. */
  readonly derived: ReadonlyArray<AssetId>
  /** Actors the knowledge (the source or anything made from it) reached, the holder first. */
  readonly reached: ReadonlyArray<ActorId>
}

/**
 * Options for {@link traceLoops}.
 * @category Loops
 */
export interface TraceLoopsOptions {
  /** Only these sources (asset ids); by default every source. */
  readonly sources?: ReadonlyArray<string>
  /** Most units of work (assets, actors and channels visited) before giving up (default 50,000,000). */
  readonly budget?: number
}

/** @category Loops */
export interface TraceSearch {
  readonly loops: ReadonlyArray<TracedLoop>
  /** `true` when the work budget stopped the trace before every source was followed. */
  readonly truncated: boolean
}
