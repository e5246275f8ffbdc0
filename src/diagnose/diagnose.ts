import * as E from 'fp-ts/lib/Either.js'
import type { Model } from '../model/codecs.js'
import type { AssetId } from '../model/primitives.js'
import type { CompiledGraph } from '../graph/compile.js'
import { compareIds } from '../graph/components.js'
import { type DiagnosisConfig, type ResolvedConfig, resolveConfig, severityOf } from './config.js'
import { settleRepairs } from './settle-repairs.js'
import { createTidy } from './tidy-repairs.js'
import { type RepairContext, createDiagnosisContext } from './context.js'
import { repairContextOf } from './repair-context.js'
import { invariant } from './invariant.js'
import { type Said, withoutRepeats } from './yields.js'
import { compareDefects, compareDefectsOfOneRule, summarise } from './order.js'
import { type Scorecard, computeScorecard } from './scorecard.js'
import type { AnyRule, Defect, DiagnosisOptionsUsed, DiagnosisSummary, Finding } from './types.js'

/**
 * The result of {@link diagnose}: what is wrong with an organisation's intelligence
 * loops, in order of severity, with counts, a scorecard and the options used.
 * @category Diagnosis
 */
export interface Diagnosis {
  /** The id of the model diagnosed. */
  readonly model: string
  /** Sorted: severity (error, warning, info), rule id, actors, channels; deterministic. */
  readonly defects: ReadonlyArray<Defect>
  readonly summary: DiagnosisSummary
  readonly scorecard: Scorecard
  /** `true` when loop enumeration or a rule's bounded search hit a bound, so loop-based findings may be incomplete. */
  readonly truncated: boolean
  readonly options: DiagnosisOptionsUsed
  /**
   * Names of the actors and assets that repairs mention, by id, when the diagnosis ran
   * with `names: true` (absent otherwise), so reports can name them.
   */
  readonly labels?: Readonly<Record<string, string>>
}

const isSortedUnique = (ids: ReadonlyArray<string>): boolean => {
  for (let i = 1; i < ids.length; i++) if (compareIds(ids[i - 1]!, ids[i]!) >= 0) return false
  return true
}

const sortedIds = <T extends string>(ids: ReadonlyArray<T>): ReadonlyArray<T> =>
  isSortedUnique(ids) ? ids : [...new Set(ids)].sort(compareIds)

/** Names of every actor and asset a repair mentions (created assets by their proposed names). */
const repairLabels = (context: RepairContext, defects: ReadonlyArray<Defect>): Readonly<Record<string, string>> => {
  const labels: Record<string, string> = Object.create(null)
  for (const defect of defects) {
    for (const channel of defect.repair ?? []) {
      for (const asset of channel.creates ?? []) labels[asset.id] = asset.name
      for (const id of [channel.from, channel.to]) labels[id] ??= context.actor(id)?.name ?? id
      for (const id of channel.carries) labels[id] ??= context.asset(id)?.name ?? id
    }
  }
  return labels
}

/**
 * The rules whose findings on a repaired model concern only sources that do not yet close
 * with `did`, or the subjects of declared loops: repairs only add channels and assets, so
 * knowledge reaches at least what it reached, a loop that closes with `did` still does,
 * and these rules say nothing of it.
 */
const perSourceRules: ReadonlySet<string> = new Set(['acted-not-reported', 'open-loop', 'declared-loop-broken'])

/**
 * What settling must trace again: every source whose loop does not close with `did`, the
 * declared sources, and every source held by the first actor of a declared loop with no
 * source (whose subject is that actor's best-travelled loop).
 */
const sourcesToSettle = (context: ReturnType<typeof createDiagnosisContext>): ReadonlyArray<AssetId> => {
  const firsts = new Set(context.model.loops.filter((declared) => declared.source === undefined).map((declared) => declared.through[0]))
  const sources = new Set<AssetId>()
  for (const declared of context.model.loops) if (declared.source !== undefined) sources.add(declared.source)
  for (const loop of context.traces().loops) if (loop.outcome !== 'did' || firsts.has(loop.holder)) sources.add(loop.source)
  return [...sources]
}

/**
 * Join a text built from many pieces into one run of characters, in place. V8 keeps a
 * string built by concatenation as a tree of its pieces (about a dozen nodes for a
 * finding's message); a hundred thousand findings and their repairs' reasons, kept to
 * the end of a diagnosis, would hold over a million small nodes that every collection of
 * the heap walks. Reading the string as a number makes V8 flatten it (the technique of
 * the `flatstr` package), and the tree becomes garbage while it is still young.
 */
const flatten = (text: string): void => {
  Number(text)
}

const demote = (severity: Defect['severity']): Defect['severity'] => (severity === 'error' ? 'warning' : 'info')

const noAssets: Defect['assets'] = Object.freeze([])

const toDefect = (rule: string, severity: Defect['severity'], finding: Finding): Defect => {
  // Object literals with fixed keys rather than spreads: few shapes, and the documented key
  // order (rule, severity, message, level, actors, channels, assets, loop, repair).
  const { message, level } = finding
  const actors = sortedIds(finding.actors)
  const channels = sortedIds(finding.channels)
  const assets = finding.assets === undefined ? noAssets : sortedIds(finding.assets)
  const defect: { -readonly [K in keyof Defect]: Defect[K] } =
    level === undefined ? { rule, severity, message, actors, channels, assets } : { rule, severity, message, level, actors, channels, assets }
  if (finding.loop !== undefined) defect.loop = finding.loop
  if (finding.repair !== undefined) defect.repair = finding.repair
  return defect
}

/**
 * Run every rule the config leaves on over one shared context (tracing only `sources`, and
 * compiling with what the `earlier` graph read of the channels the model shares with it,
 * when given); the defects sorted.
 */
