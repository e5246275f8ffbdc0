import type { Shard } from '../node/run-experiment.js'
import { shardFromEnvironment } from '../node/shard.js'
import { parseWholeNumber } from './args.js'
import { quoteArgument, usageFailure } from './failure.js'

/** Where this process's shard came from, for the message that names it. @internal */
export interface ChosenShard {
  readonly shard: Shard | undefined
  readonly source: 'flag' | 'environment' | 'none'
}

const checked = (index: number, count: number, text: string): Shard => {
  if (count < 1 || index >= count) throw usageFailure(`--shard needs 0 ≤ i < n (got ${quoteArgument(text, 20)})`)
  return { index, count }
}

/**
 * The shard to run: `--shard i/n` (runs whose number is i modulo n); `--shard auto/n`
 * or `--shard auto` takes the index from a batch scheduler's environment (Slurm job
 * arrays, Kubernetes Indexed Jobs, AWS Batch array jobs; see `shardFromEnvironment`);
 * without the flag a Slurm job array is still recognised. @internal
 */
export const chooseShard = (text: string | undefined, environment: Readonly<Record<string, string | undefined>>): ChosenShard => {
  if (text === undefined) {
    const shard = shardFromEnvironment(environment)
    return shard === undefined ? { shard: undefined, source: 'none' } : { shard, source: 'environment' }
  }
  const match = /^(auto|\d+)(?:\/(\d+))?$/.exec(text)
  if (match === null || (match[1] !== 'auto' && match[2] === undefined)) {
    throw usageFailure(`--shard must be i/n (e.g. 0/4), auto or auto/n (got ${quoteArgument(text, 20)})`)
  }
  const count = match[2] === undefined ? undefined : parseWholeNumber(match[2], '--shard count', 1)
  if (match[1] !== 'auto') return { shard: checked(parseWholeNumber(match[1]!, '--shard index'), count!, text), source: 'flag' }
  const shard = shardFromEnvironment(environment, count === undefined ? {} : { count })
  if (shard === undefined) {
    throw usageFailure(
      '--shard auto found no shard in the environment (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX; ' +
        'the last two need auto/n)',
    )
  }
  return { shard, source: 'environment' }
}
