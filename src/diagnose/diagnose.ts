import * as E from 'fp-ts/lib/Either.js'
import type { Model } from '../model/codecs.js'
import { compareIds } from '../graph/components.js'
import { type DiagnosisConfig, resolveConfig, severityOf } from './config.js'
import { createDiagnosisContext } from './context.js'
import { invariant } from './invariant.js'
import { compareDefects, summarise } from './order.js'
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
}

const isSortedUnique = (ids: ReadonlyArray<string>): boolean => {
  for (let i = 1; i < ids.length; i++) if (compareIds(ids[i - 1]!, ids[i]!) >= 0) return false
  return true
}

const sortedIds = <T extends string>(ids: ReadonlyArray<T>): ReadonlyArray<T> =>
  isSortedUnique(ids) ? ids : [...new Set(ids)].sort(compareIds)

const toDefect = (rule: string, severity: Defect['severity'], finding: Finding): Defect => ({
  rule,
  severity,
  message: finding.message,
  ...(finding.level === undefined ? {} : { level: finding.level }),
  actors: sortedIds(finding.actors),
  channels: sortedIds(finding.channels),
  ...(finding.loop === undefined ? {} : { loop: finding.loop }),
  ...(finding.repair === undefined ? {} : { repair: finding.repair }),
})

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
 * Cost: O(V + E) per level for the graph figures, loop enumeration within its bounds,
 * and the bounded searches of `acted-not-reported` and the scorecard.
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
  const context = createDiagnosisContext(model, { loopBounds: loops, names })
  const defects: Defect[] = []
  const ran: string[] = []
  for (const entry of rules) {
    const severity = severityOf(entry)
    if (severity === undefined) continue
    ran.push(entry.rule.id)
    for (const finding of entry.rule.check(context, entry.options)) defects.push(toDefect(entry.rule.id, severity, finding))
  }
  defects.sort(compareDefects)
  const scorecard = computeScorecard(context)
  // Read after every rule and the scorecard, since bounded searches may set it.
  const truncated = context.truncated || context.loops().truncated
  return {
    model: model.id,
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
