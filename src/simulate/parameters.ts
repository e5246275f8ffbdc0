import * as t from 'io-ts'
import { ActorKind } from '../model/vocabulary.js'
import { idText, nonNegativeNumber, probability } from './plain-codecs.js'

const roleProbabilities = {
  /** Chance that a responder answers an experience it hears of. */
  respond: probability,
  /** Chance that a sensemaker turns an experience into insight. */
  makeSense: probability,
  /** Chance that a decider decides a change because of an experience. */
  decide: probability,
  /** Chance that an actor who makes changes acts on a decision it receives. */
  act: probability,
  /** Chance that a keeper of lessons records one. */
  recordLesson: probability,
  /** Chance that an actor passes an experience or decision on along its channels. */
  passOn: probability,
}

/**
 * Overrides for one actor, by id. A role probability given here applies even when the
 * actor holds no asset of the kind that would otherwise give it the role.
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

/**
 * The behaviour of the people in a simulated organisation. Every field is optional;
 * {@link defaultSimulationParameters} gives the defaults. JSON-friendly, so an
 * experiment spec can hold and vary it.
 *
 * Roles follow the assets an actor holds ([Architecture: the model](../../docs/architecture.md#the-model)): a holder of a `response`
 * asset responds, of an `insight` makes sense, of a `decision`, `plan` or `strategy`
 * decides, of a `change` acts, of a `lesson` records lessons. Every actor passes on.
 * Lay actors raise experiences at `raiseRate` a day (a Poisson process); professional
 * actors raise none unless `raiseRateByKind` or `actors` says so. Every raising rate is
 * per person: an actor that `represents` n people (a patient group, a forum) raises n
 * times as often.
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
    /** Stories and decisions an actor can handle per day; the rest wait for the next day. */
    capacityPerDay: nonNegativeNumber,
    /** How a channel's latency becomes a delay: always `latencyDays`, exponential with that mean, or uniform within ± `jitter` of it. */
    latency: LatencyDistribution,
    /** Half-width of the uniform latency, as a share of `latencyDays`. */
    jitter: probability,
    /** Latency of a channel with no `latencyDays`. */
    defaultLatencyDays: nonNegativeNumber,
    /** Reliability of a channel with no `reliability`. */
    defaultReliability: probability,
    /** Most channels a story or decision travels from the actor who raised it, and the longest route a reply can take. */
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
 * The defaults behind {@link SimulationParameters}: lay actors raise 0.1 experiences a
 * day; responders answer 80% of what they hear, sensemakers make sense of 90%, deciders
 * decide a change for 30%, doers act on 90% of decisions, lesson keepers record 50%;
 * everyone passes everything on; capacity is unlimited; latency is fixed at the
 * channel's `latencyDays` (1 day when absent) and reliability is 1 when absent; stories
 * travel at most 8 channels and replies take routes of at most 8 channels; feedback
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
  passOn: 1,
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
