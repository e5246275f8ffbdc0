import * as t from 'io-ts'
import { ActorKind, AssetKind } from '../model/vocabulary.js'
import { idText, nonNegativeNumber, probability } from './plain-codecs.js'

const roleProbabilities = {
  /** Chance that an actor makes a `response` it holds from an item it has that the response derives from. */
  respond: probability,
  /** The same for an `insight`. */
  makeSense: probability,
  /** The same for a `decision`, `plan` or `strategy`. */
  decide: probability,
  /** The same for a `change` or `experiment`. */
  act: probability,
  /** The same for a `lesson`. */
  recordLesson: probability,
  /** The same for an `experience`, `evidence` or `data` asset made from others (a % score counted from ratings, a summary). */
  summarise: probability,
  /** Chance that an actor passes an asset of an item on along the channels that carry it. */
  passOn: probability,
  /** Mean days an actor takes to make a derived asset from an item (drawn like a channel's latency, see `latency`). */
  derivationDelayDays: nonNegativeNumber,
}

/**
 * Overrides for one actor, by id. A role probability given here applies to the derived
 * assets of that role's kinds that the actor holds (it makes nothing it does not hold).
 * @category Simulation
 */
export const ActorParameters = t.readonly(
  t.intersection([
    t.type({ actor: idText }),
    t.partial({ raiseRate: nonNegativeNumber, capacityPerDay: nonNegativeNumber, ...roleProbabilities }),
  ]),
  'ActorParameters',
)
/** @category Simulation */
export type ActorParameters = t.TypeOf<typeof ActorParameters>

/**
 * Overrides for one channel, by id: its reliability and latency in the run, in place of
 * the model's `reliability` and `latencyDays` (what `calibrate` in `orgintel/evidence`
 * fits from records).
 * @category Simulation
 */
export const ChannelParameters = t.readonly(
  t.intersection([t.type({ channel: idText }), t.partial({ reliability: probability, latencyDays: nonNegativeNumber })]),
  'ChannelParameters',
)
/** @category Simulation */
export type ChannelParameters = t.TypeOf<typeof ChannelParameters>

/** How a channel's `latencyDays` becomes a delay. @category Simulation */
export const LatencyDistribution = t.keyof({ fixed: null, exponential: null, uniform: null }, 'LatencyDistribution')
/** @category Simulation */
export type LatencyDistribution = t.TypeOf<typeof LatencyDistribution>

const kindRates = t.partial(
  Object.fromEntries(Object.keys(ActorKind.keys).map((kind) => [kind, nonNegativeNumber])) as Record<ActorKind, typeof nonNegativeNumber>,
)

const assetKindProbabilities = t.partial(
  Object.fromEntries(Object.keys(AssetKind.keys).map((kind) => [kind, probability])) as Record<AssetKind, typeof probability>,
)
const assetKindDays = t.partial(
  Object.fromEntries(Object.keys(AssetKind.keys).map((kind) => [kind, nonNegativeNumber])) as Record<AssetKind, typeof nonNegativeNumber>,
)

/**
 * The behaviour of the people in a simulated organisation. Every field is optional;
 * {@link defaultSimulationParameters} gives the defaults. JSON-friendly, so an
 * experiment spec can hold and vary it.
 *
 * Items travel as the diagnosis traces them ([Architecture: traced loops](../../docs/architecture.md#the-model)): an actor
 * that has an asset of an item makes each derived asset it holds (one whose
 * `derivedFrom` includes it, declared or inferred by capability stage) with a
 * probability by the derived asset's kind (`respond` for a `response`, `makeSense` for
 * an `insight`, `decide` for a `decision`, `plan` or `strategy`, `act` for a `change`
 * or `experiment`, `recordLesson` for a `lesson`, `summarise` for an `experience`,
 * `evidence` or `data` made from others), after `derivationDelayDays`. Per asset kind,
 * `derivationByKind` and `derivationDelayDaysByKind` win over those; per actor,
 * `actors` wins over both. Every actor passes on. Lay actors raise items at
 * `raiseRate` a day (a Poisson process); professional actors raise none unless
 * `raiseRateByKind` or `actors` says so. Every raising rate is per person: an actor that
 * `represents` n people (a patient group, a forum) raises n times as often.
 *
 * **Feedback fatigue** (off unless `fatigueDrop` > 0): people who are not heard back
 * stop speaking up. Each experience that waits `fatiguePatienceDays` with no reply
 * multiplies its raiser's raising rate by `1 - fatigueDrop`; each first reply to one of
 * its experiences gives back `fatigueRecovery` of what it has lost.
 * @category Simulation
 */
