import type { ActorId, AssetId, ChannelId } from '../model/primitives.js'
import type { AssetKind, Capability, Level } from '../model/vocabulary.js'
import type { LoopTable } from './loop-table.js'

/**
 * The learning a loop can bring about (Argyris & Schön): `single` changes actions,
 * `double` changes the rules of delivery (a `plan` lies on the loop), `triple` changes
 * who decides and whose knowledge counts (a `strategy` lies on the loop).
 * @category Loops
 */
export type LearningOrder = 'single' | 'double' | 'triple'

/**
 * `reinforcing` when the loop has an even number of `-` links, `balancing` when odd,
 * `unknown` when any link has no polarity.
 * @category Loops
 */
export type LoopPolarity = 'reinforcing' | 'balancing' | 'unknown'

/**
 * An elementary cycle of active channels, described in domain terms.
 * @category Loops
 */
export interface Loop {
  /** The actors in order, starting at the actor whose id sorts first; the first is not repeated at the end. */
  readonly actors: ReadonlyArray<ActorId>
  /** For step `i` (from `actors[i]` to the next actor, wrapping round), the ids of every channel that joins them, sorted. */
  readonly channels: ReadonlyArray<ReadonlyArray<ChannelId>>
  /** Levels of the loop's channels, lowest first. */
  readonly levels: ReadonlyArray<Level>
  readonly order: LearningOrder
  /** Lay voices among the actors: lay, or mixed (a forum such as a PPG counts as both). */
  readonly layActors: number
  /** Professional voices among the actors: professional, or mixed. */
  readonly professionalActors: number
  /** Capabilities the loop passes through (from the kinds of asset its channels carry), in capability order. */
  readonly stages: ReadonlyArray<Capability>
  /** Sum over steps of the fastest channel's latency (a channel without `latencyDays` counts as 0). */
  readonly latencyDays: number
  /** Product over steps of the chance that at least one of the step's channels gets through (absent reliability counts as 1). */
  readonly reliability: number
  readonly polarity: LoopPolarity
}

/**
 * Bounds and filters for loop enumeration. Every bound has a safe default, so
 * enumeration always ends; `truncated` says when a bound stopped it.
 * @category Loops
 */
export interface FindLoopsOptions {
  /** Longest loop, in steps (default 12). */
  readonly maxLength?: number
  /** Most loops returned (default 10,000). */
  readonly maxLoops?: number
  /** Only loops through this actor (its id). */
  readonly through?: string
  /** Only channels at this level. */
  readonly level?: Level
  /** Most search steps (edge visits) before giving up (default 5,000,000). */
  readonly budget?: number
}

/**
 * The loops a search found. `loops` and `table` hold the same loops in the same order:
 * `table` keeps them as columns of figures, and `loops` builds the {@link Loop} objects
 * from it the first time it is read (then keeps them), so a caller that reads only
 * figures of a large search never pays for the objects. `table` is not enumerable, so
 * `JSON.stringify`, spreading and `structuredClone` see `{ loops, truncated }`: a copy
 * of the search (one posted from a Web Worker, say) has no `table`, so read the table
 * where the search was made.
 * @category Loops
 */
export interface LoopSearch {
  readonly loops: ReadonlyArray<Loop>
  /** `true` when a bound (count, length with more loops beyond it, or budget) stopped the search. */
  readonly truncated: boolean
  /** The same loops, as columns: read their figures without building a {@link Loop} per loop. */
  readonly table: LoopTable
}

/**
 * A knowledge asset a repair proposes to create, such as the reply that tells people
 * what became of what they said. `derivedFrom` says what it is made from, so the
 * traced loop it closes can follow it.
 * @category Repairs
 */
export interface ProposedAsset {
  readonly id: AssetId
  readonly name: string
  readonly kind: AssetKind
  readonly holder: ActorId
  readonly derivedFrom: ReadonlyArray<AssetId>
}

/**
 * A channel the library proposes adding, or bringing back. `carries` names existing
 * assets, or assets listed in `creates` (new ones the repair makes, such as a reply).
 * `reason` says, in words, what it closes. When the two actors already have a channel
 * that is not active (a lapsed themes report, a planned meeting never held), the
 * diagnosis proposes bringing that one back (`activates`) rather than a second channel
 * beside it; when they already have an active one at the proposal's level (carers who
 * talk to PALS), it proposes listing what should travel on that one (`extends`).
 * @category Repairs
 */
export interface ProposedChannel {
  readonly from: ActorId
  readonly to: ActorId
  readonly level: Level
  readonly carries: ReadonlyArray<AssetId>
  readonly reason: string
  /** Assets to create with the channel (absent when it carries only existing ones). */
  readonly creates?: ReadonlyArray<ProposedAsset>
  /**
   * An existing channel from `from` to `to` that is not active (inactive or planned) and
   * that this repair brings back: applied, that channel becomes active and lists
   * `carries` besides what it listed, and no channel is added. Absent for a new channel.
   */
  readonly activates?: ChannelId
  /**
   * An existing active channel from `from` to `to`, at `level`, that this repair adds to:
   * applied, that channel lists `carries` besides what it listed, and no channel is
   * added. Absent for a new channel, and for one brought back.
   */
  readonly extends?: ChannelId
}
