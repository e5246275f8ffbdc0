import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { unwrapCodec } from '../../model/codec-words.js'
import { SimulationParameters } from '../../simulate/parameters.js'
import { nonNegativeNumber, probability } from '../../simulate/plain-codecs.js'
import { createRandom } from '../../simulate/random.js'
import { didYouMean } from '../../simulate/unknown-options.js'
import { type ExperimentError, experimentError, specErrors } from '../errors.js'
import { type ExperimentOptions, type ExperimentRow, runExperiment } from '../run-experiment.js'
import { unknownSpecFields } from '../spec-checks.js'
import { type MorrisDesign, type MorrisEffect, type ParameterRange, morrisDesign, morrisEffects } from './morris.js'
import { type SobolDesign, type SobolIndex, sobolDesign, sobolIndices } from './sobol.js'
import { SensitivitySpec } from './spec.js'

/** The simulation parameters a sensitivity analysis can vary: every numeric top-level field. */
const numericParameters: ReadonlyArray<string> = Object.entries((unwrapCodec(SimulationParameters) as t.PartialType<t.Props>).props)
  .filter(([, codec]) => codec === nonNegativeNumber || codec === probability)
  .map(([name]) => name)

/** A planned sensitivity analysis: its design and the experiment that runs it. @category Sensitivity */
export interface SensitivityPlan {
  readonly spec: SensitivitySpec
  readonly design: MorrisDesign | SobolDesign
  /** An experiment spec (`vary.list` holds the design's points) for `runExperiment`, `orgintel sweep` and `merge`. */
  readonly experiment: Readonly<Record<string, unknown>>
}

/** What one metric's analysis found (`null` where an index could not be estimated). @category Sensitivity */
export interface SensitivityOfMetric {
  readonly metric: string
  readonly parameters: ReadonlyArray<{
    readonly parameter: string
    /** Morris: mean, mean absolute and standard deviation of the elementary effects, per unit of range. */
    readonly mu?: number | null
    readonly muStar?: number | null
    readonly sigma?: number | null
    /** Sobol: first-order and total indices. */
    readonly firstOrder?: number | null
    readonly total?: number | null
  }>
}

/** The result of a sensitivity analysis. @category Sensitivity */
export interface SensitivityResult {
  readonly format: 'orgintel-sensitivity/v1'
  readonly method: SensitivitySpec['method']
  readonly seed: number
  readonly points: number
  readonly runs: number
  readonly metrics: ReadonlyArray<SensitivityOfMetric>
}

/**
 * Check a sensitivity spec and lay out its design: the ranges must name numeric
 * simulation parameters (with a "did you mean"), with `min < max` and both valid
 * values; the design's draws come from the library's generator seeded with the spec's
 * seed. Errors have JSON Pointer paths. O(design points × parameters).
 * @category Sensitivity
 */
export const planSensitivity = (input: unknown): E.Either<ReadonlyArray<ExperimentError>, SensitivityPlan> => {
  const decoded = SensitivitySpec.decode(input)
  const unknown = unknownSpecFields(SensitivitySpec, input)
  if (E.isLeft(decoded) || unknown.length > 0) return E.left([...(E.isLeft(decoded) ? specErrors(decoded.left) : []), ...unknown])
  const spec = decoded.right
  const errors: ExperimentError[] = []
  const ranges: ParameterRange[] = Object.entries(spec.ranges).map(([name, { min, max }]) => ({ name, min, max }))
  for (const { name, min, max } of ranges) {
    if (!numericParameters.includes(name)) {
      errors.push(experimentError('invalid-spec', ['ranges', name], `'${name}' is not a numeric parameter that can be varied.${didYouMean(name, numericParameters)}`))
    } else if (!(min < max) || E.isLeft(SimulationParameters.decode({ [name]: min })) || E.isLeft(SimulationParameters.decode({ [name]: max }))) {
      errors.push(experimentError('invalid-spec', ['ranges', name], `The range of '${name}' needs min < max, both valid values of it.`))
    }
  }
  if (ranges.length === 0) errors.push(experimentError('invalid-spec', ['ranges'], 'Name at least one parameter to vary.'))
  const levels = spec.levels ?? 4
  if (spec.method === 'morris' && levels % 2 !== 0) errors.push(experimentError('invalid-spec', ['levels'], 'Morris levels must be an even number.'))
  if (errors.length > 0) return E.left(errors)
  const random = createRandom(spec.seed)
  const design = spec.method === 'morris' ? morrisDesign(ranges, spec.samples ?? 10, levels, random) : sobolDesign(ranges, spec.samples ?? 256, random)
  const { method: _method, ranges: _ranges, samples: _samples, levels: _levels, ...experiment } = spec
  const list = design.points.map((point) => Object.fromEntries(ranges.map((range, i) => [range.name, point[i]!])))
  return E.right({ spec, design, experiment: { ...experiment, vary: { list }, commonRandomNumbers: true } })
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null)

