import type { Model } from '../model/codecs.js'
import { levels } from '../model/vocabulary.js'
import type { Level } from '../model/vocabulary.js'
import { runEngine } from './engine.js'
import type { Intervention } from './interventions.js'
import { type SimulationIssue, prepareSimulationOptions } from './issues.js'
import { buildNetwork } from './network.js'
import { type SimulationParameters, defaultSimulationParameters } from './parameters.js'
import { type RandomSource, createRandom } from './random.js'
import { estimateClosure } from './estimates.js'
import { groupResults } from './groups.js'
import { itemRecords } from './items.js'
import { EventRecorder, defaultMaxRecordedEvents } from './event-log.js'
import { resolveBehaviour } from './resolve.js'
import { type SimulationResult, dailyRows, summarise } from './result.js'

/** The seed as a safe integer, like `days`: rounded towards 0 into range; 0 if not a finite number. */
const safeSeed = (seed: unknown): number =>
  typeof seed === 'number' && Number.isFinite(seed)
    ? Math.min(Number.MAX_SAFE_INTEGER, Math.max(-Number.MAX_SAFE_INTEGER, Math.trunc(seed))) || 0
    : 0

/** The most events a run processes unless told otherwise. @category Simulation */
export const defaultMaxEvents = 10_000_000

/**
 * The most days a run simulates (about 270 years). The daily series takes memory for
 * every day whether anything happens or not, so a longer run is cut to this with an
 * `invalid-option` issue rather than left to exhaust memory. @category Simulation
 */
export const maxSimulationDays = 100_000

/** @category Simulation */
export interface SimulationOptions {
  /**
   * Seed of the run's generator (any safe integer). Anything else is an `invalid-option`
   * issue at `/seed`, and the run uses it rounded towards 0 into the safe range (0 for
   * a value that is not a finite number); the result's `seed` is the one used.
   */
  readonly seed: number
  /**
   * Days to simulate (whole days, at most {@link maxSimulationDays}; the series has one
   * row per day and level). Anything else is an `invalid-option` issue at `/days`, and
   * the run uses it rounded down into that range (0 if negative or not finite).
   */
  readonly days: number
  readonly parameters?: SimulationParameters
  readonly interventions?: ReadonlyArray<Intervention>
  /**
   * Days at the start whose experiences the metrics leave out (default 0), while the
   * organisation fills with work in flight: a number from 0 to `days`. Anything else is
   * an `invalid-option` issue at `/warmUpDays`, and the run uses the nearest such number
   * (0 if not finite). The daily series and run totals still cover every day.
   */
  readonly warmUpDays?: number
  /** Return every experience with its outcome in `items` (default `false`: a long run raises many). */
  readonly recordItems?: boolean
  /**
   * Return what happened to every experience, event by event, in `eventLog` (default
   * `false`): raised, received over a channel, themed, decided, changed, replied. Write it
   * as an event log with `simulatedLogCsv` (`orgintel/evidence`) and measure it.
   */
  readonly recordEvents?: boolean
  /** The most events `recordEvents` keeps (default {@link defaultMaxRecordedEvents}); the log is marked truncated past it. */
  readonly maxRecordedEvents?: number
  /** Stop after this many events and mark the result `truncated` (default {@link defaultMaxEvents}). */
  readonly maxEvents?: number
  /** A generator to use instead of `createRandom(seed)`. */
  readonly random?: RandomSource
}

/**
 * Simulate how knowledge travels round an organisation, day by day: a seeded
 * discrete-event simulation over the model's active channels with the diagnosis's own
 * semantics (traced loops: the carriage and provenance of `compileTrace`, compiled once
 * per run into flat arrays).
 *
 * - **Raising.** Each actor raises *items* as a Poisson process (lay actors at
 *   `raiseRate` a day per person by default; an actor raises for every person it
 *   `represents`). An item is one of the sources the actor holds (an `experience`,
 *   `evidence` or `data` asset that derives from nothing), picked at random; an actor
 *   that holds no source raises nothing.
 * - **Travel.** An asset of an item travels only on active channels that list it in
 *   `carries` (`carries: []` carries nothing), from the actors that have it, at most
 *   `maxHops` channels from where it was raised or made. What an actor raises or makes
 *   it sends on every such channel; what it receives it passes on with probability
 *   `passOn`, to every actor it did not come from. Each actor handles each asset of an
 *   item once (again only if it comes by a better chain).
 * - **Derived assets.** An actor that has an asset of an item makes each asset it holds
 *   that derives from it (`derivedFrom`, or inferred by capability stage, as the
 *   diagnosis infers it), with a probability by the derived asset's kind (`respond`,
 *   `makeSense`, `decide`, `act`, `recordLesson`, `summarise`) after
 *   `derivationDelayDays`; the derived asset then travels on the channels that carry
 *   it. A % score counted from ratings travels where the score does, never as the
 *   comments; a reply is a `response` made from the item, and reaches the raiser only
 *   over channels that carry that response. `capacityPerDay` limits how many arrivals
 *   (other than replies) an actor handles a day (the rest wait).
 * - **Delivery.** Each message gets through with the channel's `reliability` (else it
 *   is lost) after its `latencyDays` (fixed, exponential or uniform: `latency`).
 * - **Outcome.** An item comes back when a `response` made from it reaches its raiser,
 *   or when the raiser itself makes a decision or change from it (co-production), as a
 *   traced loop closes; a reply the raiser writes itself only when made from something
 *   another actor made of the item, never from its own story alone. Its outcome is `did` when a change or experiment lies on the
 *   chain from the source to what came back, `decided` when only a decision, plan or
 *   strategy does, else `heard`: the best over everything that came back, like
 *   `TracedLoop.outcome` (with reliability 1, certain probabilities and no delays, every
 *   item of a source has its traced loop's outcome). Its loop closes with outcome `did`
 *   ({@link SimulationMetrics}).
 * - **Fatigue** (optional, off by default): people who are not heard back raise less
 *   (see {@link SimulationParameters}).
 *
 * Channel `polarity` is not read: what flows is items and what is made from them, whose
 * signs the model does not give.
 *
 * Same model, options and seed give a byte-identical result (`JSON.stringify`), in
 * Node and in browsers: every draw comes from one seeded generator and only
 * correctly rounded arithmetic touches it. O(events) expected for the event queue (a
 * calendar of day buckets, each sorted once by time with a stable radix pass; Brown
 * 1988), plus O(1) expected per derived asset made; the carriage and provenance are
 * compiled once per model object (when no channel is added), O(channels × carried
 * assets + provenance links); the whole run is bounded by `maxEvents`. Once compiled by
 * the JavaScript engine, a busy 10,000-actor, 50,000-channel organisation runs at about
 * a sixth of the rate of a bare binary-heap event loop measured in the same process
 * (`npm run bench` prints both; the first run in a process is slower).
 *
 * @example
 * {@includeCode ../../examples/simulate-repairs.ts#compare}
 * @category Simulation
 */
