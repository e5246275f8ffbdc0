import * as t from 'io-ts'
import { Intervention } from '../../simulate/interventions.js'
import { SimulationParameters } from '../../simulate/parameters.js'
import { simulateInWorker } from '../../node/simulate-in-worker.js'
import { checkSimulationOptions } from '../../simulate/issues.js'
import { maxSimulationDays, simulate } from '../../simulate/simulate.js'
import { choiceOption, integerOption, onePositional, requiredOption, parseWholeNumber, seedOption, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { CommandFailure, exitCodeOfSignal, exitCodes, invalidInput, usageFailure } from '../failure.js'
import { describePath, writeTextAtomically } from '../files.js'
import { readDecoded, reportProblems } from '../json-input.js'
import { loadModel } from '../model-input.js'
import { seriesToCsv } from '../simulation-csv.js'
import { countOf } from '../../diagnose/format-text.js'

const Interventions = t.readonlyArray(Intervention, 'a list of interventions')

/** `orgintel simulate`: one seeded run of the discrete-event simulation. @internal */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulate how experiences travel and loops close, day by day (seeded, repeatable)',
  usage:
    'orgintel simulate <model.json|-> --days N --seed S [--format json|csv] [--parameters params.json]\n' +
    '       [--interventions list.json] [--max-events N] [-o file]\n' +
    '       (json: the whole result; csv (the default for -o *.csv): the daily series, one row per day and\n' +
    '        level. The same model, options and seed always give the same bytes; write a negative seed as --seed=-7.\n' +
    '        Ctrl-C stops the simulation at once and writes nothing.)',
  options: {
    days: { type: 'string', short: 'd' },
    seed: { type: 'string', short: 's' },
    format: { type: 'string', short: 'f' },
    parameters: { type: 'string', short: 'p' },
    interventions: { type: 'string', short: 'i' },
    'max-events': { type: 'string' },
    ...outputOption,
  },
  // In the executable the simulation runs on a worker thread, so this thread notices a signal and ends it.
  stopsOnSignal: true,
  async run(parsed, context) {
    const modelPath = onePositional(parsed, 'model file')
    const days = parseWholeNumber(requiredOption(parsed, 'days', 'how many days to simulate'), '--days')
    if (days > maxSimulationDays) throw usageFailure(`--days must be at most ${maxSimulationDays} (about 270 years; got ${days})`)
    const seed = seedOption(parsed, 'seed')
    const out = stringOption(parsed, 'out') ?? '-'
    const format = choiceOption(parsed, 'format', ['json', 'csv'], out.toLowerCase().endsWith('.csv') ? 'csv' : 'json')
    const maxEvents = integerOption(parsed, 'max-events', 0, 1)
    const parametersPath = stringOption(parsed, 'parameters')
    const interventionsPath = stringOption(parsed, 'interventions')
    const stdinUses = [modelPath, parametersPath, interventionsPath].filter((path) => path === '-').length
    if (stdinUses > 1) throw usageFailure('only one input can come from standard input (-)')
    const model = loadModel(modelPath)
    const parameters = parametersPath === undefined ? undefined : readDecoded(parametersPath, SimulationParameters, 'set of simulation parameters', 'invalid-option')
    const interventions = interventionsPath === undefined ? undefined : readDecoded(interventionsPath, Interventions, 'list of interventions', 'invalid-option')
    const problems = checkSimulationOptions(model, { ...(parameters === undefined ? {} : { parameters }), ...(interventions === undefined ? {} : { interventions }) })
    if (problems.length > 0) {
      reportProblems('options', problems)
      throw invalidInput(`${problems.length === 1 ? '1 option does' : `${problems.length} options do`} not fit the model; nothing was simulated`)
    }
    const options = {
      seed,
      days,
      ...(parameters === undefined ? {} : { parameters }),
      ...(interventions === undefined ? {} : { interventions }),
      ...(maxEvents === 0 ? {} : { maxEvents }),
    }
    const result = context.signalsArrive === true ? await simulateInWorker(model, options, context.signal) : simulate(model, options)
    if (result === undefined || context.signal.aborted) {
      const reason = String(context.signal.reason ?? 'SIGINT')
      throw new CommandFailure(`stopped by ${reason}; ${describePath(out, 'output')} was not written`, exitCodeOfSignal(reason))
    }
    if (result.issues.length > 0) {
      process.stderr.write(`orgintel simulate: ${result.issues.length === 1 ? '1 option names nothing in the model and was' : `${result.issues.length} options name nothing in the model and were`} left out:\n`)
      reportProblems('options', result.issues)
    }
    if (result.truncated) process.stderr.write('orgintel simulate: the run stopped early at --max-events; the result is marked truncated\n')
    const text = format === 'csv' ? seriesToCsv(result.series) : `${JSON.stringify(result, null, 2)}\n`
    writeTextAtomically(out, text)
    if (out !== '-') process.stderr.write(`wrote ${describePath(out, 'output')}: ${countOf(days, 'day')}, ${countOf(result.metrics.experiencesRaised, 'experience')} raised\n`)
    return exitCodes.ok
  },
}
