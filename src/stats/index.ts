/**
 * Survival analysis and mergeable sketches: pure arithmetic, importing nothing else of
 * orgintel, shared by the measured loops (`src/evidence`) and the simulation.
 * @packageDocumentation
 */
export { kaplanMeier, survivalAt, closureBy, quantileTime, medianTime } from './kaplan-meier.js'
export type { KaplanMeierRow, KaplanMeierEstimate, KaplanMeierOptions, EstimateWithInterval, TimeWithInterval } from './kaplan-meier.js'
export { RiskSetBuilder, summariseRiskSet, mergeRiskSets, emptyRiskSet, riskSetTotals } from './risk-set.js'
export type { RiskSetSummary, SurvivalObservation } from './risk-set.js'
export {
  QuantileSketchBuilder,
  sketchValues,
  mergeSketches,
  sketchQuantile,
  emptySketch,
  smallestIndexableValue,
  defaultRelativeAccuracy,
  sketchBucket,
} from './quantile-sketch.js'
export type { QuantileSketch } from './quantile-sketch.js'
export { normalQuantile } from './normal.js'
