/**
 * orgintel/node: experiments on worker threads, shards and result files. Node only.
 * @packageDocumentation
 * @module orgintel/node
 */
export type { ExperimentError } from './errors.js'
export { mergeRuns, writeRuns } from './files.js'
export type { MergeOptions, WrittenRuns } from './files.js'
export { csvHeader, formatOfPath, manifestPathOf, toCsvLine, toJsonLine } from './formats.js'
export type { ManifestFile, RowFormat } from './formats.js'
export { maxExperimentRuns } from './plan.js'
export type { ParameterValue, PlannedRun } from './plan.js'
export type { ExperimentProgress } from './pool.js'
export { runExperiment } from './run-experiment.js'
export type { ExperimentManifest, ExperimentOptions, ExperimentRow, ExperimentRun, RunFailure, RunResult, Shard } from './run-experiment.js'
export { defaultMaxInputBytes } from './read-text.js'
export { shardFromEnvironment } from './shard.js'
export { ExperimentSpec, MetricName, Scenario, VariedParameters } from './spec.js'
export { libraryVersion } from './version.js'
export { morrisDesign, morrisEffects } from './sensitivity/morris.js'
export type { MorrisDesign, MorrisEffect, ParameterRange } from './sensitivity/morris.js'
export { sobolDesign, sobolIndices } from './sensitivity/sobol.js'
export type { SobolDesign, SobolIndex } from './sensitivity/sobol.js'
export { ParameterBounds, SensitivityMethod, SensitivitySpec } from './sensitivity/spec.js'
export { analyseSensitivity, planSensitivity, runSensitivity } from './sensitivity/run.js'
export type { SensitivityOfMetric, SensitivityPlan, SensitivityResult } from './sensitivity/run.js'
