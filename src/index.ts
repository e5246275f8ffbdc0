/**
 * orgintel: model organisational intelligence in health and care co-production.
 * This entry is browser-safe: it imports nothing from Node.
 * @packageDocumentation
 */

// Model
export { Actor, Channel, DeclaredLoop, KnowledgeAsset, ModelCodec, schemaVersion } from './model/codecs.js'
export type { Model } from './model/codecs.js'
export { decodeModel, encodeModel, parseModel } from './model/decode.js'
export { formatModelErrors, maxReportedErrors } from './model/errors.js'
export type { ModelError, ModelErrorCode, ModelWarning, ModelWarningCode } from './model/errors.js'
export { ActorId, AssetId, ChannelId, LoopId, NonEmptyText, NonNegative, Probability } from './model/primitives.js'
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
  levels,
} from './model/vocabulary.js'
export type { Capability } from './model/vocabulary.js'

// Graph
export { channelOfEdge, compileGraph } from './graph/compile.js'
export type { CompiledGraph, GraphScope } from './graph/compile.js'
export type { FindLoopsOptions, LearningOrder, Loop, LoopPolarity, LoopSearch, ProposedChannel } from './graph/types.js'
