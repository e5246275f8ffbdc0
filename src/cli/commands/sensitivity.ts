import { dirname, isAbsolute, relative, resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import type { ExperimentRow } from '../../node/run-experiment.js'
import { analyseSensitivity, planSensitivity, runSensitivity } from '../../node/sensitivity/run.js'
import { onePositional, parseWholeNumber, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { failWithExperimentErrors } from '../experiment-output.js'
import { CommandFailure, exitCodeOfSignal, exitCodes, invalidInput, usageFailure } from '../failure.js'
import { describePath, readText, writeTextAtomically } from '../files.js'
import { readJson } from '../json-input.js'
import { createProgressReporter } from '../progress.js'

/** Rows of a merged `orgintel sweep` file (CSV or JSON Lines). */
const readRows = (path: string): ReadonlyArray<ExperimentRow> => {
  const lines = readText(path).split('\n').filter((line) => line.length > 0)
  try {
    if (!path.toLowerCase().endsWith('.csv')) return lines.map((line) => JSON.parse(line) as ExperimentRow)
    const header = lines[0]?.split(',') ?? []
    const run = header.indexOf('run')
    const metric = header.indexOf('metric')
    const value = header.indexOf('value')
    if (run < 0 || metric < 0 || value < 0) throw new Error('header')
    return lines.slice(1).map((line) => {
      const fields = line.split(',')
      return { run: Number(fields[run]), replicate: 0, seed: 0, metric: fields[metric]!, value: fields[value] === '' ? null : Number(fields[value]) }
    })
  } catch {
    throw invalidInput(`${describePath(path)} is not a rows file written by orgintel sweep or merge`)
  }
}

/** `orgintel sensitivity`: Morris or Sobol sensitivity of simulation metrics to named parameters. @internal */
export const sensitivityCommand: Command = {
  name: 'sensitivity',
  summary: 'which parameters move the simulated metrics most (Morris elementary effects or Sobol indices)',
  usage:
    'orgintel sensitivity <spec.json|-> [-o result.json] [--workers N] [--design experiment.json] [--rows results.csv]\n' +
    '       (runs every design point on worker threads and writes the indices as JSON; --design writes the\n' +
    '        experiment instead, to run with `orgintel sweep --shard` and `merge`; --rows analyses the merged rows)',
  options: {
    workers: { type: 'string', short: 'w' },
    design: { type: 'string' },
    rows: { type: 'string' },
    ...outputOption,
  },
  stopsOnSignal: true,
  async run(parsed, context) {
    const specPath = onePositional(parsed, 'sensitivity spec file')
    const out = stringOption(parsed, 'out') ?? '-'
    const designPath = stringOption(parsed, 'design')
    const rowsPath = stringOption(parsed, 'rows')
    if (designPath !== undefined && rowsPath !== undefined) throw usageFailure('give --design or --rows, not both')
    const workersText = stringOption(parsed, 'workers')
    const workers = workersText === undefined ? undefined : parseWholeNumber(workersText, '--workers')
    const spec = readJson(specPath, 'the sensitivity spec')
    const plan = planSensitivity(spec)
    if (E.isLeft(plan)) failWithExperimentErrors(describePath(specPath), plan.left, `${describePath(specPath)} is not a runnable sensitivity analysis`)
    // A relative modelPath is read from the spec file's folder, as `orgintel sweep` reads it.
    const baseDirectory = specPath === '-' ? undefined : dirname(specPath)
    if (designPath !== undefined) {
      const { experiment } = plan.right
      const named = experiment['modelPath']
      // The design is read from its own folder: name the same model file from there.
      const modelPath = typeof named !== 'string' || isAbsolute(named) || baseDirectory === undefined
        ? named
        : relative(designPath === '-' ? '.' : dirname(resolve(designPath)), resolve(baseDirectory, named))
      writeTextAtomically(designPath, `${JSON.stringify(modelPath === named ? experiment : { ...experiment, modelPath }, null, 2)}\n`)
      process.stderr.write(`wrote ${describePath(designPath, 'output')}: an experiment of ${plan.right.design.points.length} points for orgintel sweep\n`)
      return exitCodes.ok
    }
    let result
    if (rowsPath !== undefined) {
      result = analyseSensitivity(plan.right, readRows(rowsPath))
    } else {
      const progress = createProgressReporter('sensitivity')
      const ran = await runSensitivity(spec, {
        ...(workers === undefined ? {} : { workers }),
        ...(baseDirectory === undefined ? {} : { baseDirectory }),
        onProgress: ({ completedRuns, totalRuns }) => progress.update(completedRuns, totalRuns),
        signal: context.signal,
      }).finally(() => progress.finish())
      if (E.isLeft(ran)) failWithExperimentErrors(describePath(specPath), ran.left, `${describePath(specPath)} is not a runnable sensitivity analysis`)
      if (context.signal.aborted) {
        const reason = String(context.signal.reason ?? 'SIGINT')
        throw new CommandFailure(`stopped by ${reason}; ${out === '-' ? 'nothing' : out} was not written`, exitCodeOfSignal(reason))
      }
      result = ran.right
    }
    writeTextAtomically(out, `${JSON.stringify(result, null, 2)}\n`)
    if (out !== '-') process.stderr.write(`wrote ${describePath(out, 'output')}: ${result.method} indices from ${result.runs} runs\n`)
    return exitCodes.ok
  },
}
