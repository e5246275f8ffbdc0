import * as E from 'fp-ts/lib/Either.js'
import type { Intervention } from '../simulate/interventions.js'
import { type SimulationParameters, SimulationParameters as ParametersCodec } from '../simulate/parameters.js'
import { type SimulationMetrics, simulationMetricNames } from '../simulate/result.js'
import { type ExperimentError, describeValue, experimentError } from './errors.js'
import { didYouMeanOrList } from '../simulate/unknown-options.js'
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

/**
 * A list of planned runs computed on demand: `at(position)` builds the run at that
 * position (0 ≤ position < length), so a plan never holds its runs in memory. @internal
 */
export interface RunList {
  readonly length: number
  at(position: number): PlannedRun
}

/** The runs of an experiment, in run order, and what they share. @internal */
export interface ExperimentPlan {
  readonly settings: RunSettings
  readonly runs: RunList
}

/**
 * The most runs an experiment may have (1,000,000): each run needs a line in the
 * manifest, and planning one takes a few microseconds, so a larger spec is refused
 * with its count before anything is planned. Split a larger study into several specs.
 * @category Experiments
 */
export const maxExperimentRuns = 1_000_000

const scalarParameters: ReadonlySet<string> = new Set([
  'raiseRate', 'respond', 'makeSense', 'decide', 'act', 'recordLesson', 'summarise', 'passOn', 'derivationDelayDays', 'capacityPerDay',
  'latency', 'jitter', 'defaultLatencyDays', 'defaultReliability', 'maxHops', 'scenario',
  'fatigueDrop', 'fatigueRecovery', 'fatiguePatienceDays',
])

/** The parameter set at `index` of a full factorial grid, the last name varying fastest (mixed radix). */
const gridSetAt = (lists: ReadonlyArray<ReadonlyArray<ParameterValue>>, index: number): ReadonlyArray<ParameterValue> => {
  const values = new Array<ParameterValue>(lists.length)
  let rest = index
  for (let column = lists.length - 1; column >= 0; column--) {
    const list = lists[column]!
    values[column] = list[rest % list.length]!
    rest = Math.floor(rest / list.length)
  }
  return values
}

const checkValue = (name: string, value: ParameterValue, scenarios: ReadonlySet<string>, path: ReadonlyArray<string | number>): ReadonlyArray<ExperimentError> => {
  if (!scalarParameters.has(name)) {
    return [experimentError('invalid-spec', path, `'${name}' is not a parameter that can be varied.${didYouMeanOrList(name, scalarParameters)}`)]
  }
  if (name === 'scenario') {
    return typeof value === 'string' && scenarios.has(value)
      ? []
      : [experimentError('invalid-spec', path, `This names no scenario in \`scenarios\`.${typeof value === 'string' ? didYouMeanOrList(value, scenarios) : ''}`)]
  }
  const decoded = ParametersCodec.decode({ [name]: value })
  return E.isLeft(decoded)
    ? [experimentError('invalid-spec', path, `Not a valid value for '${name}': ${describeValue(value)}.`)]
    : []
}

/**
 * Every varied name and value that a spec cannot run (a name no parameter has, a
 * scenario that `scenarios` does not name, a value out of range, a grid entry with no
 * values), with "did you mean" or the valid names, and a warm-up longer than the run.
 * Checks the parts of a spec that decoded, so these errors come in the same pass as
 * the shape errors of the other parts. O(size of `vary`).
 * @internal
 */
export const planErrors = (
  spec: Partial<Pick<ExperimentSpec, 'vary' | 'days' | 'warmUpDays'>>,
  scenarioNames: ReadonlySet<string>,
): ReadonlyArray<ExperimentError> => {
  const errors: ExperimentError[] = []
  const vary = spec.vary
  if (vary !== undefined && 'grid' in vary) {
    for (const [name, list] of Object.entries(vary.grid)) {
      if (list.length === 0) errors.push(experimentError('invalid-spec', ['vary', 'grid', name], 'A varied parameter needs at least one value.'))
      list.forEach((value, position) => errors.push(...checkValue(name, value, scenarioNames, ['vary', 'grid', name, position])))
    }
  } else if (vary !== undefined) {
    vary.list.forEach((entry, position) => {
      for (const [name, value] of Object.entries(entry)) errors.push(...checkValue(name, value, scenarioNames, ['vary', 'list', position, name]))
    })
  }
  if (spec.warmUpDays !== undefined && spec.days !== undefined && spec.warmUpDays > spec.days) {
    errors.push(experimentError('invalid-spec', ['warmUpDays'], `The warm-up (${spec.warmUpDays} days) must not be longer than the run (${spec.days} days).`))
  }
  return errors
}

/** The parameter sets a spec varies over: a count, and the set at each index. */
interface ParameterSets {
  readonly columns: ReadonlyArray<string>
  readonly count: bigint
  at(index: number): ReadonlyArray<ParameterValue>
}

const parameterSets = (vary: ExperimentSpec['vary']): ParameterSets => {
  if (vary !== undefined && 'grid' in vary) {
    const columns = Object.keys(vary.grid)
    const lists = columns.map((name) => vary.grid[name]!)
    const count = lists.reduce((product, list) => product * BigInt(list.length), 1n)
    return { columns, count, at: (index) => gridSetAt(lists, index) }
  }
  if (vary !== undefined) {
    const names: string[] = []
    for (const entry of vary.list) for (const name of Object.keys(entry)) if (!names.includes(name)) names.push(name)
    const sets = vary.list.map((entry) => names.map((name) => (Object.prototype.hasOwnProperty.call(entry, name) ? entry[name]! : null)))
    return { columns: names, count: BigInt(sets.length), at: (index) => sets[index]! }
  }
  return { columns: [], count: 1n, at: () => [] }
}

/**
 * Plan a decoded spec's runs (parameter sets × replicates, in that order), checking
 * varied names and values and the number of runs ({@link maxExperimentRuns} at most),
 * without listing them: the run at a position is computed when asked for. Each run's
 * seed comes from `seedOfRun` (common random numbers unless the spec turns them off).
 * O(size of the spec); each run O(columns).
 * @internal
 */
export const planExperiment = (spec: ExperimentSpec): E.Either<ReadonlyArray<ExperimentError>, ExperimentPlan> => {
  const errors = planErrors(spec, new Set((spec.scenarios ?? []).map((scenario) => scenario.name)))
  if (errors.length > 0) return E.left(errors)
  const sets = parameterSets(spec.vary)
  const replications = spec.replications ?? 1
  const total = sets.count * BigInt(replications)
  if (total > BigInt(maxExperimentRuns)) {
    const factors = sets.count === 1n ? '' : ` (${sets.count.toLocaleString('en-GB')} parameter sets × ${replications.toLocaleString('en-GB')} replication${replications === 1 ? '' : 's'})`
    return E.left([
      experimentError(
        'invalid-spec',
        [],
        `The spec has ${total.toLocaleString('en-GB')} runs${factors}, more than the ${maxExperimentRuns.toLocaleString('en-GB')} an experiment may have; split it into several specs.`,
      ),
    ])
  }
  const { columns } = sets
  const at = (position: number): PlannedRun => {
    const replicate = position % replications
    const values = sets.at(Math.floor(position / replications))
    const named: Record<string, ParameterValue> = {}
    columns.forEach((name, index) => {
      if (values[index] !== null) named[name] = values[index]!
    })
    return { run: position, replicate, seed: seedOfRun(spec.seed, named, replicate, spec.commonRandomNumbers ?? true), values }
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
    runs: { length: Number(total), at },
  })
}
