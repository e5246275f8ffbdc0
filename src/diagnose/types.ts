import * as t from 'io-ts'
import type { ActorId, AssetId, ChannelId } from '../model/primitives.js'
import type { Level } from '../model/vocabulary.js'
import type { Loop, ProposedChannel } from '../graph/types.js'
import type { DiagnosisContext } from './context.js'

/**
 * How much a defect matters: `error` (the loop is broken), `warning` (the loop is weak or
 * missing), `info` (worth knowing).
 * @category Diagnosis
 */
export const Severity = t.keyof({ error: null, warning: null, info: null }, "'error', 'warning' or 'info'")
/** @category Diagnosis */
export type Severity = t.TypeOf<typeof Severity>

/** A severity, or `off` to turn a rule off. @category Rules */
export const RuleLevel = t.keyof({ error: null, warning: null, info: null, off: null }, "'error', 'warning', 'info' or 'off'")
/** @category Rules */
export type RuleLevel = t.TypeOf<typeof RuleLevel>

/**
 * What a rule reports, before the engine adds the rule id and the severity. Actor and
 * channel ids only; the message is one sentence in domain words.
 * @category Rules
 */
export interface Finding {
  readonly message: string
  readonly level?: Level
  readonly actors: ReadonlyArray<ActorId>
  readonly channels: ReadonlyArray<ChannelId>
  /**
   * `true` for a finding that matters less than the rule's others (an open loop of
   * professional evidence next to one of patients' stories): reported one severity
   * below the rule's (a warning as info; info stays info).
   */
  readonly demoted?: boolean
  /** The sources and derived assets the finding is about (absent: none). */
  readonly assets?: ReadonlyArray<AssetId>
  readonly loop?: Loop
  /** Channels that would repair the defect, where a repair is computable. */
  readonly repair?: ReadonlyArray<ProposedChannel>
}

/**
 * One thing wrong with the organisation's intelligence loops ([Architecture: the public contract](../../docs/architecture.md#the-public-contract)):
 * `{ rule, severity, message, level?, actors, channels, assets, loop?, repair? }`, ids sorted.
 * @category Diagnosis
 */
export interface Defect extends Finding {
  readonly rule: string
  readonly severity: Severity
  readonly assets: ReadonlyArray<AssetId>
}

/**
 * A diagnosis rule in the manner of ESLint. `options` decodes what a config gives (any
 * subset of the options, or nothing) into the full options, filling defaults; `check`
 * reads the shared {@link DiagnosisContext} and returns findings. Rules never recompute
 * what the context already holds.
 * @category Rules
 */
export interface Rule<Id extends string = string, Options = unknown> {
  /** Kebab-case, unique among the rules of one diagnosis. */
  readonly id: Id
  /** One sentence: what the rule finds. */
  readonly description: string
  readonly defaultSeverity: Severity
  readonly options: t.Decoder<unknown, Options>
  /** Look at the model through the shared context and return what the rule finds. */
  readonly check: (context: DiagnosisContext, options: Options) => ReadonlyArray<Finding>
}

/** Any rule, whatever its id and options. @category Rules */
export type AnyRule = Rule<string, any>

/** The options type of a rule. @category Rules */
export type OptionsOf<R> = R extends Rule<string, infer O> ? O : never

/**
 * How a config sets one rule: a level alone, or a level with some of its options, as in
 * ESLint: `'off'`, `'warning'`, `['warning', { maxLatencyDays: 14 }]`.
 * @category Rules
 */
export type RuleSetting<Options> = RuleLevel | readonly [RuleLevel] | readonly [RuleLevel, Partial<Options>]

/** Counts of defects by severity and by rule id. @category Diagnosis */
export interface DiagnosisSummary {
  readonly total: number
  readonly bySeverity: { readonly error: number; readonly warning: number; readonly info: number }
  /** Rule id and count, for every rule that ran, sorted by rule id. */
  readonly byRule: ReadonlyArray<{ readonly rule: string; readonly count: number }>
}

/** The configuration a diagnosis ran with, fully resolved. @category Diagnosis */
export interface DiagnosisOptionsUsed {
  /** Every known rule, sorted by id, with its level and its full options. */
  readonly rules: ReadonlyArray<{ readonly id: string; readonly severity: RuleLevel; readonly options: unknown }>
  readonly loops: { readonly maxLength: number; readonly maxLoops: number; readonly budget: number }
  readonly names: boolean
}
