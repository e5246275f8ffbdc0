import type { ActorId, ChannelId } from '../model/primitives.js'
import type { Capability, Level } from '../model/vocabulary.js'
import { loopOf } from './describe.js'
import { levelsOfCode, orderOfCode, polarityOfCode, stagesOfCode } from './loop-measure.js'
import type { LearningOrder, Loop, LoopPolarity } from './types.js'

/**
 * The columns a {@link LoopTable} reads, as the loop search fills them. Loop `i` is
 * `lengths[i]` steps long: its path's last step takes arc `closingArc[i]` back to the
 * first actor, and the steps before it end at step `lastStep[i]` of a tree of steps
 * (each step's arc is `stepArc[s]`, the step before it `stepParent[s]`, `-1` before the
 * path's first step), since paths found one after another share their first steps. Its
 * canonical rotation starts at path step `starts[i]` (0 for every loop when `starts` is
 * absent); `codes[i]` is its loop code (see `LoopMeasure.code`).
 * @internal
 */
export interface LoopColumns {
  /**
   * What naming a loop's actors and channels needs of the searched graph, and no more (so
   * a table does not keep the model alive): each actor's id, each arc's target actor and
   * each arc's channel ids (read for every arc a loop of the table takes).
   */
  readonly ids: ReadonlyArray<ActorId>
  readonly targets: Int32Array
  readonly channelIds: ReadonlyArray<ReadonlyArray<ChannelId> | undefined>
  readonly size: number
  readonly lengths: Int32Array
  readonly lastStep: Int32Array
  readonly closingArc: Int32Array
  readonly starts: Int32Array | undefined
  readonly codes: Int32Array
  readonly layActors: Int32Array
  readonly mixedActors: Int32Array
  readonly latencyDays: Float64Array
  readonly reliability: Float64Array
  readonly stepParent: Int32Array
  readonly stepArc: Int32Array
  /** The longest loop's length. */
  readonly longest: number
}

/**
 * The loops of a search, kept as columns of numbers rather than one object per loop, so a
 * search of many loops costs little more than finding them: every figure of a
 * {@link Loop} was worked out as the loop was found, and reading one is O(1) (its actors
 * or channels O(length)). Loop `i` is the `i`-th loop in search order, the same as
 * `loops[i]` of the search it came from; {@link LoopTable.loop} builds that `Loop` object
 * (equal to it in every field), and iterating the table builds each in turn. Lists of
 * levels, stages and a step's channel ids are frozen and shared, as in a `Loop`.
 *
 * Read a large search through the table (counting loops by level or order, summing
 * latency) to avoid building hundreds of thousands of objects.
 *
 * @example
 * {@includeCode ../../examples/loop-table.ts#table}
 * @category Loops
 */
export class LoopTable implements Iterable<Loop> {
  /** How many loops the table holds. */
  readonly size: number
  private readonly columns: LoopColumns
  /** Scratch: the arcs of the path read last, in path order. */
  private readonly arcs: Int32Array

  /** @internal */
  constructor(columns: LoopColumns) {
    this.columns = columns
    this.size = columns.size
    this.arcs = new Int32Array(columns.longest)
  }

  /** How many actors (and steps) loop `i` has. O(1). */
  lengthOf(i: number): number {
    return this.columns.lengths[this.checked(i)]!
  }

  /** The actors of loop `i` in canonical rotation (starting at the actor whose id sorts first), as in `Loop.actors`. O(length). */
  actorsOf(i: number): ReadonlyArray<ActorId> {
    const length = this.lengthOf(i)
    const arcs = this.arcsOf(i)
    const { ids, targets } = this.columns
    const start = this.columns.starts?.[i] ?? 0
    const actors = new Array<ActorId>(length)
    for (let j = 0, k = start; j < length; j++, k = k + 1 === length ? 0 : k + 1) {
      actors[j] = ids[targets[arcs[k === 0 ? length - 1 : k - 1]!]!]!
    }
    return actors
  }

