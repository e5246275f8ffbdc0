import * as E from 'fp-ts/lib/Either.js'
import type { Intervention } from '../simulate/interventions.js'
import { type SimulationParameters, SimulationParameters as ParametersCodec } from '../simulate/parameters.js'
import { type SimulationMetrics, simulationMetricNames } from '../simulate/result.js'
import { type ExperimentError, describeValue, experimentError } from './errors.js'
import { didYouMean } from '../simulate/unknown-options.js'
import { seedOfRun } from './seeding.js'
import type { ExperimentSpec } from './spec.js'

/** A value of a varied parameter. @category Experiments */
export type ParameterValue = number | string | boolean | null

/** One run of an experiment: its position, replicate, seed and varied values (by column). @category Experiments */
export interface PlannedRun {
  readonly run: number
  readonly replicate: number
  readonly seed: number
  readonly values: ReadonlyArray<ParameterValue>
}

/** What every run shares. Plain data, so it can be sent to a worker thread. @internal */
export interface RunSettings {
  readonly days: number
  readonly maxEvents?: number
  readonly warmUpDays?: number
  readonly parameters: SimulationParameters
  readonly interventions: ReadonlyArray<Intervention>
  readonly scenarios: ReadonlyArray<readonly [string, ReadonlyArray<Intervention>]>
  readonly columns: ReadonlyArray<string>
  readonly metrics: ReadonlyArray<keyof SimulationMetrics>
}

/** The runs of an experiment, in run order, and what they share. @internal */
export interface ExperimentPlan {
  readonly settings: RunSettings
  readonly runs: ReadonlyArray<PlannedRun>
}

const scalarParameters: ReadonlySet<string> = new Set([
  'raiseRate', 'respond', 'makeSense', 'decide', 'act', 'recordLesson', 'passOn', 'capacityPerDay',
  'latency', 'jitter', 'defaultLatencyDays', 'defaultReliability', 'maxHops', 'scenario',
  'fatigueDrop', 'fatigueRecovery', 'fatiguePatienceDays',
])

/** Every combination of the grid's values, the last name varying fastest. */
const combinations = (names: ReadonlyArray<string>, values: ReadonlyArray<ReadonlyArray<ParameterValue>>): ReadonlyArray<ReadonlyArray<ParameterValue>> => {
  let result: Array<ReadonlyArray<ParameterValue>> = [[]]
  names.forEach((_, index) => {
    result = result.flatMap((prefix) => values[index]!.map((value) => [...prefix, value]))
  })
  return result
}

const checkValue = (name: string, value: ParameterValue, scenarios: ReadonlySet<string>, path: ReadonlyArray<string | number>): ReadonlyArray<ExperimentError> => {
  if (!scalarParameters.has(name)) {
    return [experimentError('invalid-spec', path, `'${name}' is not a parameter that can be varied.${didYouMean(name, scalarParameters)}`)]
  }
  if (name === 'scenario') {
    return typeof value === 'string' && scenarios.has(value)
      ? []
      : [experimentError('invalid-spec', path, `This names no scenario in \`scenarios\`.${typeof value === 'string' ? didYouMean(value, scenarios) : ''}`)]
  }
  const decoded = ParametersCodec.decode({ [name]: value })
  return E.isLeft(decoded)
    ? [experimentError('invalid-spec', path, `Not a valid value for '${name}': ${describeValue(value)}.`)]
    : []
}

/**
 * Expand a decoded spec into its runs (parameter combinations × replicates, in that
 * order), checking varied names and values. Each run's seed comes from
 * `seedOfRun` (common random numbers unless the spec turns them off). O(runs × columns).
 * @internal
 */
export const planExperiment = (spec: ExperimentSpec): E.Either<ReadonlyArray<ExperimentError>, ExperimentPlan> => {
  const scenarioNames = new Set((spec.scenarios ?? []).map((scenario) => scenario.name))
  const errors: ExperimentError[] = []
  let columns: ReadonlyArray<string> = []
  let sets: ReadonlyArray<ReadonlyArray<ParameterValue>> = [[]]
  const vary = spec.vary
  if (vary !== undefined && 'grid' in vary) {
    columns = Object.keys(vary.grid)
    const values = columns.map((name) => vary.grid[name]!)
    values.forEach((list, index) => {
      if (list.length === 0) errors.push(experimentError('invalid-spec', ['vary', 'grid', columns[index]!], 'A varied parameter needs at least one value.'))
      list.forEach((value, position) => errors.push(...checkValue(columns[index]!, value, scenarioNames, ['vary', 'grid', columns[index]!, position])))
    })
    sets = combinations(columns, values)
  } else if (vary !== undefined) {
    const names: string[] = []
    for (const entry of vary.list) for (const name of Object.keys(entry)) if (!names.includes(name)) names.push(name)
    columns = names
    sets = vary.list.map((entry, position) => {
      for (const [name, value] of Object.entries(entry)) errors.push(...checkValue(name, value, scenarioNames, ['vary', 'list', position, name]))
      return names.map((name) => (Object.prototype.hasOwnProperty.call(entry, name) ? entry[name]! : null))
    })
  }
  if (spec.warmUpDays !== undefined && spec.warmUpDays > spec.days) {
    errors.push(experimentError('invalid-spec', ['warmUpDays'], `The warm-up (${spec.warmUpDays} days) must not be longer than the run (${spec.days} days).`))
  }
  if (errors.length > 0) return E.left(errors)
  const replications = spec.replications ?? 1
  const runs: PlannedRun[] = []
  for (const values of sets) {
    const named = new Map<string, ParameterValue>()
    columns.forEach((name, index) => {
      if (values[index] !== null) named.set(name, values[index]!)
    })
    const forSeed = Object.fromEntries(named)
    for (let replicate = 0; replicate < replications; replicate++) {
      runs.push({ run: runs.length, replicate, seed: seedOfRun(spec.seed, forSeed, replicate, spec.commonRandomNumbers ?? true), values })
    }
  }
  return E.right({
    settings: {
      days: spec.days,
      ...(spec.maxEvents === undefined ? {} : { maxEvents: spec.maxEvents }),
      ...(spec.warmUpDays === undefined ? {} : { warmUpDays: spec.warmUpDays }),
      parameters: spec.parameters ?? {},
      interventions: spec.interventions ?? [],
      scenarios: (spec.scenarios ?? []).map((scenario) => [scenario.name, scenario.interventions] as const),
      columns,
      metrics: spec.metrics ?? simulationMetricNames,
    },
    runs,
  })
}
