import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import * as E from 'fp-ts/lib/Either.js'
import { encodeModel } from '../model/decode.js'
import { isPlainObject } from '../model/unknown-fields.js'
import { canonicalJson } from '../simulate/seed.js'
import { type ExperimentError, experimentError } from './errors.js'
import { libraryVersion } from './version.js'
import { type ParameterValue, type PlannedRun, type RunList, planErrors, planExperiment } from './plan.js'
import { type ExperimentProgress, runPlanned } from './pool.js'
import { ExperimentSpec } from './spec.js'
import { decodedScenarios, scenarioNamesOf, specParts, specReferenceErrors, specShapeErrors, unknownSpecFields } from './spec-checks.js'
import { loadSpecModel } from './spec-model.js'

/** Which part of an experiment to run: runs whose number `% count === index`. @category Experiments */
export interface Shard {
  readonly index: number
  readonly count: number
}

/** @category Experiments */
export interface ExperimentOptions {
  /**
   * Worker threads, a whole number (0 runs in this thread). At most the processor cores
   * available (`availableParallelism()`) and the number of runs are started; the default
   * is that many.
   */
  readonly workers?: number
  readonly shard?: Shard
  /**
   * The folder a relative `modelPath` is read from (default: the working directory).
   * `orgintel sweep` passes the spec file's folder, so a spec and its model move together.
   */
  readonly baseDirectory?: string
  /** Called after each run completes, with the runs done and the total. */
  readonly onProgress?: (progress: ExperimentProgress) => void
  /** Stop early (also while planning); rows already yielded are complete and nothing more is yielded. */
  readonly signal?: AbortSignal
}

/**
 * A run that did not finish: its position, replicate and seed, its varied parameters
 * by name, and why (the error's message, or that its worker thread died twice).
 * @category Experiments
 */
export interface RunFailure {
  readonly run: number
  readonly replicate: number
  readonly seed: number
  readonly parameters: Readonly<Record<string, ParameterValue>>
  readonly reason: string
}

/** What one run gave: its tidy rows, or why it failed. @category Experiments */
export type RunResult =
  | { readonly _tag: 'completed'; readonly rows: ReadonlyArray<ExperimentRow> }
  | { readonly _tag: 'failed'; readonly failure: RunFailure }

/**
 * One tidy long row: a run, its replicate and seed, the varied parameters as columns,
 * one metric and its value (`null` where the metric is undefined for the run).
 * @category Experiments
 */
export interface ExperimentRow {
  readonly run: number
  readonly replicate: number
  readonly seed: number
  readonly metric: string
  readonly value: number | null
  readonly [column: string]: ParameterValue
}

/**
 * What describes a set of result rows: the library version, a hash of the spec and
 * model, the experiment seed and whether runs share seeds across combinations (common
 * random numbers), the columns and metrics, the shard and its runs' seeds.
 * It holds no clock time, so equal experiments have equal manifests.
 * @category Experiments
 */
export interface ExperimentManifest {
  readonly format: 'orgintel-experiment/v1'
  readonly library: string
  readonly version: string
  readonly specHash: string
  readonly seed: number
  /** Whether replicate k of every combination ran on the same seed (paired comparisons). */
  readonly commonRandomNumbers: boolean
  readonly columns: ReadonlyArray<string>
  readonly metrics: ReadonlyArray<string>
  readonly shard: Shard
  readonly totalRuns: number
  readonly runs: ReadonlyArray<{ readonly run: number; readonly replicate: number; readonly seed: number }>
}

/**
 * A prepared experiment: its manifest, and its rows (running it as they are read; a run
 * that fails gives no rows), or its results run by run, failures included.
 * @category Experiments
 */
export interface ExperimentRun {
  readonly manifest: ExperimentManifest
  readonly rows: AsyncIterable<ExperimentRow>
  readonly results: AsyncIterable<RunResult>
}

const parametersOf = (columns: ReadonlyArray<string>, run: PlannedRun): Readonly<Record<string, ParameterValue>> => {
  const parameters: Record<string, ParameterValue> = {}
  columns.forEach((column, position) => {
    const value = run.values[position]
    if (value !== null && value !== undefined) parameters[column] = value
  })
  return parameters
}

/** Runs listed in a manifest between two looks at the abort signal while planning. */
const runsPerTurn = 4096

/** This shard's runs as the manifest lists them, built in slices so that an abort is seen while planning. */
const listShardRuns = async (runs: RunList, signal: AbortSignal | undefined): Promise<ExperimentManifest['runs'] | undefined> => {
  const listed: Array<ExperimentManifest['runs'][number]> = []
  for (let position = 0; position < runs.length; position++) {
    if (position % runsPerTurn === 0) {
      await new Promise((resolve) => setImmediate(resolve))
      if (signal?.aborted === true) return undefined
    }
    const { run, replicate, seed } = runs.at(position)
    listed.push({ run, replicate, seed })
  }
  return listed
}