const runRules = (model: Model, resolved: ResolvedConfig, sources?: ReadonlyArray<AssetId>, earlier?: CompiledGraph) => {
  const context = createDiagnosisContext(model, {
    loopBounds: resolved.loops,
    names: resolved.names,
    ...(sources === undefined ? {} : { sources }),
    ...(earlier === undefined ? {} : { earlier }),
  })
  // Defects of one rule share its severity, the first two sort keys: sort each rule's
  // batch on its own, then lay the batches out in (severity, rule) order.
  const batches = new Map<string, Defect[]>()
  const batchOf = (own: Defect['severity'], rule: string): Defect[] => {
    // Severities are plain words: a space cannot occur in one, so the key is unambiguous.
    const key = `${own} ${rule}`
    let batch = batches.get(key)
    if (batch === undefined) batches.set(key, (batch = []))
    return batch
  }
  const ran: string[] = []
  const said: Said[] = []
  for (const entry of resolved.rules) {
    const severity = severityOf(entry)
    if (severity === undefined) continue
    ran.push(entry.rule.id)
    for (const finding of entry.rule.check(context, entry.options)) {
      flatten(finding.message)
      for (const proposal of finding.repair ?? []) flatten(proposal.reason)
      said.push({ rule: entry.rule.id, severity: finding.demoted === true ? demote(severity) : severity, finding })
    }
  }
  for (const { rule, severity, finding } of withoutRepeats(said)) batchOf(severity, rule).push(toDefect(rule, severity, finding))
  const defects: Defect[] = []
  for (const batch of [...batches.values()].filter((list) => list.length > 0).sort((a, b) => compareDefects(a[0]!, b[0]!))) {
    for (const defect of batch.sort(compareDefectsOfOneRule)) defects.push(defect)
  }
  return { context, defects, ran }
}

/**
 * The first diagnosis of a model and what settling its repairs needs of it: the sources to
 * trace again and the little of its context that tidying repairs uses. A function of its
 * own, so that nothing settling keeps holds the whole context: its traces and indices
 * (hundreds of megabytes on a large model) go while the repaired model is diagnosed.
 */
const firstDiagnosis = (model: Model, resolved: ResolvedConfig, settling: ResolvedConfig) => {
  const { context, defects, ran } = runRules(model, resolved)
  const sources = settling.rules.every((entry) => perSourceRules.has(entry.rule.id)) ? sourcesToSettle(context) : undefined
  const scorecard = computeScorecard(context)
  // Read after every rule and the scorecard, since bounded searches may set it.
  return { defects, ran, scorecard, truncated: context.truncated, sources, context: repairContextOf(context) }
}

/**
 * Diagnose a model: run every rule the config leaves on over one shared context (the
 * compiled graph, components, loops enumerated once within bounds, asset flows), and
 * return the defects found, sorted, with a summary and a scorecard. The output is the
 * same, byte for byte once serialised, whatever order the model lists its actors,
 * assets and channels in.
 *
 * A typed config is checked by the compiler; a config that still breaks the rules at run
 * time (an unknown rule id, options out of range) is a programming error and throws
 * through `invariant()`. Check untrusted configs with {@link parseDiagnosisConfig}.
 *
 * Cost: one compilation of the model, one trace of every source (`traceLoops`), the
 * rules over the traced loops, the bounded search of `single-point-of-failure`, O(D log D)
 * to sort the D defects, and, when there are repairs, one run of the error and open-loop
 * rules on the repaired model per round of settling (at most three; tracing again only
 * the sources that do not yet close with `did`). Measured (`bench/trace.ts`, generated
 * organisations with provenance, each run from a collected heap, one round of settling):
 * 23x to 33x the time of compiling the model and finding its strongly connected
 * components at 100k actors / 1M channels, as fast or slow as the machine runs that
 * memory-bound baseline (15 to 18 s of CPU time on a 2-core machine, peak memory about
 * 1.3 GB), still short of the 20x this should be; see the project's open issue on
 * traced loops.
 *
 * @example
 * {@includeCode ../../examples/diagnose-board.ts#diagnose}
 * @category Diagnosis
 */
export const diagnose = <const Plugins extends ReadonlyArray<AnyRule> = ReadonlyArray<never>>(
  model: Model,
  config?: DiagnosisConfig<Plugins>,
): Diagnosis => {
  const resolved = resolveConfig(config)
  invariant(
    E.isRight(resolved),
    `invalid diagnosis config: ${E.isLeft(resolved) ? resolved.left.map((error) => `${error.path} ${error.message}`).join('; ') : ''}`,
  )
  const { rules, loops, names } = resolved.right
  // Repairs of different findings can meet (a story passed on reaches a change another
  // repair does not report): settle them so that applying them all clears every error.
  // Only the rules whose findings repairs must clear (errors, open loops) run again.
  const settling = { ...resolved.right, rules: resolved.right.rules.filter((entry) => severityOf(entry) === 'error' || entry.rule.id === 'open-loop') }
  const { defects: found, ran, scorecard, truncated, sources, context } = firstDiagnosis(model, resolved.right, settling)
  // Each round applies the repairs to the model in id order, so the repaired one stays in
  // canonical order with only the new channels and assets merged in, not sorted again.
  const defects = settleRepairs(context.model, found, createTidy(context), (repaired) => runRules(repaired, settling, sources, context.graph).defects)
  const labels = names ? repairLabels(context, defects) : undefined
  return {
    model: model.id,
    ...(labels === undefined ? {} : { labels }),
    defects,
    summary: summarise(defects, ran),
    scorecard,
    truncated,
    options: {
      rules: rules.map((entry) => ({ id: entry.rule.id, severity: entry.severity, options: entry.options })),
      loops,
      names,
    },
  }
}
