import { type Level, levels } from '../model/vocabulary.js'
import type { Diagnosis } from './diagnose.js'
import type { Defect, Severity } from './types.js'
import type { ScorecardFigures } from './scorecard.js'

const severities: ReadonlyArray<Severity> = ['error', 'warning', 'info']

/** Defects grouped by level (delivery, planning, strategy, then those with no level), in diagnosis order. @internal */
export const groupByLevel = (defects: ReadonlyArray<Defect>): ReadonlyArray<{ readonly level: Level | undefined; readonly defects: ReadonlyArray<Defect> }> =>
  [...levels, undefined]
    .map((level) => ({ level, defects: defects.filter((defect) => defect.level === level) }))
    .filter((group) => group.defects.length > 0)

/** The repairs proposed by the defects of a group, every rule's, once each. @internal */
export const repairsOf = (defects: ReadonlyArray<Defect>): ReadonlyArray<NonNullable<Defect['repair']>[number]> => {
  const seen = new Set<string>()
  const result: Array<NonNullable<Defect['repair']>[number]> = []
  for (const defect of defects) {
    for (const channel of defect.repair ?? []) {
      const key = JSON.stringify([channel.from, channel.to, channel.level, channel.carries, channel.activates ?? null, channel.extends ?? null])
      if (seen.has(key)) continue
      seen.add(key)
      result.push(channel)
    }
  }
  return result
}

/**
 * One proposed channel in words: its ends and what it carries (by name when the
 * diagnosis used names), its level, and why. @internal
 */
export const repairInWords = (diagnosis: Diagnosis, channel: NonNullable<Defect['repair']>[number]): string => {
  const label = (id: string): string => diagnosis.labels?.[id] ?? id
  // Each carried asset the repair creates is marked new (a lesson written where it is kept is created but not carried).
  const isNew = new Set((channel.creates ?? []).map((asset) => asset.id))
  const carried = channel.carries.length > 0 ? ` carrying ${channel.carries.map((id) => `${label(id)}${isNew.has(id) ? ' (new)' : ''}`).join(', ')}` : ''
  const restart =
    channel.activates !== undefined ? `bring back '${channel.activates}': ` : channel.extends !== undefined ? `use '${channel.extends}': ` : ''
  return `${restart}${label(channel.from)} -> ${label(channel.to)}${carried} at ${channel.level} level: ${channel.reason}`
}

/**
 * What a list of repairs does: "add 3 channels", "bring back 1 channel", "add 2 channels
 * and bring back 1", "add 1 channel, bring back 1 and use 2 running ones". @internal
 */
export const repairsInWords = (repairs: ReadonlyArray<NonNullable<Defect['repair']>[number]>): string => {
  // Channels, not proposals: two repairs that bring back one board bring back one channel.
  const back = new Set(repairs.flatMap((channel) => (channel.activates === undefined ? [] : [channel.activates]))).size
  const onto = new Set(repairs.flatMap((channel) => (channel.activates === undefined && channel.extends !== undefined ? [channel.extends] : []))).size
  const added = repairs.filter((channel) => channel.activates === undefined && channel.extends === undefined).length
  // The first part names its noun ("channel", "running channel"); later ones only count.
  const parts: string[] = []
  if (added > 0) parts.push(`add ${countOf(added, 'channel')}`)
  if (back > 0) parts.push(parts.length === 0 ? `bring back ${countOf(back, 'channel')}` : `bring back ${back}`)
  if (onto > 0) parts.push(parts.length === 0 ? `use ${countOf(onto, 'running channel')}` : `use ${countOf(onto, 'running one')}`)
  if (parts.length === 0) return `add ${countOf(0, 'channel')}`
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`
}

/** "1 error", "2 errors". @internal */
export const countOf = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`

const daysOf = (value: number | null): string => (value === null ? 'n/a days' : countOf(value, 'day'))

/**
 * A share as a whole percentage, `n/a` for none; a share that is not nothing never reads
 * 0% (`<1%`), nor one short of everything 100% (`>99%`), so one open loop among many
 * people is not hidden by rounding. @internal
 */
export const percent = (share: number | null): string => {
  if (share === null) return 'n/a'
  const rounded = Math.round(share * 100)
  return share > 0 && rounded === 0 ? '<1%' : share < 1 && rounded === 100 ? '>99%' : `${rounded}%`
}

/** The four outcome shares, best first ("did 50%, decided 0%, heard 25%, open 25%"). */
const outcomeShares = (shares: ScorecardFigures['outcomes']): string =>
  `did ${percent(shares.did)}, decided ${percent(shares.decided)}, heard ${percent(shares.heard)}, open ${percent(shares.open)}`

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
  if (diagnosis.truncated) lines.push('A search hit its bound: loop-based findings may be incomplete.')
  for (const group of groupByLevel(diagnosis.defects)) {
    lines.push('', group.level === undefined ? 'Across levels' : `${group.level[0]!.toUpperCase()}${group.level.slice(1)} level`)
    for (const severity of severities) {
      for (const defect of group.defects) {
        if (defect.severity === severity) lines.push(`  ${severity.padEnd(7)} ${defect.rule.padEnd(25)} ${defect.message}`)
      }
    }
    const repairs = repairsOf(group.defects)
    if (repairs.length > 0) {
      lines.push(`  Repairs: ${repairsInWords(repairs)}:`)
      for (const channel of repairs) lines.push(`    ${repairInWords(diagnosis, channel)}`)
    }
  }
  const overall = scorecard.overall
  lines.push(
    '',
    'Scorecard',
    `  sources ${overall.sources}: ${outcomeShares(overall.outcomes)}; weighted by people: ${outcomeShares(overall.outcomesByPeople)}`,
    `  lay voices with at least one loop that closes ${percent(overall.loopClosureCoverage)}, closed loops joining lay and professional voices ${percent(overall.coProductionIndex)}, mutual aid ${percent(overall.mutualAidShare)}`,
    `  highest learning order ${overall.highestLearningOrder ?? 'none'}, round trip median ${daysOf(overall.medianRoundTripDays)}, worst ${daysOf(overall.worstRoundTripDays)}`,
    `  channels needed to close every open loop: ${overall.channelsToCloseOpenLoops}`,
  )
  return lines.join('\n')
}
