/**
 * orgintel/evidence: read feedback records (CSV event logs, OCEL 2.0, FHIR R4 bundles,
 * Care Opinion-shaped exports) and measure which loops actually close, with Kaplan–Meier
 * closure by outcome, stage latencies, conformance with the model and small-number
 * suppression; add what the records show to a diagnosis; calibrate the simulation to the
 * records. Browser-safe.
 * @packageDocumentation
 * @module orgintel/evidence
 */

export { measureLoops, reportMeasurement, measuredLoopsFormat } from './measure.js'
export type { MeasuredLoops, MeasureOptions } from './measure.js'
export { summariseEvents } from './summarise.js'
export type { SummariseOptions, Summarised } from './summarise.js'
export { mergeMeasurements, measurementFormat } from './measure-summary.js'
export type { MeasurementSummary } from './measure-summary.js'
export { decodeMeasurementSummary } from './measurement-codec.js'
export type { GroupSummary, BadInputCount } from './summary.js'
export { reportedRows } from './summary.js'
export type { GroupReport, ClosureReport, ReportedCount, ReportOptions } from './report.js'
export type { ConformanceReport, ConformanceFinding, ConformanceOptions, PromiseCheck, TracedLoopClaim } from './conformance.js'
export type { ItemMeasurement } from './item-listing.js'
export { StageMapping, Stage, stages, decodeStageMapping } from './mapping.js'
export type { ResolvedMapping, EventField } from './mapping.js'
export { readCsvEvents, readCsvEventBatches } from './csv-events.js'
export type { LogText, CsvEventOptions } from './csv-events.js'
export { readOcelEvents } from './ocel-events.js'
export { careOpinionMapping } from './care-opinion.js'
export { readFhirEvents } from './fhir-events.js'
export type { FhirEventOptions } from './fhir-events.js'
export { fhirStageMapping } from './fhir-mapping.js'
export { parseTimestamp } from './events.js'
export type { LogEvent, LogProblem, LogFailure, LogRecord, LogRecords, BadInputReason } from './events.js'
export { formatEvidenceErrors } from './errors.js'
export type { EvidenceError, EvidenceErrorCode } from './errors.js'
export { formatMeasuredLoops } from './format.js'
export type { MeasuredLoopsFormat } from './format.js'
export {
  kaplanMeier,
  survivalAt,
  closureBy,
  quantileTime,
  medianTime,
  RiskSetBuilder,
  summariseRiskSet,
  mergeRiskSets,
  emptyRiskSet,
  riskSetTotals,
  QuantileSketchBuilder,
  sketchValues,
  mergeSketches,
  sketchQuantile,
  emptySketch,
  normalQuantile,
  smallestIndexableValue,
  defaultRelativeAccuracy,
  sketchBucket,
} from '../stats/index.js'
export type {
  KaplanMeierRow,
  KaplanMeierEstimate,
  KaplanMeierOptions,
  EstimateWithInterval,
  TimeWithInterval,
  RiskSetSummary,
  SurvivalObservation,
  QuantileSketch,
} from '../stats/index.js'
export { calibrate, calibrationFormat } from './calibrate.js'
export type { Calibration, CalibrateOptions, ClosureCheck } from './calibrate.js'
export type { FittedChannel, FittedRole } from './calibrate-fit.js'
export { simulatedLogCsv, simulatedLogEvents, simulatedStageMapping } from './simulated-log.js'
export type { SimulatedLogOptions } from './simulated-log.js'
export { formatCalibration } from './calibrate-format.js'
export type { CalibrationFormat } from './calibrate-format.js'
export { diagnoseWithEvidence, evidenceRules } from './diagnose-evidence.js'
export type { Evidence, EvidenceRule, EvidenceRuleId } from './diagnose-evidence.js'
export { MeasuredFindings, decodeMeasuredFindings } from './measured-findings.js'
