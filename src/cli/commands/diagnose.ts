import { parseDiagnosisConfig } from '../../diagnose/config.js'
import { diagnose } from '../../diagnose/diagnose.js'
import { formatDiagnosis } from '../../diagnose/format.js'
import { choiceOption, onePositional, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { CommandFailure, exitCodes, usageFailure } from '../failure.js'
import { readText, writeTextAtomically } from '../files.js'
import { loadModel } from '../model-input.js'

const severities = ['error', 'warning', 'info'] as const

const loadConfig = (path: string | undefined) => {
  if (path === undefined) return {}
  let value: unknown
  try {
    value = JSON.parse(readText(path))
  } catch (error) {
    if (error instanceof CommandFailure) throw error
    throw new CommandFailure(`${path}: the configuration is not valid JSON`, exitCodes.usage)
  }
  const config = parseDiagnosisConfig(value)
  if (config._tag === 'Left') {
    for (const problem of config.left) process.stderr.write(`${path}: ${problem.path || '(config)'}: ${problem.message}\n`)
    throw new CommandFailure(`${path} is not a valid diagnosis configuration`, exitCodes.usage)
  }
  return config.right
}

/** `orgintel diagnose`: run the rules; the exit code follows `--fail-on`. @internal */
export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: 'find broken and missing loops and propose repairs',
  usage:
    'orgintel diagnose <model.json|-> [--format text|markdown|json] [--config rules.json] [--fail-on error|warning|info|never] [--names] [-o file]',
  options: {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    'fail-on': { type: 'string' },
    names: { type: 'boolean' },
    ...outputOption,
  },
  async run(parsed) {
    const modelPath = onePositional(parsed, 'model file')
    if (modelPath === '-' && stringOption(parsed, 'config') === '-') throw usageFailure('only one input can come from standard input (-)')
    const model = loadModel(modelPath)
    const format = choiceOption(parsed, 'format', ['text', 'markdown', 'json'], 'text')
    const failOn = choiceOption(parsed, 'fail-on', [...severities, 'never'], 'error')
    const config = loadConfig(stringOption(parsed, 'config'))
    const names = parsed.values['names'] === true ? { names: true } : {}
    const diagnosis = diagnose(model, { ...config, ...names })
    const text = formatDiagnosis(diagnosis, format)
    writeTextAtomically(stringOption(parsed, 'out') ?? '-', text.endsWith('\n') ? text : `${text}\n`)
    if (failOn === 'never') return exitCodes.ok
    const threshold = severities.indexOf(failOn)
    const failing = diagnosis.defects.some((defect) => severities.indexOf(defect.severity) <= threshold)
    return failing ? exitCodes.findings : exitCodes.ok
  },
}
