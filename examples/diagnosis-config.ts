/**
 * Configure the diagnosis rules: check an untrusted configuration, and pass a typed one.
 * Run: `npx tsx examples/diagnosis-config.ts`.
 */
import assert from 'node:assert/strict'

// #region config
import { readFileSync } from 'node:fs'
import { diagnose, formatModelErrors, parseDiagnosisConfig, parseModel } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/health-and-wellbeing-board.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const model = parsed.right

// Untrusted configs (a file, the command line) are checked first: errors come back with paths.
const config = parseDiagnosisConfig({ rules: { 'slow-loop': ['warning', { maxLatencyDays: -3 }] } })
if (config._tag === 'Left') for (const error of config.left) console.log(`${error.path}: ${error.message}`)

// A typed config is checked by the compiler.
const quieter = diagnose(model, { rules: { 'undeclared-loop': 'off', 'single-point-of-failure': 'off' } })
console.log(quieter.summary.bySeverity)
// #endregion config

assert.ok(config._tag === 'Left')
assert.equal(config.left[0]?.path, '/rules/slow-loop/1/maxLatencyDays')
assert.ok(!quieter.defects.some((defect) => defect.rule === 'undeclared-loop' || defect.rule === 'single-point-of-failure'))
