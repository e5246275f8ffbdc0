import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { DiagnosisConfig } from '../diagnose/config.js'
import { type Diagnosis, diagnose } from '../diagnose/diagnose.js'
import type { AnyRule, Finding, Rule } from '../diagnose/types.js'
import type { Model } from '../model/codecs.js'
import type { ActorId, AssetId, ChannelId } from '../model/primitives.js'
import type { ConformanceFinding, ConformanceOptions } from './conformance.js'
import type { EvidenceError } from './errors.js'
import { measuredLoopsFormat, reportMeasurement } from './measure.js'
import type { MeasuredFindings } from './measured-findings.js'
import { type MeasurementSummary, measurementFormat } from './measure-summary.js'
import type { ReportOptions } from './report.js'

/** The id of an evidence-backed rule: a conformance finding of the records with the model. @category Evidence */
export type EvidenceRuleId = ConformanceFinding['rule']

/** An evidence-backed diagnosis rule (see {@link evidenceRules}). @category Evidence */
export type EvidenceRule = Rule<EvidenceRuleId, Record<string, never>>

const descriptions: ReadonlyArray<readonly [EvidenceRuleId, ConformanceFinding['severity'], string]> = [
  ['measured-unmodelled-flow', 'warning', 'Records show items going between two actors that no model channel joins.'],
  ['measured-unused-channel', 'info', 'An active model channel that no item in the records went over.'],
  ['measured-loop-below-promise', 'warning', "A declared loop whose measured closure at its promised outcome is below the promised share, with confidence."],
  ['measured-loop-never-closes', 'warning', 'A loop the model says closes that never closes in the records.'],
]

const noOptions = new t.Type<Record<string, never>, unknown, unknown>(
  'no options',
  (value): value is Record<string, never> => value === undefined,
  (value, context) => (value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0) ? t.success({}) : t.failure(value, context, 'This rule has no options.')),
  () => undefined,
)

const asFinding = (finding: ConformanceFinding): Finding => ({
  message: finding.message,
  actors: finding.actors as ReadonlyArray<ActorId>,
  channels: finding.channels as ReadonlyArray<ChannelId>,
  assets: finding.assets as ReadonlyArray<AssetId>,
})

/**
 * The evidence-backed diagnosis rules, each reporting the conformance findings of its id
 * (`measured-unmodelled-flow`, `measured-unused-channel`, `measured-loop-below-promise`,
 * `measured-loop-never-closes`): pass them as `plugins` so a config can turn them off or
 * change their severity like any rule. O(findings).
 * @category Evidence
 */
export const evidenceRules = (findings: ReadonlyArray<ConformanceFinding>): ReadonlyArray<EvidenceRule> =>
  descriptions.map(([id, defaultSeverity, description]) => {
    const own = findings.filter((finding) => finding.rule === id).map(asFinding)
    return { id, description, defaultSeverity, options: noOptions, check: () => own }
  })

/** What {@link diagnoseWithEvidence} reads: a measured-loops report (or its findings, as {@link decodeMeasuredFindings} reads them from a file), or an (unsuppressed) measurement summary. @category Evidence */
export type Evidence = MeasuredFindings | MeasurementSummary

/**
 * Diagnose a model with what its records show: the built-in rules, and the
 * evidence-backed rules ({@link evidenceRules}) over the conformance of the records with
 * the model, in one report of the same format (`orgintel-diagnosis/v2`), configured
 * like any other rule. A measured-loops report brings its findings as published (counts
 * suppressed as it was made); a measurement summary is reported here first with
 * `options` (counts from 1 to 7 shown as `<8` by default). Evidence about another model
 * is an error. Cost: `diagnose` plus O(size of the evidence).
 * @category Evidence
 */
export const diagnoseWithEvidence = <const Plugins extends ReadonlyArray<AnyRule> = ReadonlyArray<never>>(
  model: Model,
  evidence: Evidence,
  config: DiagnosisConfig<ReadonlyArray<Plugins[number] | EvidenceRule>> = {},
  options: ReportOptions & ConformanceOptions = {},
): E.Either<ReadonlyArray<EvidenceError>, Diagnosis> => {
  if (evidence.format !== measuredLoopsFormat && evidence.format !== measurementFormat) {
    return E.left([{ code: 'invalid-option', path: '/format', message: `Evidence must be a measured-loops report ('${measuredLoopsFormat}') or a measurement summary ('${measurementFormat}').` }])
  }
  if (evidence.model !== model.id) {
    return E.left([{ code: 'invalid-option', path: '/model', message: `The evidence measures model '${evidence.model}', not '${model.id}'.` }])
  }
  const findings = evidence.format === measuredLoopsFormat ? evidence.conformance.findings : reportMeasurement(model, evidence, options).conformance.findings
  const plugins = [...((config.plugins ?? []) as ReadonlyArray<AnyRule>), ...evidenceRules(findings)]
  return E.right(diagnose(model, { ...config, plugins } as DiagnosisConfig<ReadonlyArray<AnyRule>>))
}
