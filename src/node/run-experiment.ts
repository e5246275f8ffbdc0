import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import * as E from 'fp-ts/lib/Either.js'
import type { Model } from '../model/codecs.js'
import { decodeModel, encodeModel, parseModel } from '../model/decode.js'
import { canonicalJson } from '../simulate/seed.js'
import { type ExperimentError, experimentError, specErrors } from './errors.js'
import { libraryVersion } from './version.js'
import { type ParameterValue, type PlannedRun, planExperiment } from './plan.js'
import { type ExperimentProgress, runPlanned } from './pool.js'
import { ExperimentSpec } from './spec.js'
import { specReferenceErrors, unknownSpecFields } from './spec-checks.js'

/** Which part of an experiment to run: runs whose number `% count === index`. @category Experiments */
export interface Shard {
  readonly index: number
  readonly count: number
}

/** @category Experiments */
export interface ExperimentOptions {
  /** Worker threads, a whole number (default: available parallelism, at most the number of runs; 0 runs in this thread). */
  readonly workers?: number
  readonly shard?: Shard
  /** Called after each run completes, with the runs done and the total. */
  readonly onProgress?: (progress: ExperimentProgress) => void
  /** Stop early; rows already yielded are complete and nothing more is yielded. */
  readonly signal?: AbortSignal
}

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

/** A prepared experiment: its manifest, and its rows (running it as they are read). @category Experiments */
export interface ExperimentRun {
  readonly manifest: ExperimentManifest
  readonly rows: AsyncIterable<ExperimentRow>
}

const loadModel = async (spec: ExperimentSpec): Promise<E.Either<ReadonlyArray<ExperimentError>, Model>> => {
  if ((spec.model === undefined) === (spec.modelPath === undefined)) {
    return E.left([experimentError('invalid-spec', [], 'Give exactly one of `model` and `modelPath`.')])
  }
  let decoded: ReturnType<typeof decodeModel>
  if (spec.modelPath !== undefined) {
    let text: string
    try {
      text = await readFile(spec.modelPath, 'utf8')
    } catch {
      return E.left([experimentError('unreadable-file', ['modelPath'], 'The model file cannot be read.')])
    }
    decoded = parseModel(text)
  } else {
    decoded = decodeModel(spec.model)
  }
  const prefix = spec.modelPath !== undefined ? '/modelPath' : '/model'
  return E.isLeft(decoded)
    ? E.left(decoded.left.map((error) => ({ code: 'invalid-model' as const, path: prefix + error.path, message: error.message })))
    : E.right(decoded.right)
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
 * for a misspelt name, a "did you mean"),
 * load the model, plan the runs and pick this shard's. Reading `rows` runs the
 * simulations on worker threads and yields tidy rows in run order, so the bytes
 * written never depend on the worker count, and shard outputs merge to the unsharded
 * output exactly.
 * @example
 * {@includeCode ../../examples/calibrate-ward.ts#sweep}
 * @category Experiments
 */
export const runExperiment = async (spec: unknown, options: ExperimentOptions = {}): Promise<E.Either<ReadonlyArray<ExperimentError>, ExperimentRun>> => {
  const decoded = ExperimentSpec.decode(spec)
  const unknown = unknownSpecFields(ExperimentSpec, spec)
  if (E.isLeft(decoded) || unknown.length > 0) return E.left([...(E.isLeft(decoded) ? specErrors(decoded.left) : []), ...unknown])
  const shard = options.shard ?? { index: 0, count: 1 }
  const optionErrors: ExperimentError[] = []
  if (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    optionErrors.push(experimentError('invalid-spec', [], `A shard needs 0 ≤ index < count; got ${shard.index} of ${shard.count}.`))
  }
  // The CLI's --workers takes the same values: a fraction or a negative count has no meaning.
  if (options.workers !== undefined && !(Number.isSafeInteger(options.workers) && options.workers >= 0)) {
    optionErrors.push(experimentError('invalid-spec', [], `\`workers\` must be a whole number, 0 or more (0 runs in this thread); got ${String(options.workers)}.`))
  }
  if (optionErrors.length > 0) return E.left(optionErrors)
  const model = await loadModel(decoded.right)
  if (E.isLeft(model)) return model
  const plan = planExperiment(decoded.right)
  const references = specReferenceErrors(model.right, decoded.right)
  if (E.isLeft(plan) || references.length > 0) return E.left([...(E.isLeft(plan) ? plan.left : []), ...references])
  const { settings, runs } = plan.right
  const { model: _inline, modelPath: _path, ...rest } = decoded.right
  const specHash = createHash('sha256').update(canonicalJson({ ...rest, model: encodeModel(model.right) })).digest('hex')
  const mine = runs.filter((run) => run.run % shard.count === shard.index)
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
    runs: mine.map(({ run, replicate, seed }) => ({ run, replicate, seed })),
  }
  const workers = options.workers ?? Math.min(availableParallelism(), mine.length)
  const rows: AsyncIterable<ExperimentRow> = {
    async *[Symbol.asyncIterator]() {
      const outcomes = runPlanned(model.right, settings, mine, {
        workers,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      })
      for await (const { run, values } of outcomes) yield* toRows(settings.columns, settings.metrics, run, values)
    },
  }
  return E.right({ manifest, rows })
}
