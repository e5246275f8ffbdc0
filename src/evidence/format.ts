import Papa from 'papaparse'
import { protectCell } from '../io/csv-columns.js'
import type { EstimateWithInterval } from '../stats/kaplan-meier.js'
import type { MeasuredLoops } from './measure.js'
import type { GroupReport } from './report.js'

/** Report formats of {@link formatMeasuredLoops}. @category Evidence */
export type MeasuredLoopsFormat = 'markdown' | 'json' | 'csv'

const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const percent = (value: number): string => `${Math.round(value * 1000) / 10}%`
const interval = (value: EstimateWithInterval): string => `${percent(value.estimate)} (${percent(value.lower)}–${percent(value.upper)})`
const orDash = (value: number | undefined): string => (value === undefined ? '–' : String(Math.round(value * 10) / 10))

const groupRow = (group: GroupReport): string => {
  const closure = group.closure
  const shares = closure === undefined ? ['suppressed', 'suppressed', 'suppressed', '–'] : [interval(closure.heard.byEnd), interval(closure.decided.byEnd), interval(closure.did.byEnd), orDash(closure.heard.medianDays.estimate)]
  return `| ${cell(group.key)} | ${group.items} | ${group.outcomes.open} | ${shares.join(' | ')} |`
}

const groupTable = (title: string, groups: ReadonlyArray<GroupReport>, confidence: number): string[] =>
  groups.length === 0
    ? []
    : [
        `## ${title}`,
        '',
        `| | items | open | heard (${percent(confidence)} interval) | decided | did | median days to a reply |`,
        '|---|---|---|---|---|---|---|',
        ...groups.map(groupRow),
        '',
      ]

const markdown = (report: MeasuredLoops): string => {
  const { overall, conformance } = report
  const lines = [
    `# Measured loops of \`${cell(report.model)}\``,
    '',
    `${report.log.events} events read (${report.log.used} used, ${report.log.ignored} ignored)${report.log.from === undefined ? '' : `, from ${report.log.from} to ${report.log.until}`}. ` +
      `Closure is the Kaplan–Meier share of items closed by the log's end with at least that outcome; items still open are censored there. Counts from 1 to ${report.suppressBelow - 1} are shown as <${report.suppressBelow}.`,
    '',
    ...groupTable('Closure overall', [overall], report.confidence),
    ...groupTable('Closure by level', report.levels, report.confidence),
    ...groupTable('Closure by declared loop', report.loops, report.confidence),
    '## Where items stop',
    '',
    '| furthest stage | items |',
    '|---|---|',
    ...overall.funnel.map((entry) => `| ${entry.stage} | ${entry.items} |`),
    '',
    '## Time between stages (days)',
    '',
    '| from | to | items | median | p90 |',
    '|---|---|---|---|---|',
    ...overall.transitions.map((entry) => `| ${entry.from} | ${entry.to} | ${entry.items} | ${orDash(entry.medianDays)} | ${orDash(entry.p90Days)} |`),
    '',
    '## Conformance with the model',
    '',
  ]
  if (conformance.findings.length === 0) lines.push('The records and the model agree.', '')
  else lines.push('| rule | finding |', '|---|---|', ...conformance.findings.map((finding) => `| ${finding.rule} | ${cell(finding.message)} |`), '')
  if (conformance.promises.length > 0) {
    lines.push('| declared loop | promises | items | by day | closed so | status |', '|---|---|---|---|---|---|')
    for (const check of conformance.promises) lines.push(`| ${cell(check.loop)} | ${check.promises} | ${check.items} | ${check.days} | ${check.closed === undefined ? '–' : interval(check.closed)} | ${check.status} |`)
    lines.push('')
  }
  lines.push('## Bad input', '')
  if (report.badInput.length === 0) lines.push('None.', '')
  else lines.push('| reason | rows | first rows |', '|---|---|---|', ...report.badInput.map((entry) => `| ${entry.reason} | ${entry.count} | ${entry.rows.join(', ')} |`), '')
  return `${lines.join('\n')}`
}

const csv = (report: MeasuredLoops): string => {
  const fields = ['group', 'key', 'items', 'open', 'heard', 'decided', 'did']
  for (const outcome of ['heard', 'decided', 'did']) fields.push(`closed_${outcome}`, `closed_${outcome}_lower`, `closed_${outcome}_upper`)
  fields.push('median_days_to_reply')
  const dimensions = [['overall', [report.overall]], ['level', report.levels], ['loop', report.loops], ['actor', report.actors], ['raiser', report.raisers], ['channel', report.channels], ['tag', report.tags], ['source', report.sources]] as const
  const data: string[][] = []
  for (const [dimension, groups] of dimensions) {
    for (const group of groups) {
      const row = [dimension, group.key, group.items, group.outcomes.open, group.outcomes.heard, group.outcomes.decided, group.outcomes.did].map(String)
      for (const outcome of ['heard', 'decided', 'did'] as const) {
        const closed = group.closure?.[outcome].byEnd
        row.push(...(closed === undefined ? ['', '', ''] : [closed.estimate, closed.lower, closed.upper].map(String)))
      }
      row.push(orDash(group.closure?.heard.medianDays.estimate).replace('–', ''))
      data.push(row.map(protectCell))
    }
  }
  return `${Papa.unparse({ fields, data }, { newline: '\n', escapeFormulae: false })}\n`
}

/**
 * A measured-loops report as Markdown (for a board paper: closure per level and
 * declared loop, the funnel, stage latencies, conformance, bad input), JSON (the whole
 * report), or CSV (one row per group, for a spreadsheet; cells protected from formula
 * injection). Counts are as suppressed in the report. O(size of the report).
 * @category Evidence
 */
export const formatMeasuredLoops = (report: MeasuredLoops, format: MeasuredLoopsFormat): string =>
  format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? csv(report) : markdown(report)
