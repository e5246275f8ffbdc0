import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { closestName } from '../model/suggest.js'
import { toPointer } from '../model/errors.js'
import { type ConfigError, configErrorsOf } from './config-errors.js'
import { type BuiltinRule, builtinRules } from './rules/index.js'
import { PositiveInteger } from './rule-options.js'
import type { LoopBounds } from './context.js'
import { type AnyRule, type OptionsOf, RuleLevel, type RuleSetting, Severity } from './types.js'

/**
 * A diagnosis config, in the manner of ESLint. Rule ids and options are type-checked
 * against the built-in rules and the `plugins` given:
 * `{ rules: { 'slow-loop': ['warning', { maxLatencyDays: 14 }], 'no-memory': 'off' } }`.
 * For untrusted input (files, the CLI) use {@link parseDiagnosisConfig}.
 * @category Diagnosis
 */
export interface DiagnosisConfig<Plugins extends ReadonlyArray<AnyRule> = ReadonlyArray<never>> {
  /** Levels and options by rule id; a rule not named runs at its default severity. */
  readonly rules?: { readonly [R in BuiltinRule | Plugins[number] as R['id']]?: RuleSetting<OptionsOf<R>> }
  /** Custom rules (see {@link defineRule}); their ids must not clash with built-in ones. */
  readonly plugins?: Plugins
  /** Bounds on loop enumeration (defaults: 12 steps, 1,000 loops, 500,000 search steps). */
  readonly loops?: { readonly maxLength?: number; readonly maxLoops?: number; readonly budget?: number }
  /** Name actors and assets by `name` in messages, not by id (default `false`: names may identify people). */
  readonly names?: boolean
}

/** A rule with the level and full options a config gave it. @category Diagnosis */
export interface ResolvedRule {
  readonly rule: AnyRule
  readonly severity: RuleLevel
  readonly options: unknown
}

/** A config with every default filled in and every rule resolved, in id order. @category Diagnosis */
export interface ResolvedConfig {
  readonly rules: ReadonlyArray<ResolvedRule>
  readonly loops: LoopBounds
  readonly names: boolean
}

/** Default loop enumeration bounds for a diagnosis. @category Diagnosis */
export const defaultLoopBounds = { maxLength: 12, maxLoops: 1_000, budget: 500_000 } as const

const RuleSettingCodec = t.union(
  [RuleLevel, t.tuple([RuleLevel, t.unknown]), t.tuple([RuleLevel])],
  "a level ('error', 'warning', 'info', 'off') or [level, options]",
)
const PluginCodec = t.type(
  {
    id: t.string,
    description: t.string,
    defaultSeverity: Severity,
    options: t.type({ decode: t.Function }, 'an io-ts decoder'),
    check: t.Function,
  },
  'a rule (see defineRule)',
)
const LoopBoundsCodec = t.partial({ maxLength: PositiveInteger, maxLoops: PositiveInteger, budget: PositiveInteger }, 'loop bounds')
const ConfigShape = t.partial(
  { rules: t.UnknownRecord, plugins: t.readonlyArray(PluginCodec), loops: LoopBoundsCodec, names: t.boolean },
  'a diagnosis config',
)
const topFields: ReadonlySet<string> = new Set(['rules', 'plugins', 'loops', 'names'])
const loopFields: ReadonlySet<string> = new Set(['maxLength', 'maxLoops', 'budget'])

const suggestion = (name: string, known: ReadonlyArray<string>): string => {
  const likely = closestName(name, known)
  return likely === undefined ? '' : ` Did you mean ${JSON.stringify(likely)}?`
}

const unknownFields = (value: object, known: ReadonlySet<string>, base: ReadonlyArray<string>): ConfigError[] =>
  Object.keys(value)
    .filter((key) => !known.has(key))
    .map((key) => ({
      code: 'unknown-field',
      path: toPointer([...base, key]),
      message: `The config has no field ${JSON.stringify(key)} (known: ${[...known].join(', ')}).${suggestion(key, [...known])}`,
    }))

