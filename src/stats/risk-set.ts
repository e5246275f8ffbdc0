/**
 * A risk-set summary: for each distinct observed time, how many items had the event
 * then and how many were censored then. It is everything a Kaplan–Meier estimate needs,
 * and two summaries merge exactly (the merge of the summaries of two shards is the
 * summary of their union), so a national log can be measured in pieces.
 * @category Statistics
 */
export interface RiskSetSummary {
  /** Distinct observation times, strictly increasing. */
  readonly times: ReadonlyArray<number>
  /** Events (e.g. loops closed) at each time. */
  readonly events: ReadonlyArray<number>
  /** Items censored (still open when observation ended) at each time. */
  readonly censored: ReadonlyArray<number>
}

/**
 * One observation for survival analysis: the `time` an item was followed for, and
 * whether the `event` happened then (`true`) or observation stopped first (`false`,
 * right-censored).
 * @category Statistics
 */
export interface SurvivalObservation {
  readonly time: number
  readonly event: boolean
}

const checkTime = (time: number): void => {
  if (!Number.isFinite(time) || time < 0) throw new RangeError(`survival time must be a finite number ≥ 0, got ${time}`)
}

/**
 * Collects observations one at a time into a {@link RiskSetSummary}, in memory
 * proportional to the number of distinct times (not of observations). `add` is O(1);
 * `toSummary` sorts the distinct times, O(k log k).
 * @category Statistics
 */
export class RiskSetBuilder {
  private readonly counts = new Map<number, [events: number, censored: number]>()

  /**
   * Record an item followed for `time` (finite, ≥ 0) that had the event (`true`) or was
   * censored; `times` records that many such items at once (a whole number ≥ 0).
   */
  add(time: number, event: boolean, times = 1): void {
    checkTime(time)
    if (!Number.isInteger(times) || times < 0) throw new RangeError(`a count of observations must be a whole number ≥ 0, got ${times}`)
    const key = time === 0 ? 0 : time // one key for -0 and 0
    const count = this.counts.get(key)
    if (count === undefined) this.counts.set(key, event ? [times, 0] : [0, times])
    else count[event ? 0 : 1] += times
  }

  /**
   * Record every observation a summary holds, as {@link mergeRiskSets} would: the
   * builder then summarises the union. O(k) for k times in the summary.
   */
  addSummary(summary: RiskSetSummary): void {
    for (let i = 0; i < summary.times.length; i++) {
      const time = summary.times[i]!
      checkTime(time)
      const key = time === 0 ? 0 : time
      const count = this.counts.get(key)
      if (count === undefined) this.counts.set(key, [summary.events[i]!, summary.censored[i]!])
      else {
        count[0] += summary.events[i]!
        count[1] += summary.censored[i]!
      }
    }
  }

  /** The summary of everything added so far (the builder may go on collecting). */
  toSummary(): RiskSetSummary {
    const times = [...this.counts.keys()].sort((a, b) => a - b)
    return {
      times,
      events: times.map((time) => this.counts.get(time)![0]),
      censored: times.map((time) => this.counts.get(time)![1]),
    }
  }
}

/**
 * The risk-set summary of a list of observations. O(n + k log k) for k distinct times.
 * @category Statistics
 */
export const summariseRiskSet = (observations: Iterable<SurvivalObservation>): RiskSetSummary => {
  const builder = new RiskSetBuilder()
  for (const observation of observations) builder.add(observation.time, observation.event)
  return builder.toSummary()
}

/**
 * Merge two risk-set summaries: a sorted merge adding the counts at equal times. Exact,
 * associative and commutative, with the empty summary as identity. O(k₁ + k₂).
 * @category Statistics
 */
export const mergeRiskSets = (left: RiskSetSummary, right: RiskSetSummary): RiskSetSummary => {
  const times: number[] = []
  const events: number[] = []
  const censored: number[] = []
  let i = 0
  let j = 0
  while (i < left.times.length || j < right.times.length) {
    const a = i < left.times.length ? left.times[i]! : Infinity
    const b = j < right.times.length ? right.times[j]! : Infinity
    const time = Math.min(a, b)
    let eventCount = 0
    let censoredCount = 0
    if (a === time) {
      eventCount += left.events[i]!
      censoredCount += left.censored[i]!
      i++
    }
    if (b === time) {
      eventCount += right.events[j]!
      censoredCount += right.censored[j]!
      j++
    }
    times.push(time)
    events.push(eventCount)
    censored.push(censoredCount)
  }
  return { times, events, censored }
}

/**
 * The summary of no observations: the identity of {@link mergeRiskSets}.
 * @category Statistics
 */
export const emptyRiskSet: RiskSetSummary = { times: [], events: [], censored: [] }

/**
 * How many observations a summary holds, and how many of them are events. O(k).
 * @category Statistics
 */
export const riskSetTotals = (summary: RiskSetSummary): { readonly observations: number; readonly events: number } => {
  let observations = 0
  let events = 0
  for (let i = 0; i < summary.times.length; i++) {
    observations += summary.events[i]! + summary.censored[i]!
    events += summary.events[i]!
  }
  return { observations, events }
}
