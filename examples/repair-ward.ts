/**
 * Diagnose the acute ward's Friends and Family Test loops, apply every repair the
 * diagnosis proposes, and diagnose again: no error is left, and every story comes
 * back. Run: `npx tsx examples/repair-ward.ts`.
 */
import assert from 'node:assert/strict'

// #region apply
import { readFileSync } from 'node:fs'
import { applyRepairs, diagnose, parseModel } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/acute-ward-fft.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error('the model is not valid')
const ward = parsed.right

const before = diagnose(ward, { names: true })
const repairs = before.defects.flatMap((defect) => defect.repair ?? [])
for (const repair of repairs) console.log(`add ${repair.from} -> ${repair.to}: ${repair.reason}`)

const repaired = applyRepairs(ward, repairs)
const after = diagnose(repaired)
console.log(`errors before ${before.summary.bySeverity.error}, after ${after.summary.bySeverity.error}`)
// #endregion apply

assert.ok(before.defects.some((defect) => defect.rule === 'open-loop'))
assert.equal(after.summary.bySeverity.error, 0)
assert.equal(after.defects.filter((defect) => defect.rule === 'open-loop').length, 0)
assert.equal(after.scorecard.overall.outcomes.open, 0)