  /** For each step of loop `i` (from `actorsOf(i)[j]` to the next actor), the ids of every channel that joins them, sorted, as in `Loop.channels`. O(length). */
  channelsOf(i: number): ReadonlyArray<ReadonlyArray<ChannelId>> {
    const length = this.lengthOf(i)
    const arcs = this.arcsOf(i)
    const channelIds = this.columns.channelIds
    const start = this.columns.starts?.[i] ?? 0
    const channels = new Array<ReadonlyArray<ChannelId>>(length)
    for (let j = 0, k = start; j < length; j++, k = k + 1 === length ? 0 : k + 1) channels[j] = channelIds[arcs[k]!]!
    return channels
  }

  /** The levels of loop `i`'s channels, lowest first (a shared frozen list). O(1). */
  levelsOf(i: number): ReadonlyArray<Level> {
    return levelsOfCode(this.columns.codes[this.checked(i)]!)
  }

  /** The learning order of loop `i`. O(1). */
  orderOf(i: number): LearningOrder {
    return orderOfCode(this.columns.codes[this.checked(i)]!)
  }

  /** How many of loop `i`'s actors are lay voices (lay or mixed). O(1). */
  layActorsOf(i: number): number {
    return this.columns.layActors[this.checked(i)]!
  }

  /** How many of loop `i`'s actors are professional voices (professional or mixed). O(1). */
  professionalActorsOf(i: number): number {
    return this.lengthOf(i) - this.columns.layActors[i]! + this.columns.mixedActors[i]!
  }

  /** The capabilities loop `i` passes through, in capability order (a shared frozen list). O(1). */
  stagesOf(i: number): ReadonlyArray<Capability> {
    return stagesOfCode(this.columns.codes[this.checked(i)]!)
  }

  /** Loop `i`'s latency: the sum over steps of the fastest channel's latency. O(1). */
  latencyDaysOf(i: number): number {
    return this.columns.latencyDays[this.checked(i)]!
  }

  /** Loop `i`'s reliability: the product over steps of the chance a step's message gets through. O(1). */
  reliabilityOf(i: number): number {
    return this.columns.reliability[this.checked(i)]!
  }

  /** Loop `i`'s polarity. O(1). */
  polarityOf(i: number): LoopPolarity {
    return polarityOfCode(this.columns.codes[this.checked(i)]!)
  }

  /** Loop `i` as a {@link Loop} object, built anew on each call. O(length). */
  loop(i: number): Loop {
    const { codes, layActors, mixedActors, latencyDays, reliability } = this.columns
    return loopOf(this.actorsOf(i), this.channelsOf(i), codes[i]!, layActors[i]!, mixedActors[i]!, latencyDays[i]!, reliability[i]!)
  }

  /** Every loop as a {@link Loop} object, in table order. */
  *[Symbol.iterator](): Iterator<Loop> {
    for (let i = 0; i < this.size; i++) yield this.loop(i)
  }

  /** `i`, when it is the position of a loop in the table. */
  private checked(i: number): number {
    if (Number.isInteger(i) && i >= 0 && i < this.size) return i
    const positions = this.size === 0 ? 'it is empty' : `positions run from 0 to ${this.size - 1}`
    throw new RangeError(`No loop at position ${String(i)} in this table: ${positions}`)
  }

  /** The arcs of loop `i`'s path, in path order, in the table's scratch array (valid until the next read). */
  private arcsOf(i: number): Int32Array {
    const { lastStep, lengths, closingArc, stepParent, stepArc } = this.columns
    const arcs = this.arcs
    const last = lengths[i]! - 1
    arcs[last] = closingArc[i]!
    let step = lastStep[i]!
    for (let k = last - 1; k >= 0; k--) {
      arcs[k] = stepArc[step]!
      step = stepParent[step]!
    }
    return arcs
  }
}
