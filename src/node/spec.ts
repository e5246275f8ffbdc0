import * as t from 'io-ts'
import { Intervention } from '../simulate/interventions.js'
import { SimulationParameters } from '../simulate/parameters.js'
import { nonNegativeNumber } from '../simulate/plain-codecs.js'
import { simulationMetricNames } from '../simulate/result.js'
import { maxSimulationDays } from '../simulate/simulate.js'

const scalar = t.union([t.number, t.string, t.boolean], 'a number, text or true/false')

const positiveInteger = new t.Type<number, number, unknown>(
  'a whole number, 1 or more',
  (input): input is number => typeof input === 'number' && Number.isInteger(input) && input >= 1,
  (input, context) => (typeof input === 'number' && Number.isInteger(input) && input >= 1 ? t.success(input) : t.failure(input, context)),
  t.identity,
)
const safeInteger = new t.Type<number, number, unknown>(
  'a whole number',
  (input): input is number => Number.isSafeInteger(input),
  (input, context) => (Number.isSafeInteger(input) ? t.success(input as number) : t.failure(input, context)),
  t.identity,
)
const isWholeDays = (input: unknown): input is number => Number.isSafeInteger(input) && (input as number) >= 0 && (input as number) <= maxSimulationDays
const wholeDays = new t.Type<number, number, unknown>(
  `a whole number of days from 0 to ${maxSimulationDays}`,
  isWholeDays,
  (input, context) => (isWholeDays(input) ? t.success(input) : t.failure(input, context)),
  t.identity,
)

/** Names of metrics an experiment can record (the fields of `SimulationMetrics`). @category Experiments */
export const MetricName = t.keyof(Object.fromEntries(simulationMetricNames.map((name) => [name, null])) as Record<(typeof simulationMetricNames)[number], null>, 'a metric name')

/**
 * Parameters varied across runs: a full factorial `grid` (every combination of the
 * listed values, in the order written, the last name varying fastest) or an explicit
 * `list` of parameter sets. Names are top-level `SimulationParameters` fields or
 * `scenario` (a name from `scenarios`).
 * @category Experiments
 */
export const VariedParameters = t.union([
  t.type({ grid: t.record(t.string, t.readonlyArray(scalar)) }),
  t.type({ list: t.readonlyArray(t.record(t.string, scalar)) }),
], 'VariedParameters')
/** @category Experiments */
export type VariedParameters = t.TypeOf<typeof VariedParameters>

/** A named list of interventions, chosen by the `scenario` parameter. @category Experiments */
export const Scenario = t.type({ name: t.string, interventions: t.readonlyArray(Intervention) }, 'Scenario')
/** @category Experiments */
export type Scenario = t.TypeOf<typeof Scenario>

/**
 * A declarative experiment: a model (inline, or a path to a JSON file), the fixed
 * parameters, the varied parameters, replications, days and metrics, and the
 * experiment seed from which every run's seed is derived.
 * @category Experiments
 */
export const ExperimentSpec = t.intersection(
  [
    t.type({ seed: safeInteger, days: wholeDays }),
    t.partial({
      /** An `orgintel/v2` model. Give this or `modelPath`. */
      model: t.unknown,
      /**
       * Path to an `orgintel/v2` JSON file; a relative one is read from
       * `ExperimentOptions.baseDirectory` (default the working directory; `orgintel sweep`
       * uses the spec file's folder).
       */
      modelPath: t.string,
      /** Runs per parameter combination (default 1). */
      replications: positiveInteger,
      parameters: SimulationParameters,
      vary: VariedParameters,
      /** Metrics to record (default all, in `simulationMetricNames` order). */
      metrics: t.readonlyArray(MetricName),
      /** Interventions applied in every run. */
      interventions: t.readonlyArray(Intervention),
      scenarios: t.readonlyArray(Scenario),
      maxEvents: positiveInteger,
      /**
       * Common random numbers (default `true`): replicate k of every parameter
       * combination and scenario runs on the same seed, so comparisons are paired.
       * `false` gives every combination its own seeds.
       */
      commonRandomNumbers: t.boolean,
      /** Days at the start whose experiences the metrics leave out (see `SimulationOptions.warmUpDays`). */
      warmUpDays: nonNegativeNumber,
    }),
  ],
  'ExperimentSpec',
)
/** @category Experiments */
export type ExperimentSpec = t.TypeOf<typeof ExperimentSpec>
