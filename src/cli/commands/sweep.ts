import { availableParallelism } from 'node:os'
import { dirname } from 'node:path'
import { writeRuns } from '../../node/files.js'
import { formatOfPath } from '../../node/formats.js'
import { maxExperimentRuns } from '../../node/plan.js'
import { type RunFailure, runExperiment } from '../../node/run-experiment.js'
import { choiceOption, onePositional, parseWholeNumber, requiredOption, stringOption } from '../args.js'
import type { Command } from '../command.js'
import { beginResultFiles, failWithExperimentErrors } from '../experiment-output.js'
import { CommandFailure, exitCodeOfSignal, exitCodes, invalidInput, quoteArgument, usageFailure } from '../failure.js'
import { describePath } from '../files.js'
import { readJson } from '../json-input.js'
import { createProgressReporter } from '../progress.js'
import { chooseShard } from '../shard-option.js'
import { countOf } from '../../diagnose/format-text.js'

/** `--workers`, at most the cores available (more only compete for them and for memory), said on stderr when cut. */
const workersOption = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined
  const asked = parseWholeNumber(text, '--workers')
  const cores = availableParallelism()
  if (asked <= cores) return asked
  process.stderr.write(`orgintel sweep: --workers ${asked} is more than the ${countOf(cores, 'processor core')} available; using ${cores}\n`)
  return cores
}

const stoppedBy = (signal: AbortSignal, what: string): CommandFailure => {
  const reason = String(signal.reason ?? 'SIGINT')
  return new CommandFailure(`stopped by ${reason} ${what}`, exitCodeOfSignal(reason))
}

/** One line naming a failed run: its number, replicate, seed, parameters and reason. */
const describeFailure = (failure: RunFailure): string => {
  const parameters = Object.entries(failure.parameters).map(([name, value]) => `${name}=${typeof value === 'string' ? quoteArgument(value) : String(value)}`)
  const settings = [`replicate ${failure.replicate}`, `seed ${failure.seed}`, ...parameters].join(', ')
  return `orgintel sweep: run ${failure.run} (${settings}) failed: ${failure.reason}\n`
}

/** `orgintel sweep`: run an experiment spec (or one shard of it) into a rows file. @internal */
export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'run a parameter sweep (or one shard of it) on worker threads into a CSV or JSON Lines file',
  usage:
    'orgintel sweep <spec.json|-> --out results.csv [--format csv|jsonl] [--shard i/n|auto|auto/n] [--workers N] [--force]\n' +
    '       (writes the rows and results.csv.manifest.json; a relative modelPath in the spec is read from the\n' +
    '        spec file\'s folder; without --shard a Slurm job array picks the shard; --workers 0 runs in this thread,\n' +
    `        and at most the processor cores available are used; a spec may have at most ${maxExperimentRuns.toLocaleString('en-GB')} runs;\n` +
    '        a run that fails is named on stderr and in the manifest, the other runs\' rows are kept, and the exit code is 1;\n' +
    '        progress goes to stderr; Ctrl-C stops and leaves no partial file)',
  options: {
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    shard: { type: 'string' },
    workers: { type: 'string', short: 'w' },
    force: { type: 'boolean' },
  },
  stopsOnSignal: true,
  async run(parsed, context) {
    const specPath = onePositional(parsed, 'experiment spec file')
    const out = requiredOption(parsed, 'out', 'the rows file to write, e.g. --out results.csv')
    if (out === '-') throw usageFailure('--out must be a file: the rows need a manifest beside them')
    const format = choiceOption(parsed, 'format', ['csv', 'jsonl'], formatOfPath(out))
    const workers = workersOption(stringOption(parsed, 'workers'))
    const { shard, source } = chooseShard(stringOption(parsed, 'shard'), process.env)
    const spec = readJson(specPath, 'the experiment spec')
    const progress = createProgressReporter('sweep')
    const prepared = await runExperiment(spec, {
      ...(workers === undefined ? {} : { workers }),
      ...(shard === undefined ? {} : { shard }),
      // A spec names its model beside it, as a user moves the two together; from standard input, the working directory.
      ...(specPath === '-' ? {} : { baseDirectory: dirname(specPath) }),
      onProgress: ({ completedRuns, totalRuns }) => progress.update(completedRuns, totalRuns),
      signal: context.signal,
    })
    if (context.signal.aborted) throw stoppedBy(context.signal, `while planning; ${describePath(out, 'output')} was not written`)
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
    const runs = experiment.manifest.runs.length
    if (context.signal.aborted) {
      files.abandon()
      throw stoppedBy(context.signal, `after ${written.completedRuns + written.failures.length} of ${countOf(runs, 'run')}; ${describePath(out, 'output')} was not written`)
    }
    files.commit()
    const shardText = count === 1 ? '' : ` (shard ${index}/${count} of ${countOf(experiment.manifest.totalRuns, 'run')})`
    process.stderr.write(`wrote ${describePath(out, 'output')}: ${countOf(written.rows, 'row')} from ${countOf(written.completedRuns, 'run')}${shardText}\n`)
    if (written.failures.length === 0) return exitCodes.ok
    for (const failure of written.failures) process.stderr.write(describeFailure(failure))
    throw invalidInput(
      `${written.failures.length} of ${countOf(runs, 'run')} failed; the rows of the others are in ${describePath(out, 'output')}, ` +
        'and its manifest lists the failed runs (merge refuses the file until the shard is run again)',
    )
  },
}
