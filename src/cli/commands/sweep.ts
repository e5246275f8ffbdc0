import { writeRuns } from '../../node/files.js'
import { formatOfPath } from '../../node/formats.js'
import { runExperiment } from '../../node/run-experiment.js'
import { choiceOption, onePositional, parseWholeNumber, requiredOption, stringOption } from '../args.js'
import type { Command } from '../command.js'
import { beginResultFiles, failWithExperimentErrors } from '../experiment-output.js'
import { CommandFailure, exitCodeOfSignal, exitCodes, usageFailure } from '../failure.js'
import { describePath } from '../files.js'
import { readJson } from '../json-input.js'
import { createProgressReporter } from '../progress.js'
import { chooseShard } from '../shard-option.js'
import { countOf } from '../../diagnose/format-text.js'

/** `orgintel sweep`: run an experiment spec (or one shard of it) into a rows file. @internal */
export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'run a parameter sweep (or one shard of it) on worker threads into a CSV or JSON Lines file',
  usage:
    'orgintel sweep <spec.json|-> --out results.csv [--format csv|jsonl] [--shard i/n|auto|auto/n] [--workers N]\n' +
    '       (writes the rows and results.csv.manifest.json; a relative modelPath in the spec is read from the\n' +
    '        working directory; without --shard a Slurm job array picks the shard; --workers 0 runs in this thread;\n' +
    '        progress goes to stderr; Ctrl-C stops and leaves no partial file)',
  options: {
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    shard: { type: 'string' },
    workers: { type: 'string', short: 'w' },
  },
  stopsOnSignal: true,
  async run(parsed, context) {
    const specPath = onePositional(parsed, 'experiment spec file')
    const out = requiredOption(parsed, 'out', 'the rows file to write, e.g. --out results.csv')
    if (out === '-') throw usageFailure('--out must be a file: the rows need a manifest beside them')
    const format = choiceOption(parsed, 'format', ['csv', 'jsonl'], formatOfPath(out))
    const workersText = stringOption(parsed, 'workers')
    const workers = workersText === undefined ? undefined : parseWholeNumber(workersText, '--workers')
    const { shard, source } = chooseShard(stringOption(parsed, 'shard'), process.env)
    const spec = readJson(specPath, 'the experiment spec')
    const progress = createProgressReporter('sweep')
    const prepared = await runExperiment(spec, {
      ...(workers === undefined ? {} : { workers }),
      ...(shard === undefined ? {} : { shard }),
      onProgress: ({ completedRuns, totalRuns }) => progress.update(completedRuns, totalRuns),
      signal: context.signal,
    })
    if (prepared._tag === 'Left') failWithExperimentErrors(describePath(specPath), prepared.left, `${describePath(specPath)} is not a runnable experiment`)
    const experiment = prepared.right
    const { index, count } = experiment.manifest.shard
    if (source === 'environment') process.stderr.write(`orgintel sweep: running shard ${index}/${count} (from the scheduler's environment)\n`)
    const files = beginResultFiles(out)
    let written: Awaited<ReturnType<typeof writeRuns>>
    try {
      written = await writeRuns(experiment, files.temporary, { format })
    } catch (error) {
      files.abandon()
      throw error
    } finally {
      progress.finish()
    }
    if (context.signal.aborted || !written.complete) {
      files.abandon()
      const reason = String(context.signal.reason ?? 'SIGINT')
      throw new CommandFailure(`stopped by ${reason} after ${written.completedRuns} of ${countOf(experiment.manifest.runs.length, 'run')}; ${out} was not written`, exitCodeOfSignal(reason))
    }
    files.commit()
    const shardText = count === 1 ? '' : ` (shard ${index}/${count} of ${countOf(experiment.manifest.totalRuns, 'run')})`
    process.stderr.write(`wrote ${out}: ${countOf(written.rows, 'row')} from ${countOf(written.completedRuns, 'run')}${shardText}\n`)
    return exitCodes.ok
  },
}
