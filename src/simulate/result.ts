import type { Level } from '../model/vocabulary.js'
import type { SimulationEstimates } from './estimates.js'
import type { SimulationGroups } from './groups.js'
import type { SimulationIssue } from './issues.js'
import type { SimulationItem } from './items.js'
import type { SimulationEventLog } from './event-log.js'
import { type Tally, outcomeDecided, outcomeDid, outcomeHeard, outcomeOpen, reachedGoverning, responded } from './tally.js'

/**
 * End-of-run measures, with the Kaplan–Meier estimates of closure over time
 * ({@link SimulationEstimates}). A share or time is `null` when there is nothing to measure
 * (no experience raised, none answered). Measures of experiences count only those
 * raised from `warmUpDays` on; run totals (messages, changes, lessons, insights,
 * events) cover the whole run.
 *
 * Each item's (experience's) outcome is what came back to the person who raised it, as
 * `TracedLoop.outcome`, best over everything that came back: `did` when a change or
 * experiment made from it lies on the chain to a reply that reached them (or to a
 * decision or change they made themselves), `decided` when only a decision, plan or
 * strategy does, `heard` when neither does, and open when nothing came back.
 * @category Simulation
 */
export interface SimulationMetrics extends SimulationEstimates {
  /** Experiences raised from `warmUpDays` on. */
  readonly experiencesRaised: number
  /**
   * Closure rate: the share of experiences whose loop closed with outcome `did` (what came
   * back to the person who raised it was made through a change made from it) by the end of the run.
   * An experience raised late has had less time, so this share grows with the run's
   * length; the Kaplan–Meier estimates (`closureBy90Days` and its neighbours) do not.
   */
  readonly closureRate: number | null
  /** Response rate: the share of experiences that someone made a reply from and sent (whether or not it arrived) — what Care Opinion publishes as its response rate. A reply the raiser writes itself counts only when made from what another actor made of its experience, as a traced loop closes. */
  readonly responseRate: number | null
  /** The share of experiences for which something made from them came back to the person who raised them, whatever the outcome (`did`, `decided` or `heard`). */
  readonly heardBackRate: number | null
  /** The share of experiences whose best outcome was `decided`: only a decision lies on what came back. */
  readonly decidedOnlyRate: number | null
  /** The share of experiences whose best outcome was `heard`: a reply came back, but nothing decided or changed lies on it. */
  readonly heardOnlyRate: number | null
  /** Median days from raising an experience to its closure (outcome `did`), over the experiences that closed during the run (shorter than the true median when many are still open). */
  readonly closureTimeMedianDays: number | null
  /** 90th percentile (nearest rank) of the same closure times. */
  readonly closureTimeP90Days: number | null
  /** Changes (and experiments) made from items per 100 experiences raised, over the whole run. */
  readonly changesPer100Experiences: number | null
  /** Lessons made from items by holders of `lesson` assets. */
  readonly lessonsRecorded: number
  /** Insights made from items by holders of `insight` assets. */
  readonly insightsMade: number
  /** Share of delivery-level experiences that (or something made from which) reached a holder of a `plan` or `strategy` (a governing asset at planning or strategy level). */
  readonly governingReachShare: number | null
  /** Messages sent on channels (every asset of every item), including lost ones. */
  readonly messagesSent: number
  /** Messages lost to channel unreliability. */
  readonly messagesLost: number
  /** Replies made (by someone other than the raiser) that no open channel carries on from their maker. */
  readonly repliesUnroutable: number
  /** Events the engine processed (raises, deliveries, interventions). */
  readonly events: number
}

/** Names of every {@link SimulationMetrics} field, in a fixed order. @category Simulation */
export const simulationMetricNames: ReadonlyArray<keyof SimulationMetrics> = [
  'experiencesRaised',
  'closureRate',
  'responseRate',
  'heardBackRate',
  'decidedOnlyRate',
  'heardOnlyRate',
  'closureTimeMedianDays',
  'closureTimeP90Days',
  'closureBy30Days',
  'closureBy30DaysLower',
  'closureBy30DaysUpper',
  'closureBy90Days',
  'closureBy90DaysLower',
  'closureBy90DaysUpper',
  'closureBy365Days',
  'closureBy365DaysLower',
  'closureBy365DaysUpper',
  'closureMedianDays',
  'closureMedianDaysLower',
  'closureMedianDaysUpper',
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
  /** Experiences whose first reply (whatever its outcome) reached their raiser that day. */
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
  /** The days at the start whose experiences the metrics and groups leave out. */
  readonly warmUpDays: number
  readonly metrics: SimulationMetrics
  /** What each actor, tag and level got back. */
  readonly groups: SimulationGroups
  /** Rows for every day and every level some actor of the model takes part in. */
  readonly series: ReadonlyArray<SimulationDay>
  /** Every experience raised from `warmUpDays` on, with its outcome: only when `recordItems` is set. */
  readonly items?: ReadonlyArray<SimulationItem>
  /** What happened to every experience raised from `warmUpDays` on, event by event: only when `recordEvents` is set. */
  readonly eventLog?: SimulationEventLog
  /** `true` when `maxEvents` stopped the run before `days`. */
  readonly truncated: boolean
  /** Options that named nothing in the model, or that no option has, or that were not valid, and were left out (see {@link SimulationIssue}). */
  readonly issues: ReadonlyArray<SimulationIssue>
}

/** A share, or `null` of nothing. @internal */
export const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole)

const nearestRank = (sorted: Float64Array, fraction: number): number | null =>
  sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!

/** Summarise a tally into metrics, counting experiences raised from `warmUpDays` on. O(x log x) for x experiences. @internal */
export const summarise = (tally: Tally, events: number, deliveryLevel: number, warmUpDays: number, estimates: SimulationEstimates): SimulationMetrics => {
  let counted = 0
  let answered = 0
  const outcomes = [0, 0, 0, 0]
  let delivery = 0
  let deliveryReached = 0
  const times: number[] = []
  for (let x = 0; x < tally.count; x++) {
    if (tally.raisedAt[x]! < warmUpDays) continue
    counted++
    const flags = tally.flags[x]!
    if ((flags & responded) !== 0) answered++
    outcomes[tally.outcome[x]!]!++
    if (tally.outcome[x] === outcomeDid) times.push(tally.closedAt[x]! - tally.raisedAt[x]!)
    if (tally.level[x] === deliveryLevel) {
      delivery++
      if ((flags & reachedGoverning) !== 0) deliveryReached++
    }
  }
  const sorted = Float64Array.from(times).sort()
  return {
    experiencesRaised: counted,
    closureRate: share(outcomes[outcomeDid]!, counted),
    responseRate: share(answered, counted),
    heardBackRate: share(counted - outcomes[outcomeOpen]!, counted),
    decidedOnlyRate: share(outcomes[outcomeDecided]!, counted),
    heardOnlyRate: share(outcomes[outcomeHeard]!, counted),
    closureTimeMedianDays: nearestRank(sorted, 0.5),
    closureTimeP90Days: nearestRank(sorted, 0.9),
    ...estimates,
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
