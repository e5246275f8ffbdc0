import * as E from 'fp-ts/lib/Either.js'
import { type DiagnosisConfig, parseDiagnosisConfig } from '../../diagnose/config.js'
import type { AnyRule } from '../../diagnose/types.js'
import { diagnoseWithEvidence, evidenceRules } from '../../evidence/diagnose-evidence.js'
import type { EvidenceError } from '../../evidence/errors.js'
import { measurementFormat } from '../../evidence/measure-summary.js'
import { decodeMeasuredFindings, type MeasuredFindings } from '../../evidence/measured-findings.js'
import type { Model } from '../../model/codecs.js'
import { type Diagnosis, diagnose } from '../../diagnose/diagnose.js'
import { applyRepairs } from '../../graph/apply-repairs.js'
import type { ProposedChannel } from '../../graph/types.js'
import { encodeModel } from '../../model/decode.js'
import { formatDiagnosis } from '../../diagnose/format.js'
import { countOf } from '../../diagnose/format-text.js'
import { choiceOption, onePositional, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { exitCodes, invalidInput, usageFailure } from '../failure.js'
import { describePath, writeTextAtomically } from '../files.js'
import { planOutput } from '../output-target.js'
import { readJson, reportProblems } from '../json-input.js'
import { readModel } from '../model-input.js'
import { repairedDocument } from '../repaired-document.js'

const severities = ['error', 'warning', 'info'] as const

/**
 * Read and check a diagnosis config; like a model, an invalid one is invalid input (exit
 * code 1). With evidence, the evidence-backed rule ids are known too.
 */
const loadConfig = (path: string | undefined, withEvidence: boolean) => {
  if (path === undefined) return {}
  const input = readJson(path, 'the configuration')
  const record = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined
  const config = parseDiagnosisConfig(withEvidence && record !== undefined && record['plugins'] === undefined ? { ...record, plugins: evidenceRules([]) } : input)
  if (config._tag === 'Left') {
    reportProblems(describePath(path), config.left)
    throw invalidInput(`${describePath(path)} is not a valid diagnosis configuration`)
  }
  return input as DiagnosisConfig<ReadonlyArray<AnyRule>>
}

/** Read the findings of `orgintel measure --format json` for the model; a bad file is invalid input. */
const loadEvidence = (path: string, model: Model): MeasuredFindings => {
  const input = readJson(path, 'the evidence')
  const format = typeof input === 'object' && input !== null ? (input as { format?: unknown }).format : undefined
  if (format === measurementFormat) throw invalidInput(`${describePath(path)} is a shard summary (orgintel measure --summary); give the report of orgintel measure --format json`)
  const decoded = decodeMeasuredFindings(input)
  const problems = E.isLeft(decoded) ? decoded.left : decoded.right.model === model.id ? [] : [{ path: '/model', message: `The evidence measures model '${decoded.right.model}', not '${model.id}'.` }]
  if (problems.length > 0 || E.isLeft(decoded)) {
    reportProblems(describePath(path), problems)
    throw invalidInput(`${describePath(path)} is not evidence about this model`)
  }
  return decoded.right
}

/** `orgintel diagnose`: run the rules; the exit code follows `--fail-on`. @internal */
export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: 'find broken and missing loops and propose repairs',
  usage:
    'orgintel diagnose <model.json|-> [--format text|markdown|json] [--config rules.json] [--fail-on error|warning|info|never] [--names] [--apply-repairs] [-o file]\n' +
    '       [--evidence measured.json]  (add findings backed by records: the report of orgintel measure --format json)',
  options: {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    'fail-on': { type: 'string' },
    names: { type: 'boolean' },
    'apply-repairs': { type: 'boolean' },
    evidence: { type: 'string', short: 'e' },
    ...outputOption,
  },
  async run(parsed) {
    const modelPath = onePositional(parsed, 'model file')
    if (modelPath === '-' && stringOption(parsed, 'config') === '-') throw usageFailure('only one input can come from standard input (-)')
    const { model, text: modelText } = readModel(modelPath)
    const format = choiceOption(parsed, 'format', ['text', 'markdown', 'json'], 'text')
    const failOn = choiceOption(parsed, 'fail-on', [...severities, 'never'], 'error')
    const evidencePath = stringOption(parsed, 'evidence')
    if (evidencePath !== undefined && parsed.values['apply-repairs'] === true) throw usageFailure('--evidence adds findings to a report; it does not go with --apply-repairs')
    if (evidencePath === '-' && (modelPath === '-' || stringOption(parsed, 'config') === '-')) throw usageFailure('only one input can come from standard input (-)')
    const config = loadConfig(stringOption(parsed, 'config'), evidencePath !== undefined)
    // A bad -o (a folder, or a file this command reads) is refused before any work, and
    // before --apply-repairs says what it changed.
    planOutput(stringOption(parsed, 'out') ?? '-')
    // A repaired model is written, not a report: the replies and lessons the repairs create
    // are named by the names of the actors and assets they are about, as a modeller would.
    const names = parsed.values['names'] === true || parsed.values['apply-repairs'] === true ? { names: true } : {}
    const evidence = evidencePath === undefined ? undefined : diagnoseWithEvidence<ReadonlyArray<AnyRule>>(model, loadEvidence(evidencePath, model), { ...config, ...names })
    const diagnosis = evidence === undefined ? diagnose(model, { ...config, ...names }) : E.isRight(evidence) ? evidence.right : invalidEvidence(evidencePath!, evidence.left)
    if (parsed.values['apply-repairs'] === true) {
      // The output is the repaired model; what was done, and what is left, goes to stderr.
      const repaired = applyRepairs(model, allRepairs(diagnosis))
      const after = diagnose(repaired, { ...config, ...names })
      // A repair that brings a lapsed channel back keeps it in its place, made active.
      const broughtBack = model.channels.filter((channel, i) => channel.status !== 'active' && repaired.channels[i]!.status === 'active').length
      // A running channel a repair uses carries more than it did.
      const used = model.channels.filter((channel, i) => channel.status === 'active' && repaired.channels[i]!.carries.length > channel.carries.length).length
      process.stderr.write(
        `${modelPath === '-' ? 'standard input' : describePath(modelPath)}: added ${countOf(repaired.channels.length - model.channels.length, 'channel')} and ${countOf(repaired.assets.length - model.assets.length, 'asset')}${broughtBack === 0 ? '' : `, brought back ${countOf(broughtBack, 'channel')}`}${used === 0 ? '' : `, used ${countOf(used, 'running channel')}`}; ` +
          `errors ${diagnosis.summary.bySeverity.error} -> ${after.summary.bySeverity.error}, warnings ${diagnosis.summary.bySeverity.warning} -> ${after.summary.bySeverity.warning}\n`,
      )
      // The author's document with the repairs in it, not every default written out.
      const written = repairedDocument(modelText, model, repaired) ?? encodeModel(repaired)
      writeTextAtomically(stringOption(parsed, 'out') ?? '-', `${JSON.stringify(written, null, 2)}\n`)
      return failing(after, failOn) ? exitCodes.findings : exitCodes.ok
    }
    const text = formatDiagnosis(diagnosis, format)
    writeTextAtomically(stringOption(parsed, 'out') ?? '-', text.endsWith('\n') ? text : `${text}\n`)
    return failing(diagnosis, failOn) ? exitCodes.findings : exitCodes.ok
  },
}

const invalidEvidence = (path: string, errors: ReadonlyArray<EvidenceError>): never => {
  reportProblems(describePath(path), errors)
  throw invalidInput(`${describePath(path)} is not evidence about this model`)
}

/** Every repair the diagnosis proposes, in defect order. */
const allRepairs = (diagnosis: Diagnosis): ReadonlyArray<ProposedChannel> => diagnosis.defects.flatMap((defect) => defect.repair ?? [])

/** Whether a finding reaches the `--fail-on` threshold. */
const failing = (diagnosis: Diagnosis, failOn: (typeof severities)[number] | 'never'): boolean => {
  if (failOn === 'never') return false
  const threshold = severities.indexOf(failOn)
  return diagnosis.defects.some((defect) => severities.indexOf(defect.severity) <= threshold)
}
