import type { Diagnosis } from './diagnose.js'
import type { ScorecardFigures } from './scorecard.js'
import { countOf, groupByLevel, percent, repairInWords, repairsInWords, repairsOf } from './format-text.js'

const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const days = (value: number | null): string => (value === null ? 'n/a' : `${value}`)

const scorecardRows: ReadonlyArray<readonly [string, (figures: ScorecardFigures) => string]> = [
  ['Lay voices with at least one loop that closes', (f) => percent(f.loopClosureCoverage)],
  ['Closed loops joining lay and professional voices', (f) => percent(f.coProductionIndex)],
  ['Highest learning order', (f) => f.highestLearningOrder ?? 'none'],
  ['Sources traced', (f) => `${f.sources}`],
  ['Closed with a change (did)', (f) => percent(f.outcomes.did)],
  ['Closed with a decision', (f) => percent(f.outcomes.decided)],
  ['Heard only', (f) => percent(f.outcomes.heard)],
  ['Open (nothing comes back)', (f) => percent(f.outcomes.open)],
  ['Weighted by people: closed with a change', (f) => percent(f.outcomesByPeople.did)],
  ['Weighted by people: closed with a decision', (f) => percent(f.outcomesByPeople.decided)],
  ['Weighted by people: heard only', (f) => percent(f.outcomesByPeople.heard)],
  ['Weighted by people: open', (f) => percent(f.outcomesByPeople.open)],
  ['Median round trip (days)', (f) => days(f.medianRoundTripDays)],
  ['Worst round trip (days)', (f) => days(f.worstRoundTripDays)],
  ['Lay actors in peer-support loops', (f) => percent(f.mutualAidShare)],
  ['Channels to close every open loop', (f) => `${f.channelsToCloseOpenLoops}`],
]

/**
 * Markdown for a board report: a summary, the scorecard as a table (overall and per
 * level), then one section per level with a table of defects, most severe first, and
 * the channels that would close its open loops.
 * @internal
 */
export const formatDiagnosisMarkdown = (diagnosis: Diagnosis): string => {
  const { summary, scorecard } = diagnosis
  const lines: string[] = [
    `# Diagnosis of \`${cell(diagnosis.model)}\``,
    '',
    `${countOf(summary.bySeverity.error, 'error')}, ${countOf(summary.bySeverity.warning, 'warning')} and ${countOf(summary.bySeverity.info, 'note')}.${diagnosis.truncated ? ' The loop search hit a bound, so loop-based findings may be incomplete.' : ''}`,
    '',
    '## Scorecard',
    '',
    // One column per level the model has (none for an empty one): every row as many cells as the header.
    `| Figure | Overall |${scorecard.levels.map((entry) => ` ${entry.level} |`).join('')}`,
    `|---|---|${scorecard.levels.map(() => '---|').join('')}`,
    ...scorecardRows.map(([label, read]) => `| ${label} | ${read(scorecard.overall)} |${scorecard.levels.map((entry) => ` ${read(entry.figures)} |`).join('')}`),
  ]
  for (const group of groupByLevel(diagnosis.defects)) {
    lines.push('', `## ${group.level === undefined ? 'Across levels' : `${group.level[0]!.toUpperCase()}${group.level.slice(1)} level`}`, '')
    lines.push('| Severity | Rule | Finding |', '|---|---|---|')
    for (const defect of group.defects) lines.push(`| ${defect.severity} | \`${defect.rule}\` | ${cell(defect.message)} |`)
    const repairs = repairsOf(group.defects)
    if (repairs.length > 0) {
      lines.push('', `Repairs at this level: ${repairsInWords(repairs)}:`, '')
      for (const channel of repairs) lines.push(`- ${cell(repairInWords(diagnosis, channel))}`)
    }
  }
  return `${lines.join('\n')}\n`
}