/**
 * Check a config of unknown shape and resolve it: every error is collected, with a JSON
 * Pointer path. Used by {@link parseDiagnosisConfig} and, for typed configs, by
 * {@link diagnose}.
 * @internal
 */
export const resolveConfig = (input: unknown): E.Either<ReadonlyArray<ConfigError>, ResolvedConfig> => {
  const shape = ConfigShape.decode(input === undefined ? {} : input)
  if (E.isLeft(shape)) return E.left(configErrorsOf(shape.left, [], 'invalid-config'))
  const config = shape.right
  const errors: ConfigError[] = unknownFields(input ?? {}, topFields, [])
  if (config.loops !== undefined) errors.push(...unknownFields(config.loops, loopFields, ['loops']))
  const known = new Map<string, AnyRule>()
  for (const rule of builtinRules) known.set(rule.id, rule)
  ;(config.plugins ?? []).forEach((plugin, index) => {
    if (known.has(plugin.id)) {
      errors.push({
        code: 'duplicate-rule',
        path: toPointer(['plugins', index, 'id']),
        message: `A rule with id ${JSON.stringify(plugin.id)} is already defined.`,
      })
    }
    known.set(plugin.id, plugin as unknown as AnyRule)
  })
  const settings = new Map<string, { severity: RuleLevel; options: unknown }>()
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const rule = known.get(id)
    if (rule === undefined) {
      errors.push({ code: 'unknown-rule', path: toPointer(['rules', id]), message: `No rule has the id ${JSON.stringify(id)}.${suggestion(id, [...known.keys()])}` })
      continue
    }
    const decoded = RuleSettingCodec.decode(setting)
    if (E.isLeft(decoded)) {
      errors.push(...configErrorsOf(decoded.left, ['rules', id], 'invalid-setting').slice(0, 1))
      continue
    }
    const [severity, given] = typeof decoded.right === 'string' ? [decoded.right, undefined] : decoded.right
    const options = rule.options.decode(given)
    if (E.isLeft(options)) {
      errors.push(...configErrorsOf(options.left, ['rules', id, 1], 'invalid-options'))
      continue
    }
    settings.set(id, { severity, options: options.right })
  }
  for (const rule of known.values()) {
    if (settings.has(rule.id) || E.isRight(rule.options.decode(undefined))) continue
    errors.push({
      code: 'invalid-options',
      path: toPointer(['rules', rule.id]),
      message: `Rule ${JSON.stringify(rule.id)} has options without defaults, so the config must give them.`,
    })
  }
  if (errors.length > 0) return E.left(errors)
  const rules = [...known.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((rule): ResolvedRule => {
      const setting = settings.get(rule.id)
      if (setting !== undefined) return { rule, ...setting }
      const defaults = rule.options.decode(undefined)
      return { rule, severity: rule.defaultSeverity, options: E.isRight(defaults) ? defaults.right : undefined }
    })
  return E.right({
    rules,
    loops: { ...defaultLoopBounds, ...config.loops },
    names: config.names ?? false,
  })
}

/**
 * Validate a diagnosis config from an untrusted source (a file, the command line): a
 * `Left` lists every problem with a JSON Pointer path (`/rules/slow-loop/1/maxLatencyDays`),
 * never a throw.
 * @category Diagnosis
 */
export const parseDiagnosisConfig = (
  input: unknown,
): E.Either<ReadonlyArray<ConfigError>, DiagnosisConfig<ReadonlyArray<AnyRule>>> =>
  E.map(() => (input ?? {}) as DiagnosisConfig<ReadonlyArray<AnyRule>>)(resolveConfig(input))

/** The severity a resolved rule reports with, or `undefined` when it is off. @internal */
export const severityOf = (resolved: ResolvedRule): Severity | undefined =>
  resolved.severity === 'off' ? undefined : resolved.severity
