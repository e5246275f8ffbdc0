import type { Level } from '../model/vocabulary.js'
import type { SimulationIssue } from './issues.js'
import { type Tally, closed, reachedGoverning, responded } from './tally.js'

/**
 * End-of-run measures. A share or time is `null` when there is nothing to measure
 * (no experience raised, none answered).
 * @category Simulation
 */
export interface SimulationMetrics {
  /** Experiences raised during the run. */
  readonly experiencesRaised: number
  /** Closure rate: the share of experiences for which a reply reached the actor who raised them. */
  readonly closureRate: number | null
  /** Response rate: the share of experiences that someone replied to (a reply was sent, whether or not it arrived) — what Care Opinion publishes as its response rate. */
  readonly responseRate: number | null
  /** Median days from raising an experience to the first reply reaching its raiser, over closed experiences. */
  readonly closureTimeMedianDays: number | null
  /** 90th percentile (nearest rank) of the same closure times. */
  readonly closureTimeP90Days: number | null
  /** Changes made (an actor acting on a decision) per 100 experiences raised. */
  readonly changesPer100Experiences: number | null
  /** Lessons recorded by holders of `lesson` assets. */
  readonly lessonsRecorded: number
  /** Times a holder of an `insight` asset made sense of an experience. */
  readonly insightsMade: number
  /** Share of delivery-level experiences whose story reached a holder of a `plan` or `strategy` (a governing asset at planning or strategy level). */
  readonly governingReachShare: number | null
  /** Messages sent on channels (stories, decisions, replies), including lost ones. */
  readonly messagesSent: number
  /** Messages lost to channel unreliability. */
  readonly messagesLost: number
  /** Replies that could not move because no open channel led towards the raiser. */
  readonly repliesUnroutable: number
  /** Events the engine processed (raises, deliveries, interventions). */
  readonly events: number
}

/** Names of every {@link SimulationMetrics} field, in a fixed order. @category Simulation */
export const simulationMetricNames: ReadonlyArray<keyof SimulationMetrics> = [
  'experiencesRaised',
  'closureRate',
  'responseRate',
  'closureTimeMedianDays',
  'closureTimeP90Days',
  'changesPer100Experiences',
  'lessonsRecorded',
  'insightsMade',
  'governingReachShare',
  'messagesSent',
  'messagesLost',
  'repliesUnroutable',
  'events',
]

/**
 * One row of the tidy time series: what happened on day `day` (from `day` to
 * `day + 1`) to experiences raised at `level` (the raiser's lowest level).
 * @category Simulation
 */
export interface SimulationDay {
  readonly day: number
  readonly level: Level
  readonly experiencesRaised: number
  /** Messages about these experiences still travelling (or waiting for capacity) at the end of the day. */
  readonly inFlight: number
  /** Experiences whose first reply reached their raiser that day. */
  readonly responsesReturned: number
  readonly changesMade: number
  readonly lessonsRecorded: number
}

/** @category Simulation */
export interface SimulationResult {
  /** The seed the run used (the one given, unless it was not a safe integer). */
  readonly seed: number
  /** The days the run simulated (the number given, unless it was not whole days). */
  readonly days: number
  readonly metrics: SimulationMetrics
  /** Rows for every day and every level some actor of the model takes part in. */
  readonly series: ReadonlyArray<SimulationDay>
  /** `true` when `maxEvents` stopped the run before `days`. */
  readonly truncated: boolean
  /** Options that named nothing in the model and were left out. */
  readonly issues: ReadonlyArray<SimulationIssue>
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole)

const nearestRank = (sorted: Float64Array, fraction: number): number | null =>
  sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!

/** Summarise a tally into metrics. O(x log x) for x closed experiences. @internal */
export const summarise = (tally: Tally, events: number, deliveryLevel: number): SimulationMetrics => {
  let answered = 0
  let closedCount = 0
  let delivery = 0
  let deliveryReached = 0
  for (let x = 0; x < tally.count; x++) {
    const flags = tally.flags[x]!
    if ((flags & responded) !== 0) answered++
    if ((flags & closed) !== 0) closedCount++
    if (tally.level[x] === deliveryLevel) {
      delivery++
      if ((flags & reachedGoverning) !== 0) deliveryReached++
    }
  }
  const times = Float64Array.from(tally.closureTimes).sort()
  return {
    experiencesRaised: tally.count,
    closureRate: share(closedCount, tally.count),
    responseRate: share(answered, tally.count),
    closureTimeMedianDays: nearestRank(times, 0.5),
    closureTimeP90Days: nearestRank(times, 0.9),
    changesPer100Experiences: tally.count === 0 ? null : (tally.changes * 100) / tally.count,
    lessonsRecorded: tally.lessons,
    insightsMade: tally.insights,
    governingReachShare: share(deliveryReached, delivery),
    messagesSent: tally.messagesSent,
    messagesLost: tally.messagesLost,
    repliesUnroutable: tally.repliesUnroutable,
    events,
  }
}

/** Build the tidy daily rows for the given levels (indices into `levels`). @internal */
export const dailyRows = (tally: Tally, levelNames: ReadonlyArray<readonly [number, Level]>): ReadonlyArray<SimulationDay> => {
  const rows: SimulationDay[] = []
  const { raised, inFlight, replies, changes, lessons } = tally.series
  for (let day = 0; day < tally.days; day++) {
    for (const [index, level] of levelNames) {
      const at = day * 3 + index
      rows.push({
        day,
        level,
        experiencesRaised: raised[at]!,
        inFlight: inFlight[at]!,
        responsesReturned: replies[at]!,
        changesMade: changes[at]!,
        lessonsRecorded: lessons[at]!,
      })
    }
  }
  return rows
}
