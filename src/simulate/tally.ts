/** Experience flags. @internal */
export const responded = 1
/** @internal */
export const closed = 2
/** @internal */
export const reachedGoverning = 4

/** The series recorded per day and level (index `day * 3 + level`). @internal */
export interface DailySeries {
  readonly raised: Float64Array
  readonly inFlight: Float64Array
  readonly replies: Float64Array
  readonly changes: Float64Array
  readonly lessons: Float64Array
}

/**
 * Everything the engine counts: what the results need of every experience (when it was
 * raised, its level and flags) in growable typed arrays, the daily series, and run
 * totals. What only matters while an experience is in flight lives in
 * `LiveExperiences`. @internal
 */
export class Tally {
  raisedAt = new Float64Array(256)
  level = new Uint8Array(256)
  flags = new Uint8Array(256)
  count = 0
  readonly closureTimes: number[] = []
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

  /** Record a new experience; returns its number. */
  raise(time: number, level: number): number {
    if (this.count === this.raisedAt.length) {
      const grow = <A extends Float64Array | Uint8Array>(old: A, next: A): A => {
        next.set(old)
        return next
      }
      const size = this.count * 2
      this.raisedAt = grow(this.raisedAt, new Float64Array(size))
      this.level = grow(this.level, new Uint8Array(size))
      this.flags = grow(this.flags, new Uint8Array(size))
    }
    const x = this.count++
    this.raisedAt[x] = time
    this.level[x] = level
    this.series.raised[Math.floor(time) * 3 + level]!++
    return x
  }

  /** Count an event at `time` for an experience at `level` in a daily series. */
  countOn(series: Float64Array, time: number, level: number): void {
    series[Math.floor(time) * 3 + level]!++
  }

  /** Record that a reply for `x` reached its raiser at `time`. */
  close(x: number, time: number): void {
    if ((this.flags[x]! & closed) !== 0) return
    this.flags[x]! |= closed
    this.closureTimes.push(time - this.raisedAt[x]!)
    this.countOn(this.series.replies, time, this.level[x]!)
  }

  /** Store the number of messages in flight at the end of `day`. */
  snapshot(day: number): void {
    for (let level = 0; level < 3; level++) this.series.inFlight[day * 3 + level] = this.inFlightByLevel[level]!
  }
}
