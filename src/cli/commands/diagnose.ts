import { parseDiagnosisConfig } from '../../diagnose/config.js'
import { diagnose } from '../../diagnose/diagnose.js'
import { formatDiagnosis } from '../../diagnose/format.js'
import { choiceOption, onePositional, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { exitCodes, invalidInput, usageFailure } from '../failure.js'
import { describePath, writeTextAtomically } from '../files.js'
import { readJson, reportProblems } from '../json-input.js'
import { loadModel } from '../model-input.js'

const severities = ['error', 'warning', 'info'] as const

/** Read and check a diagnosis config; like a model, an invalid one is invalid input (exit code 1). */
const loadConfig = (path: string | undefined) => {
  if (path === undefined) return {}
  const config = parseDiagnosisConfig(readJson(path, 'the configuration'))
  if (config._tag === 'Left') {
    reportProblems(describePath(path), config.left)
    throw invalidInput(`${describePath(path)} is not a valid diagnosis configuration`)
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