export const simulate = (model: Model, options: SimulationOptions): SimulationResult => {
  const prepared = prepareSimulationOptions(model, options)
  const { parameters, interventions } = prepared
  const issues: SimulationIssue[] = [...prepared.issues]
  const days = Number.isFinite(options.days) ? Math.min(maxSimulationDays, Math.max(0, Math.floor(options.days))) : 0
  if (days !== options.days) {
    issues.push({
      code: 'invalid-option',
      path: '/days',
      message: `Days must be a whole number from 0 to ${maxSimulationDays.toLocaleString('en-GB')}; ran ${days}.`,
    })
  }
  const seed = safeSeed(options.seed)
  if (seed !== options.seed) {
    issues.push({ code: 'invalid-option', path: '/seed', message: `The seed must be a whole number (a safe integer); ran with ${seed}.` })
  }
  const givenWarmUp = options.warmUpDays ?? 0
  const warmUpDays = Number.isFinite(givenWarmUp) ? Math.min(days, Math.max(0, givenWarmUp)) : 0
  if (warmUpDays !== givenWarmUp) {
    issues.push({ code: 'invalid-option', path: '/warmUpDays', message: `The warm-up must be a number of days from 0 to the run's ${days}; ran with ${warmUpDays}.` })
  }
  const network = buildNetwork(model, interventions, {
    latencyDays: parameters.defaultLatencyDays ?? defaultSimulationParameters.defaultLatencyDays,
    reliability: parameters.defaultReliability ?? defaultSimulationParameters.defaultReliability,
  }, parameters.channels)
  const behaviour = resolveBehaviour(network, parameters)
  const recorder = options.recordEvents === true ? new EventRecorder(Math.max(0, Math.floor(options.maxRecordedEvents ?? defaultMaxRecordedEvents)), warmUpDays) : undefined
  const { tally, events, truncated, endTime } = runEngine(
    network,
    behaviour,
    interventions,
    {
      days,
      maxEvents: options.maxEvents ?? defaultMaxEvents,
      maxHops: parameters.maxHops ?? defaultSimulationParameters.maxHops,
      latency: parameters.latency ?? defaultSimulationParameters.latency,
      jitter: parameters.jitter ?? defaultSimulationParameters.jitter,
      fatigue: {
        drop: parameters.fatigueDrop ?? defaultSimulationParameters.fatigueDrop,
        recovery: parameters.fatigueRecovery ?? defaultSimulationParameters.fatigueRecovery,
        patienceDays: parameters.fatiguePatienceDays ?? defaultSimulationParameters.fatiguePatienceDays,
      },
      ...(recorder === undefined ? {} : { recorder }),
    },
    options.random ?? createRandom(seed),
  )
  const used = new Set<Level>(model.actors.flatMap((actor) => actor.levels))
  const levelNames = levels.flatMap((level, index) => (used.has(level) ? [[index, level] as const] : []))
  return {
    seed,
    days,
    warmUpDays,
    metrics: summarise(tally, events, levels.indexOf('delivery'), warmUpDays, estimateClosure(tally, warmUpDays, endTime)),
    groups: groupResults(tally, network.graph, behaviour.raiseRate, network.actorLevel, warmUpDays),
    series: dailyRows(tally, levelNames),
    ...(options.recordItems === true ? { items: itemRecords(tally, network.graph, warmUpDays) } : {}),
    ...(recorder === undefined ? {} : { eventLog: recorder.toLog(network.paths, (x) => tally.level[x]!) }),
    truncated,
    issues,
  }
}
