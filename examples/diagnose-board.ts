/**
 * Diagnose a health and wellbeing board's loops and check the key findings.
 * Run: `npx tsx examples/diagnose-board.ts`.
 */
import assert from 'node:assert/strict'

// #region diagnose
import { readFileSync } from 'node:fs'
import { diagnose, formatModelErrors, parseModel } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/health-and-wellbeing-board.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const model = parsed.right

const diagnosis = diagnose(model)
// Defects come sorted, errors first; each names its rule, the actors and channels involved and a repair.
for (const defect of diagnosis.defects.slice(0, 3)) console.log(`${defect.severity} ${defect.rule}: ${defect.message}`)
console.log(diagnosis.summary)
// #endregion diagnose

// Residents and community groups tell the board what matters, but the loops that should
// tell them what changed are broken.
const rulesFound = new Set(diagnosis.defects.map((defect) => defect.rule))
assert.ok(rulesFound.has('declared-loop-broken'))
assert.ok(rulesFound.has('acted-not-reported'))
// What community groups know is made into the strategy, but nothing comes back to them.
assert.ok(diagnosis.defects.some((defect) => defect.rule === 'open-loop' && defect.assets.includes('community-knowledge' as never)))
// Errors come first.
assert.equal(diagnosis.defects[0]?.severity, 'error')
assert.equal(diagnosis.summary.total, diagnosis.defects.length)
