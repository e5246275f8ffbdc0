import type { Calibration } from './calibrate.js'

/** Report formats of {@link formatCalibration}. @category Evidence */
export type CalibrationFormat = 'markdown' | 'json'

const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const percent = (value: number): string => `${Math.round(value * 1000) / 10}%`
const orDash = (value: number | undefined): string => (value === undefined ? '–' : String(value))

const markdown = (calibration: Calibration): string => {
  const lines = [
    `# Calibration of \`${cell(calibration.model)}\``,
    '',
    `${calibration.runs} simulated runs of ${calibration.days} days (seed ${calibration.seed}), each measured as the records were. ` +
      `${calibration.inside} of ${calibration.checks.length} simulated closure figures lie inside the measured ${percent(calibration.confidence)} interval. ` +
      `Counts from 1 to ${calibration.suppressBelow - 1} are shown as <${calibration.suppressBelow}.`,
    '',
    '## Simulated against measured closure',
    '',
  ]
  if (calibration.checks.length === 0) lines.push('No group has enough items to compare.', '')
  else {
    lines.push('| group | outcome | by day | items | measured (interval) | simulated mean (runs\' range) | inside |', '|---|---|---|---|---|---|---|')
    for (const check of calibration.checks) {
      const { measured, simulated } = check
      lines.push(
        `| ${cell(check.group)} | ${check.outcome} | ${check.days} | ${check.items} | ${percent(measured.estimate)} (${percent(measured.lower)}–${percent(measured.upper)}) | ` +
          `${percent(simulated.mean)} (${percent(simulated.lowest)}–${percent(simulated.highest)}) | ${check.inside ? 'yes' : '**no**'} |`,
      )
    }
    lines.push('')
  }
  lines.push('## Channels', '', '| channel | from | to | items at the sender | passed on | reliability | latency (days) | basis |', '|---|---|---|---|---|---|---|---|')
  for (const channel of calibration.channels) {
    lines.push(`| ${cell(channel.channel)} | ${cell(channel.from)} | ${cell(channel.to)} | ${channel.items} | ${channel.passed} | ${orDash(channel.reliability)} | ${orDash(channel.latencyDays)} | ${channel.basis} |`)
  }
  lines.push('', '## Actors', '', '| actor | role | items | done | fitted |', '|---|---|---|---|---|')
  for (const role of calibration.roles) lines.push(`| ${cell(role.actor)} | ${role.role} | ${role.items} | ${role.done} | ${orDash(role.value)} |`)
  lines.push('', '## Parameters', '', 'For `orgintel simulate --parameters` (or `simulate(model, { parameters })`):', '', '```json', JSON.stringify(calibration.parameters, null, 2), '```', '')
  return lines.join('\n')
}

/**
 * A calibration as Markdown (the closure checks, the fitted channels and actor roles,
 * and the parameters as JSON) or JSON (the whole calibration). O(size of the calibration).
 * @category Evidence
 */
export const formatCalibration = (calibration: Calibration, format: CalibrationFormat): string =>
  format === 'json' ? `${JSON.stringify(calibration, null, 2)}\n` : markdown(calibration)
