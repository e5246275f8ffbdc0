/**
 * orgintel: model organisational intelligence in health and care co-production.
 * This entry is browser-safe: it imports nothing from Node.
 * @packageDocumentation
 * @module orgintel
 */

// Model
export { Actor, Channel, DeclaredLoop, KnowledgeAsset, ModelCodec, previousSchemaVersion, schemaVersion } from './model/codecs.js'
export type { Model } from './model/codecs.js'
export { decodeModel, encodeModel, parseModel } from './model/decode.js'
export { decodeModelDocument, parseModelDocument } from './model/decode.js'
export type { DecodedModel } from './model/decode.js'
export type { ModelNotice, ModelNoticeCode } from './model/errors.js'
export { formatModelErrors, maxReportedErrors } from './model/errors.js'
export type { ModelError, ModelErrorCode, ModelWarning, ModelWarningCode } from './model/errors.js'
export { modelWarnings } from './model/warnings.js'
export { modelJsonSchema } from './model/json-schema.js'
export type { JsonSchema } from './model/json-schema.js'
export { createModel, modelBuilder } from './model/builder.js'
export type { ActorDraft, AssetDraft, ChannelDraft, LoopDraft, ModelBuilder, ModelDraft, ModelHeader } from './model/builder.js'
export { ActorId, AssetId, ChannelId, LoopId, NonEmptyText, NonNegative, PositiveCount, Probability } from './model/primitives.js'
export type { DerivedDefault, DraftOf, FieldDefault } from './model/primitives.js'
export { Text } from './model/primitives.js'
export {
  ActorKind,
  AssetKind,
  ChannelStatus,
  Level,
  Perspective,
  Polarity,
  capabilities,
  capabilityOf,
  defaultPerspective,
  governingLevelOf,
  isLayVoice,
  isProfessionalVoice,
  levels,
  LoopOutcomePromise,
} from './model/vocabulary.js'
export type { Capability } from './model/vocabulary.js'

// Graph
export { channelOfEdge, compileGraph } from './graph/compile.js'
export { restrictGraph } from './graph/restrict.js'
export type { CompiledGraph, GraphScope } from './graph/compile.js'
export type { FindLoopsOptions, LearningOrder, Loop, LoopPolarity, LoopSearch, ProposedAsset, ProposedChannel } from './graph/types.js'
export { componentsOf, stronglyConnectedComponents } from './graph/components.js'
export type { ComponentIndex } from './graph/components.js'
export { defaultLoopBounds, findLoops, findLoopsInGraph, iterateLoops, iterateLoopsInGraph } from './graph/loops.js'
export { LoopTable } from './graph/loop-table.js'
export { describeLoop } from './graph/describe.js'
export { compileTrace, defaultTraceBudget, isSourceAsset, traceLoops, traceLoopsOf } from './graph/trace.js'
export type { TraceIndex } from './graph/trace.js'
export { loopOutcomes } from './graph/trace-types.js'
export type { LoopOutcome, LoopStop, StopReason, TraceLoopsOptions, TraceSearch, TracedLoop, TracedStep } from './graph/trace-types.js'
export { compileCarriage } from './graph/carriage.js'
export { carriedAssetsByChannel } from './graph/carried.js'
export type { Carriage } from './graph/carriage.js'
export { compileProvenance, traceStageOf } from './graph/provenance.js'
export type { Provenance } from './graph/provenance.js'
export { returnPath, returnPathInGraph, shortestLoopInGraph, shortestLoopThrough } from './graph/paths.js'
export type { ReturnPath, ReturnPathOptions } from './graph/paths.js'
export { repairsForGraph, suggestRepairs } from './graph/repairs.js'
export { applyRepairs } from './graph/apply-repairs.js'
export type { RepairGoal, SuggestRepairsOptions } from './graph/repairs.js'
export type { ActorAdjacency } from './graph/adjacency.js'
export { defaultMaxSearchSteps, findSinglePointsOfFailure } from './graph/fragility.js'
export type { SinglePointOfFailure, SinglePointsOfFailure, SinglePointsOfFailureOptions } from './graph/fragility.js'
export { decodeGraphlibId, encodeActorNodeId, encodeChannelEdgeName, fromGraphlib, toGraphlib } from './graph/graphlib.js'
export type { GraphlibModelLabel, ModelGraph } from './graph/graphlib.js'

// Diagnosis
export { diagnose } from './diagnose/diagnose.js'
export type { Diagnosis } from './diagnose/diagnose.js'
export { parseDiagnosisConfig } from './diagnose/config.js'
export type { DiagnosisConfig } from './diagnose/config.js'
export type { ConfigError, ConfigErrorCode } from './diagnose/config-errors.js'
export { defineRule } from './diagnose/define-rule.js'
export { builtinRules } from './diagnose/rules/index.js'
export { diagnosisFormatVersion, formatDiagnosis } from './diagnose/format.js'
export type { DiagnosisFormat } from './diagnose/format.js'
export { highlightOf } from './diagnose/highlight.js'
export { defaultLoopBounds as defaultDiagnosisLoopBounds } from './diagnose/config.js'
export type { ResolvedConfig, ResolvedRule } from './diagnose/config.js'
export type { BuiltinRule, BuiltinRuleId } from './diagnose/rules/index.js'
export type { DiagnosisContext, LoopBounds, TracedActors } from './diagnose/context.js'
export type { ChannelCargo } from './diagnose/cargo.js'
export type { NamingPolicy } from './diagnose/naming.js'
export { NonNegativeNumber, PositiveInteger, noOptions, ruleOptions } from './diagnose/rule-options.js'
export type { OptionsFromProps } from './diagnose/rule-options.js'
export { carriers, maskOf } from './diagnose/flow.js'
export type { FlowDirection, KindMask } from './diagnose/flow.js'
export { compareDefects } from './diagnose/order.js'
export type { DiagnosisHighlight } from './diagnose/highlight.js'
export type { OutcomeShares, Scorecard, ScorecardFigures, SensemakingDiversity } from './diagnose/scorecard.js'
export type {
  AnyRule,
  Defect,
  DiagnosisOptionsUsed,
  DiagnosisSummary,
  Finding,
  OptionsOf,
  Rule,
  RuleLevel,
  RuleSetting,
  Severity,
} from './diagnose/types.js'

// Simulation
export { defaultMaxEvents, maxSimulationDays, simulate } from './simulate/simulate.js'
export type { SimulationOptions } from './simulate/simulate.js'
export { ActorParameters, LatencyDistribution, SimulationParameters, defaultSimulationParameters } from './simulate/parameters.js'
export { AddedChannel, Intervention, repairInterventions } from './simulate/interventions.js'
export { checkSimulationOptions } from './simulate/issues.js'
export type { SimulationIssue } from './simulate/issues.js'
export { simulationMetricNames } from './simulate/result.js'
export type { SimulationDay, SimulationMetrics, SimulationResult } from './simulate/result.js'
export { createRandom } from './simulate/random.js'
export type { RandomSource } from './simulate/random.js'
export { deriveRunSeed } from './simulate/seed.js'
export { closureHorizons } from './simulate/estimates.js'
export type { SimulationEstimates } from './simulate/estimates.js'
export type { SimulationGroup, SimulationGroups } from './simulate/groups.js'
export type { SimulationItem, SimulationOutcome } from './simulate/items.js'
export { ChannelParameters } from './simulate/parameters.js'
export { defaultMaxRecordedEvents } from './simulate/event-log.js'
export type { SimulationEventLog, SimulationLogEvent } from './simulate/event-log.js'
