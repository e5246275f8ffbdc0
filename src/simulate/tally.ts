import { grown } from '../graph/grow.js'
import { madeChange, madeInsight, madeLesson } from './item-paths.js'

/** Experience flags. @internal */
export const responded = 1
/** @internal */
export const reachedGoverning = 4

/**
 * What came back to the person who raised an item, best over what reached them: `open`
 * (nothing did), `heard` (a reply made from it, with nothing decided or changed on the
 * way), `decided` (a reply, or a decision of their own, made from a decision made from
 * it) or `did` (the same through a change), as `TracedLoop.outcome`.
 * The numbers order the outcomes from worst to best. @internal
 */
export const outcomeOpen = 0
/** @internal */
export const outcomeHeard = 1
/** @internal */
export const outcomeDecided = 2
/** @internal */
export const outcomeDid = 3

/** The series recorded per day and level (index `day * 3 + level`). @internal */
export interface DailySeries {
  readonly raised: Float64Array
  readonly inFlight: Float64Array
  readonly replies: Float64Array
  readonly changes: Float64Array
  readonly lessons: Float64Array
}

/**
 * Everything the engine counts: what the results need of every experience (who raised
 * it and when, its level, flags, outcome, and when a reply and a reply with a change
 * first reached its raiser) in growable typed arrays, the daily series, and run totals.
 * What only matters while an experience is in flight lives in `LiveExperiences`.
 * @internal
 */
export class Tally {
  raisedAt = new Float64Array(256)
  raisedBy = new Int32Array(256)
  /** The source asset of each item (asset number). */
  source = new Int32Array(256)
  level = new Uint8Array(256)
  flags = new Uint8Array(256)
  outcome = new Uint8Array(256)
  /** When the first reply reached the raiser (NaN: none did). */
  heardAt = new Float64Array(256)
  /** When the first reply after a change reached the raiser: the loop closed with outcome `did` (NaN: it did not). */
  closedAt = new Float64Array(256)
  count = 0
  readonly series: DailySeries
  readonly inFlightByLevel = new Float64Array(3)
  messagesSent = 0
  messagesLost = 0
  repliesUnroutable = 0
  changes = 0
  lessons = 0
  insights = 0

  constructor(readonly days: number) {
    const make = () => new Float64Array(days * 3)
    this.series = { raised: make(), inFlight: make(), replies: make(), changes: make(), lessons: make() }
  }

  /** Record a new item of source asset `source` raised by actor `v`; returns its number. */
  raise(time: number, v: number, level: number, source: number): number {
    if (this.count === this.raisedAt.length) {
      const size = this.count * 2
      this.raisedAt = grown(this.raisedAt, size)
      this.raisedBy = grown(this.raisedBy, size)
      this.source = grown(this.source, size)
      this.level = grown(this.level, size)
      this.flags = grown(this.flags, size)
      this.outcome = grown(this.outcome, size)
      this.heardAt = grown(this.heardAt, size)
      this.closedAt = grown(this.closedAt, size)
    }
    const x = this.count++
    this.raisedAt[x] = time
    this.raisedBy[x] = v
    this.source[x] = source
    this.level[x] = level
    this.heardAt[x] = Number.NaN
    this.closedAt[x] = Number.NaN
    this.series.raised[Math.floor(time) * 3 + level]!++
    return x
  }

  /** Count an event at `time` for an experience at `level` in a daily series. */
  countOn(series: Float64Array, time: number, level: number): void {
    series[Math.floor(time) * 3 + level]!++
  }

  /**
   * Record that something made from `x` came back to its raiser at `time`, through a
   * chain of chain level `level` (0 heard, 1 decided, 2 did). Returns `true` the first time.
   */
  reachRaiser(x: number, time: number, level: number): boolean {
    const now = level + outcomeHeard
    const before = this.outcome[x]!
    if (now > before) this.outcome[x] = now
    if (now === outcomeDid && before !== outcomeDid) this.closedAt[x] = time
    if (before !== outcomeOpen) return false
    this.heardAt[x] = time
    this.countOn(this.series.replies, time, this.level[x]!)
    return true
  }

  /** Count an asset made from an item at `level` (its `madeClass` in the item paths): a change, an insight or a lesson. */
  made(made: number, time: number, level: number): void {
    if (made === madeChange) {
      this.changes++
      this.countOn(this.series.changes, time, level)
    } else if (made === madeInsight) this.insights++
    else if (made === madeLesson) {
      this.lessons++
      this.countOn(this.series.lessons, time, level)
    }
  }

  /** Store the number of messages in flight at the end of `day`. */
  snapshot(day: number): void {
    for (let level = 0; level < 3; level++) this.series.inFlight[day * 3 + level] = this.inFlightByLevel[level]!
  }
}
