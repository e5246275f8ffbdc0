/**
 * Print the report a board would read, as text, with ids or with names.
 * Run: `npx tsx examples/format-diagnosis.ts`.
 */
import assert from 'node:assert/strict'

// #region format
import { readFileSync } from 'node:fs'
import { diagnose, formatDiagnosis, formatModelErrors, parseModel } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/health-and-wellbeing-board.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))

// Messages name actors by id unless the caller opts in to names ('markdown' and 'json' work too).
const report = formatDiagnosis(diagnose(parsed.right), 'text')
const named = formatDiagnosis(diagnose(parsed.right, { names: true }), 'text')
console.log(report)
// #endregion format

assert.match(report, /^Diagnosis of health-and-wellbeing-board/)
assert.ok(!report.includes('Integrated Care Board'))
assert.ok(named.includes('Integrated Care Board'))
