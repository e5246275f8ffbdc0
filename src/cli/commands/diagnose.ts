import { parseDiagnosisConfig } from '../../diagnose/config.js'
import { type Diagnosis, diagnose } from '../../diagnose/diagnose.js'
import { applyRepairs } from '../../graph/apply-repairs.js'
import type { ProposedChannel } from '../../graph/types.js'
import { encodeModel } from '../../model/decode.js'
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
    'orgintel diagnose <model.json|-> [--format text|markdown|json] [--config rules.json] [--fail-on error|warning|info|never] [--names] [--apply-repairs] [-o file]',
  options: {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    'fail-on': { type: 'string' },
    names: { type: 'boolean' },
    'apply-repairs': { type: 'boolean' },
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
    if (parsed.values['apply-repairs'] === true) {
      // The output is the repaired model; what was done, and what is left, goes to stderr.
      const repaired = applyRepairs(model, allRepairs(diagnosis))
      const after = diagnose(repaired, { ...config, ...names })
      process.stderr.write(
        `${modelPath === '-' ? 'standard input' : describePath(modelPath)}: added ${repaired.channels.length - model.channels.length} channels and ${repaired.assets.length - model.assets.length} assets; ` +
          `errors ${diagnosis.summary.bySeverity.error} -> ${after.summary.bySeverity.error}, warnings ${diagnosis.summary.bySeverity.warning} -> ${after.summary.bySeverity.warning}\n`,
      )
      writeTextAtomically(stringOption(parsed, 'out') ?? '-', `${JSON.stringify(encodeModel(repaired), null, 2)}\n`)
      return failing(after, failOn) ? exitCodes.findings : exitCodes.ok
    }
    const text = formatDiagnosis(diagnosis, format)
    writeTextAtomically(stringOption(parsed, 'out') ?? '-', text.endsWith('\n') ? text : `${text}\n`)
    return failing(diagnosis, failOn) ? exitCodes.findings : exitCodes.ok
  },
}

/** Every repair the diagnosis proposes, in defect order. */
const allRepairs = (diagnosis: Diagnosis): ReadonlyArray<ProposedChannel> => diagnosis.defects.flatMap((defect) => defect.repair ?? [])

/** Whether a finding reaches the `--fail-on` threshold. */
const failing = (diagnosis: Diagnosis, failOn: (typeof severities)[number] | 'never'): boolean => {
  if (failOn === 'never') return false
  const threshold = severities.indexOf(failOn)
  return diagnosis.defects.some((defect) => severities.indexOf(defect.severity) <= threshold)
}
