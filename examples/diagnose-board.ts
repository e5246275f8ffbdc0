/**
 * Diagnose a health and wellbeing board's loops, print the report a board would read,
 * and check the key findings. Run: `npx tsx examples/diagnose-board.ts`.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { parseModel } from '../src/model/decode.js'
import { diagnose } from '../src/diagnose/diagnose.js'
import { defineRule } from '../src/diagnose/define-rule.js'
import { formatDiagnosis } from '../src/diagnose/format.js'
import { parseDiagnosisConfig } from '../src/diagnose/config.js'
import { noOptions } from '../src/diagnose/rule-options.js'

const parsed = parseModel(readFileSync(new URL('./models/health-and-wellbeing-board.json', import.meta.url), 'utf8'))
assert.ok(E.isRight(parsed))
const model = parsed.right

// #region diagnose
const diagnosis = diagnose(model)
const rulesFound = new Set(diagnosis.defects.map((defect) => defect.rule))

// Residents and community groups tell the board what matters, but the loops that should
// tell them what changed are broken.
assert.ok(rulesFound.has('declared-loop-broken'))
assert.ok(rulesFound.has('acted-not-reported'))
// What community groups know is made into the strategy, but nothing comes back to them.
assert.ok(diagnosis.defects.some((defect) => defect.rule === 'open-loop' && defect.assets.includes('community-knowledge' as never)))
// Errors come first.
assert.equal(diagnosis.defects[0]?.severity, 'error')
assert.equal(diagnosis.summary.total, diagnosis.defects.length)
// #endregion diagnose

// #region config
// Untrusted configs (a file, the command line) are checked first: errors come back with paths.
const config = parseDiagnosisConfig({ rules: { 'slow-loop': ['warning', { maxLatencyDays: -3 }] } })
assert.ok(E.isLeft(config))
assert.equal(config.left[0]?.path, '/rules/slow-loop/1/maxLatencyDays')
// A typed config is checked by the compiler.
const quieter = diagnose(model, { rules: { 'undeclared-loop': 'off', 'single-point-of-failure': 'off' } })
assert.ok(!quieter.defects.some((defect) => defect.rule === 'undeclared-loop' || defect.rule === 'single-point-of-failure'))
// #endregion config

// #region custom-rule
// A custom rule: every board member who holds a strategy should hear lay experience directly.
const strategyHearsStories = defineRule({
  id: 'local/strategy-hears-stories',
  description: 'A holder of a strategy to whom no channel carries experience directly.',
  defaultSeverity: 'info',
  options: noOptions,
  check: (context) =>
    context.model.assets
      .filter((asset) => asset.kind === 'strategy')
      .filter(
        (asset) =>
          !context.model.channels.some(
            (channel) =>
              channel.to === asset.holder &&
              channel.status === 'active' &&
              channel.carries.some((id) => context.asset(id)?.kind === 'experience'),
          ),
      )
      .map((asset) => ({
        message: `${context.naming.actor(asset.holder)} sets strategy without hearing experience directly.`,
        actors: [asset.holder],
        channels: [],
      })),
})
const withPlugin = diagnose(model, { plugins: [strategyHearsStories], rules: { 'local/strategy-hears-stories': 'warning' } })
assert.ok(withPlugin.options.rules.some((rule) => rule.id === 'local/strategy-hears-stories'))
// #endregion custom-rule

// #region format
const report = formatDiagnosis(diagnosis, 'text')
assert.match(report, /^Diagnosis of health-and-wellbeing-board/)
// Messages name actors by id unless the caller opts in to names.
assert.ok(!report.includes('Integrated Care Board'))
assert.ok(formatDiagnosis(diagnose(model, { names: true }), 'text').includes('Integrated Care Board'))
process.stdout.write(`${report}\n`)
// #endregion format
