import type { Shard } from './run-experiment.js'

const wholeNumber = (text: string | undefined): number | undefined => {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined
  return Number(text.trim())
}

/**
 * The shard a batch scheduler has given this process, from its environment:
 * Slurm job arrays (`SLURM_ARRAY_TASK_ID`, less `SLURM_ARRAY_TASK_MIN`, of
 * `SLURM_ARRAY_TASK_COUNT`), Kubernetes Indexed Jobs (`JOB_COMPLETION_INDEX`) and AWS
 * Batch array jobs (`AWS_BATCH_JOB_ARRAY_INDEX`). Kubernetes and AWS do not put the
 * number of shards in the environment, so pass `count` (Slurm's wins when present).
 * `undefined` when no scheduler variable is set or the index is out of range.
 * @example
 * ```ts
 * const shard = shardFromEnvironment(process.env, { count: 8 })
 * ```
 * @category Experiments
 */
export const shardFromEnvironment = (
  environment: Readonly<Record<string, string | undefined>>,
  options: { readonly count?: number } = {},
): Shard | undefined => {
  const slurm = wholeNumber(environment['SLURM_ARRAY_TASK_ID'])
  let index: number | undefined
  let count = options.count
  if (slurm !== undefined) {
    index = slurm - (wholeNumber(environment['SLURM_ARRAY_TASK_MIN']) ?? 0)
    count = wholeNumber(environment['SLURM_ARRAY_TASK_COUNT']) ?? count
  } else {
    index = wholeNumber(environment['JOB_COMPLETION_INDEX']) ?? wholeNumber(environment['AWS_BATCH_JOB_ARRAY_INDEX'])
  }
  if (index === undefined || count === undefined || !Number.isInteger(count) || count < 1 || index < 0 || index >= count) return undefined
  return { index, count }
}