export const SimulationParameters = t.readonly(
  t.partial({
    /** Experiences a lay actor raises per day (Poisson rate). */
    raiseRate: nonNegativeNumber,
    /** Rate per actor kind; wins over `raiseRate`. */
    raiseRateByKind: kindRates,
    ...roleProbabilities,
    /** Chance of making a derived asset, by the derived asset's kind; wins over the role probabilities above. */
    derivationByKind: assetKindProbabilities,
    /** Mean days to make a derived asset, by its kind; wins over `derivationDelayDays`. */
    derivationDelayDaysByKind: assetKindDays,
    /** Arrivals of assets other than responses an actor can handle per day; the rest wait for the next day. */
    capacityPerDay: nonNegativeNumber,
    /** How a channel's latency becomes a delay: always `latencyDays`, exponential with that mean, or uniform within ± `jitter` of it. */
    latency: LatencyDistribution,
    /** Half-width of the uniform latency, as a share of `latencyDays`. */
    jitter: probability,
    /** Latency of a channel with no `latencyDays`. */
    defaultLatencyDays: nonNegativeNumber,
    /** Reliability of a channel with no `reliability`. */
    defaultReliability: probability,
    /** Most channels an asset of an item travels from the actor who raised or made it. */
    maxHops: nonNegativeNumber,
    /**
     * Feedback fatigue: the share by which an actor's raising rate falls each time an
     * experience it raised goes `fatiguePatienceDays` without any reply reaching it.
     * 0 (the default) turns fatigue off.
     */
    fatigueDrop: probability,
    /** Feedback fatigue: the share of its lost raising rate an actor regains when a reply reaches it. */
    fatigueRecovery: probability,
    /** Feedback fatigue: days an actor waits for a reply before an experience counts as unanswered. */
    fatiguePatienceDays: nonNegativeNumber,
    /** Per-actor overrides. */
    actors: t.readonlyArray(ActorParameters),
    /** Per-channel overrides of reliability and latency. */
    channels: t.readonlyArray(ChannelParameters),
  }),
  'SimulationParameters',
)
/** @category Simulation */
export type SimulationParameters = t.TypeOf<typeof SimulationParameters>

/**
 * The defaults behind {@link SimulationParameters}: lay actors raise 0.1 items a day;
 * a derived asset is made, at once, from 80% of the items that reach its holder for a
 * response, 90% for an insight, 30% for a decision, plan or strategy, 90% for a change
 * or experiment, 50% for a lesson and every one for a summary (`summarise`);
 * everyone passes everything on; capacity is unlimited; latency is fixed at the
 * channel's `latencyDays` (1 day when absent) and reliability is 1 when absent; an
 * asset travels at most 8 channels from where it was raised or made; feedback
 * fatigue is off (when on: unanswered after 30 days, half the loss regained per reply).
 * @category Simulation
 */
export const defaultSimulationParameters = {
  raiseRate: 0.1,
  respond: 0.8,
  makeSense: 0.9,
  decide: 0.3,
  act: 0.9,
  recordLesson: 0.5,
  summarise: 1,
  passOn: 1,
  derivationDelayDays: 0,
  capacityPerDay: Number.POSITIVE_INFINITY,
  latency: 'fixed' as LatencyDistribution,
  jitter: 0.5,
  defaultLatencyDays: 1,
  defaultReliability: 1,
  maxHops: 8,
  fatigueDrop: 0,
  fatigueRecovery: 0.5,
  fatiguePatienceDays: 30,
} as const
