/**
 * Do Ward 7's loops close? Measure them from a feedback log (a synthetic one, bundled in
 * examples/data) and compare with what the model says.
 * Run: `npx tsx examples/measure-ward.ts`.
 */
import assert from 'node:assert/strict'

// #region measure
import { readFileSync } from 'node:fs'
import { formatModelErrors, parseModel } from 'orgintel'
import { decodeStageMapping, formatMeasuredLoops, measureLoops, readCsvEvents } from 'orgintel/evidence'

const model = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (model._tag === 'Left') throw new Error(formatModelErrors(model.left))
// Which activities are which stage, and which resources are which actors.
const mapping = decodeStageMapping(JSON.parse(readFileSync('examples/data/ward-stage-mapping.json', 'utf8')), model.right)
if (mapping._tag === 'Left') throw new Error('the mapping does not decode')

const log = readFileSync('examples/data/ward-events.csv', 'utf8')
const measured = await measureLoops(model.right, readCsvEvents(log, mapping.right), mapping.right, { items: false })
if (measured._tag === 'Left') throw new Error('the log cannot be measured')
const report = measured.right
process.stdout.write(formatMeasuredLoops(report, 'markdown'))
// #endregion measure

// Every item in the log is counted, and nothing in it is bad input.
assert.equal(report.overall.items, 340)
assert.deepEqual(report.badInput, [])
// Patients' stories get a reply far more often than planning-level reports do.
const delivery = report.levels.find((group) => group.key === 'delivery')!.closure!.heard.byEnd
const planning = report.levels.find((group) => group.key === 'planning')!.closure!.heard.byEnd
assert.ok(delivery.estimate > planning.estimate)
// The committee answers the experience team, but the model has no channel for it.
assert.ok(report.conformance.unmodelledFlows.some((flow) => flow.from === 'quality-committee' && flow.to === 'experience-team'))
