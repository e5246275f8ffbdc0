import * as E from 'fp-ts/lib/Either.js'
import { calibrate } from '../../evidence/calibrate.js'
import { formatCalibration } from '../../evidence/calibrate-format.js'
import { choiceOption, integerOption, seedOption, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { exitCodes, quoteArgument, usageFailure } from '../failure.js'
import { describePath, writeTextAtomically } from '../files.js'
import { createProgressReporter } from '../progress.js'
import { failWith, loadModelAndMapping, logRecords } from './measure.js'

/** `orgintel calibrate`: fit the simulation to feedback records and check the fit. @internal */
export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'fit the simulation to feedback records and compare simulated with measured closure',
  usage:
    'orgintel calibrate <model.json> <events.csv|events.json|-> --mapping map.json [--seed N] [--runs N]\n' +
    '       [--format markdown|json] [--log csv|ocel] [--suppress-below N] [-o params.json]\n' +
    '       (the report goes to standard output; -o writes the fitted parameters for orgintel simulate --parameters)',
  options: {
    mapping: { type: 'string', short: 'm' },
    seed: { type: 'string', short: 's' },
    runs: { type: 'string', short: 'r' },
    format: { type: 'string', short: 'f' },
    log: { type: 'string' },
    'suppress-below': { type: 'string' },
    ...outputOption,
  },
  async run(parsed) {
    const [modelPath, logPath, ...rest] = parsed.positionals
    if (modelPath === undefined || logPath === undefined) throw usageFailure('calibrate needs a model file and an event log')
    if (rest.length > 0) throw usageFailure(`unexpected argument ${quoteArgument(rest[0]!)}`)
    const { model, mapping } = loadModelAndMapping(parsed, modelPath, logPath)
    const format = choiceOption(parsed, 'format', ['markdown', 'json'], 'markdown')
    const seed = stringOption(parsed, 'seed') === undefined ? 1 : seedOption(parsed, 'seed')
    const runs = integerOption(parsed, 'runs', 10, 1)
    if (runs > 1000) throw usageFailure(`--runs must be at most 1000 (got ${runs})`)
    const suppressBelow = integerOption(parsed, 'suppress-below', 8, 1)
    const records = logRecords(parsed, logPath, mapping, undefined, 'calibrate: reading')
    const progress = createProgressReporter('calibrate: simulating')
    const calibration = await calibrate(model, records, mapping, {
      seed,
      runs,
      suppressBelow,
      onProgress: (step, done, total) => {
        if (step !== 'simulate') return
        progress.update(done, total)
        if (done === total) progress.finish()
      },
    })
    if (E.isLeft(calibration)) return failWith(describePath(logPath), calibration.left, `${describePath(logPath)} could not be calibrated against`)
    writeTextAtomically('-', formatCalibration(calibration.right, format))
    const out = stringOption(parsed, 'out')
    if (out !== undefined) {
      writeTextAtomically(out, `${JSON.stringify(calibration.right.parameters, null, 2)}\n`)
      if (out !== '-') process.stderr.write(`wrote ${describePath(out, 'output')}: the fitted parameters\n`)
    }
    const { inside, checks } = calibration.right
    process.stderr.write(`calibrate: ${inside} of ${checks.length} simulated closure figures lie inside the measured intervals\n`)
    return exitCodes.ok
  },
}