/**
 * The indices of a planned analysis from its experiment's rows (from `runExperiment`,
 * or read back from a merged `orgintel sweep` file): each design point's output is the
 * mean of its replicates; a `null` value leaves its steps or rows out. O(rows).
 * @category Sensitivity
 */
export const analyseSensitivity = (plan: SensitivityPlan, rows: Iterable<ExperimentRow>): SensitivityResult => {
  const replications = plan.spec.replications ?? 1
  const points = plan.design.points.length
  const sums = new Map<string, { readonly total: Float64Array; readonly count: Float64Array }>()
  let runs = 0
  for (const row of rows) {
    let entry = sums.get(row.metric)
    if (entry === undefined) sums.set(row.metric, (entry = { total: new Float64Array(points), count: new Float64Array(points) }))
    const point = Math.floor(row.run / replications)
    if (row.value !== null && point < points) {
      entry.total[point]! += row.value
      entry.count[point]!++
    }
    runs = Math.max(runs, row.run + 1)
  }
  const metrics = [...sums].map(([metric, { total, count }]) => {
    const outputs = Array.from(total, (sum, point) => (count[point]! > 0 ? sum / count[point]! : Number.NaN))
    const parameters =
      plan.spec.method === 'morris'
        ? morrisEffects(plan.design as MorrisDesign, outputs).map((effect: MorrisEffect) => ({
            parameter: effect.parameter, mu: finiteOrNull(effect.mu), muStar: finiteOrNull(effect.muStar), sigma: finiteOrNull(effect.sigma),
          }))
        : sobolIndices(plan.design as SobolDesign, outputs).map((index: SobolIndex) => ({
            parameter: index.parameter, firstOrder: finiteOrNull(index.firstOrder), total: finiteOrNull(index.total),
          }))
    return { metric, parameters }
  })
  return { format: 'orgintel-sensitivity/v1', method: plan.spec.method, seed: plan.spec.seed, points, runs, metrics }
}

/**
 * Run a sensitivity analysis (see {@link SensitivitySpec}): plan its design, run every
 * point through `runExperiment` (the same worker threads, progress and abort as a
 * sweep; every point on the same seeds), and estimate Morris effects or Sobol indices
 * for each metric. A bad spec is a `Left` of errors with paths. After an abort the
 * result covers only the runs done, so check `runs`.
 * @category Sensitivity
 */
export const runSensitivity = async (input: unknown, options: Omit<ExperimentOptions, 'shard'> = {}): Promise<E.Either<ReadonlyArray<ExperimentError>, SensitivityResult>> => {
  const plan = planSensitivity(input)
  if (E.isLeft(plan)) return plan
  const prepared = await runExperiment(plan.right.experiment, options)
  if (E.isLeft(prepared)) return prepared
  const rows: ExperimentRow[] = []
  for await (const row of prepared.right.rows) rows.push(row)
  return E.right(analyseSensitivity(plan.right, rows))
}
