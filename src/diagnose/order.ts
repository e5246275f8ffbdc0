import { compareIds } from '../graph/components.js'
import type { Defect, DiagnosisSummary, Severity } from './types.js'

const severityRank: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 }

const compareLists = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): number => {
  const shorter = Math.min(a.length, b.length)
  for (let i = 0; i < shorter; i++) {
    const order = compareIds(a[i]!, b[i]!)
    if (order !== 0) return order
  }
  return a.length - b.length
}

/**
 * The order defects are reported in: severity (error, warning, info), then rule id, then
 * actors, channels, level and message — a total order, so output is deterministic.
 * @category Diagnosis
 */
export const compareDefects = (a: Defect, b: Defect): number =>
  severityRank[a.severity] - severityRank[b.severity] || compareIds(a.rule, b.rule) || compareDefectsOfOneRule(a, b)

/**
 * {@link compareDefects} for two defects of the same rule and severity: actors, channels,
 * level, message.
 * @category Diagnosis
 */
export const compareDefectsOfOneRule = (a: Defect, b: Defect): number =>
  compareLists(a.actors, b.actors) ||
  compareLists(a.channels, b.channels) ||
  compareIds(a.level ?? '', b.level ?? '') ||
  compareIds(a.message, b.message)

/**
 * Counts of defects by severity and by rule; every rule that ran is listed, with 0 when
 * it found nothing. O(defects + rules).
 * @category Diagnosis
 */
export const summarise = (defects: ReadonlyArray<Defect>, rulesRun: ReadonlyArray<string>): DiagnosisSummary => {
  const bySeverity = { error: 0, warning: 0, info: 0 }
  const byRule = new Map<string, number>(rulesRun.map((id) => [id, 0]))
  for (const defect of defects) {
    bySeverity[defect.severity]++
    byRule.set(defect.rule, (byRule.get(defect.rule) ?? 0) + 1)
  }
  return {
    total: defects.length,
    bySeverity,
    byRule: [...byRule].sort((a, b) => compareIds(a[0], b[0])).map(([rule, count]) => ({ rule, count })),
  }
}