const toRows = (columns: ReadonlyArray<string>, metrics: ReadonlyArray<string>, run: PlannedRun, values: ReadonlyArray<number | null>): ReadonlyArray<ExperimentRow> =>
  metrics.map((metric, index) => {
    const row: Record<string, ParameterValue> = { run: run.run, replicate: run.replicate, seed: run.seed }
    columns.forEach((column, position) => {
      row[column] = run.values[position] ?? null
    })
    row['metric'] = metric
    row['value'] = values[index] ?? null
    return row as ExperimentRow
  })

/**
 * Prepare an experiment from a declarative spec (see {@link ExperimentSpec}): check it
 * (a bad spec, shard or worker count, a field no spec has, or an actor, channel or
 * asset the model does not have is a `Left` of errors with JSON Pointer paths and,
 * for a misspelt name, a "did you mean" or the valid names; all of them in one pass),
 * load the model (a relative `modelPath` from `options.baseDirectory`), plan the runs and pick this shard's. Reading `rows` runs the
 * simulations on worker threads and yields tidy rows in run order, so the bytes
 * written never depend on the worker count, and shard outputs merge to the unsharded
 * output exactly.
 * @example
 * {@includeCode ../../examples/calibrated-sweep.ts#sweep}
 * @category Experiments
 */
export const runExperiment = async (spec: unknown, options: ExperimentOptions = {}): Promise<E.Either<ReadonlyArray<ExperimentError>, ExperimentRun>> => {
  // Every check runs on the parts of the spec that decoded, so all errors come in one pass.
  const decoded = ExperimentSpec.decode(spec)
  const parts = specParts(spec)
  const errors: ExperimentError[] = [...(E.isLeft(decoded) ? specShapeErrors(decoded.left, spec) : []), ...unknownSpecFields(ExperimentSpec, spec)]
  const shard = options.shard ?? { index: 0, count: 1 }
  if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    errors.push(experimentError('invalid-spec', [], `A shard needs 0 ≤ index < count; got ${shard.index} of ${shard.count}.`))
  }
  // The CLI's --workers takes the same values: a fraction or a negative count has no meaning.
  if (options.workers !== undefined && !(Number.isSafeInteger(options.workers) && options.workers >= 0)) {
    errors.push(experimentError('invalid-spec', [], `\`workers\` must be a whole number, 0 or more (0 runs in this thread); got ${String(options.workers)}.`))
  }
  errors.push(...planErrors(parts, scenarioNamesOf(spec)))
  // A model or path that is there but of the wrong shape has its shape error already.
  const named = isPlainObject(spec) && (Object.hasOwn(spec, 'model') || Object.hasOwn(spec, 'modelPath'))
  const shapeless = !isPlainObject(spec) || (named && parts.model === undefined && parts.modelPath === undefined)
  const model = shapeless ? undefined : loadSpecModel(parts, options.baseDirectory)
  if (model !== undefined && E.isLeft(model)) errors.push(...model.left)
  if (model !== undefined && E.isRight(model)) errors.push(...specReferenceErrors(model.right, { ...parts, scenarios: decodedScenarios(spec) }))
  if (errors.length > 0 || E.isLeft(decoded) || model === undefined || E.isLeft(model)) return E.left(errors)
  const plan = planExperiment(decoded.right)
  if (E.isLeft(plan)) return plan
  const { settings, runs } = plan.right
  const { model: _inline, modelPath: _path, ...rest } = decoded.right
  const specHash = createHash('sha256').update(canonicalJson({ ...rest, model: encodeModel(model.right) })).digest('hex')
  // This shard's runs are those whose number is `index` modulo `count`.
  const mine: RunList = {
    length: Math.max(0, Math.ceil((runs.length - shard.index) / shard.count)),
    at: (position) => runs.at(shard.index + position * shard.count),
  }
  const listed = await listShardRuns(mine, options.signal)
  if (listed === undefined) return E.left([experimentError('stopped', [], 'Stopped while planning the runs.')])
  const manifest: ExperimentManifest = {
    format: 'orgintel-experiment/v1',
    library: 'orgintel',
    version: libraryVersion,
    specHash,
    seed: decoded.right.seed,
    commonRandomNumbers: decoded.right.commonRandomNumbers ?? true,
    columns: settings.columns,
    metrics: settings.metrics,
    shard: { index: shard.index, count: shard.count },
    totalRuns: runs.length,
    runs: listed,
  }
  const workers = Math.min(options.workers ?? Number.POSITIVE_INFINITY, availableParallelism(), mine.length)
  const results: AsyncIterable<RunResult> = {
    async *[Symbol.asyncIterator]() {
      const outcomes = runPlanned(model.right, settings, mine, {
        workers,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      })
      for await (const outcome of outcomes) {
        const { run } = outcome
        yield 'failure' in outcome
          ? { _tag: 'failed', failure: { run: run.run, replicate: run.replicate, seed: run.seed, parameters: parametersOf(settings.columns, run), reason: outcome.failure } }
          : { _tag: 'completed', rows: toRows(settings.columns, settings.metrics, run, outcome.values) }
      }
    },
  }
  const rows: AsyncIterable<ExperimentRow> = {
    async *[Symbol.asyncIterator]() {
      for await (const result of results) if (result._tag === 'completed') yield* result.rows
    },
  }
  return E.right({ manifest, rows, results })
}
