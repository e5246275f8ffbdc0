import { type Level, levels } from '../model/vocabulary.js'
import type { Diagnosis } from './diagnose.js'
import type { Defect, Severity } from './types.js'

const severities: ReadonlyArray<Severity> = ['error', 'warning', 'info']

/** Defects grouped by level (delivery, planning, strategy, then those with no level), in diagnosis order. @internal */
export const groupByLevel = (defects: ReadonlyArray<Defect>): ReadonlyArray<{ readonly level: Level | undefined; readonly defects: ReadonlyArray<Defect> }> =>
  [...levels, undefined]
    .map((level) => ({ level, defects: defects.filter((defect) => defect.level === level) }))
    .filter((group) => group.defects.length > 0)

/** The repairs of the open-loop defects of a group, once each. @internal */
export const repairsOf = (defects: ReadonlyArray<Defect>): ReadonlyArray<NonNullable<Defect['repair']>[number]> => {
  const seen = new Set<string>()
  const result: Array<NonNullable<Defect['repair']>[number]> = []
  for (const defect of defects) {
    if (defect.rule !== 'open-loop') continue
    for (const channel of defect.repair ?? []) {
      const key = JSON.stringify([channel.from, channel.to, channel.level])
      if (seen.has(key)) continue
      seen.add(key)
      result.push(channel)
    }
  }
  return result
}

/** "1 error", "2 errors". @internal */
export const countOf = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`

const daysOf = (value: number | null): string => (value === null ? 'n/a days' : countOf(value, 'day'))

const percent = (share: number | null): string => (share === null ? 'n/a' : `${Math.round(share * 100)}%`)

/**
 * Plain text for a terminal: a summary line, then defects grouped by level, most severe
 * first, then the repairs that would close every open loop and the main scorecard
 * figures. Every defect is one line: `severity  rule  message`.
 * @internal
 */
export const formatDiagnosisText = (diagnosis: Diagnosis): string => {
  const { summary, scorecard } = diagnosis
  const lines: string[] = [
    `Diagnosis of ${diagnosis.model}: ${countOf(summary.bySeverity.error, 'error')}, ${countOf(summary.bySeverity.warning, 'warning')}, ${countOf(summary.bySeverity.info, 'note')}.`,
  ]
  if (diagnosis.truncated) lines.push('Loop search hit a bound: loop-based findings may be incomplete.')
  for (const group of groupByLevel(diagnosis.defects)) {
    lines.push('', group.level === undefined ? 'Across levels' : `${group.level[0]!.toUpperCase()}${group.level.slice(1)} level`)
    for (const severity of severities) {
      for (const defect of group.defects) {
        if (defect.severity === severity) lines.push(`  ${severity.padEnd(7)} ${defect.rule.padEnd(25)} ${defect.message}`)
      }
    }
    const repairs = repairsOf(group.defects)
    if (repairs.length > 0) {
      lines.push(`  To close every open loop here, add ${countOf(repairs.length, 'channel')}:`)
      for (const channel of repairs) lines.push(`    ${channel.from} -> ${channel.to}${channel.carries.length > 0 ? ` carrying ${channel.carries.join(', ')}` : ''}`)
    }
  }
  const overall = scorecard.overall
  lines.push(
    '',
    'Scorecard',
    `  loop closure coverage ${percent(overall.loopClosureCoverage)}, co-production index ${percent(overall.coProductionIndex)}, mutual aid ${percent(overall.mutualAidShare)}`,
    `  highest learning order ${overall.highestLearningOrder ?? 'none'}, loop latency median ${daysOf(overall.medianLoopLatencyDays)}, worst ${daysOf(overall.worstLoopLatencyDays)}`,
    `  channels needed to close every open loop: ${overall.channelsToCloseOpenLoops}`,
  )
  return lines.join('\n')
}
