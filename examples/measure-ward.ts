/**
 * Do Ward 7's loops close? Measure them from a feedback log (a synthetic one, bundled in
 * examples/data) and compare with what the model says.
 * Run: `npx tsx examples/measure-ward.ts`.
 */
import assert from 'node:assert/strict'
// #region measure
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { parseModel } from '../src/index.js'
import { decodeStageMapping, formatMeasuredLoops, measureLoops, readCsvEvents } from '../src/evidence/index.js'

const model = parseModel(readFileSync(new URL('./models/ward-you-said-we-did.json', import.meta.url), 'utf8'))
if (E.isLeft(model)) throw new Error('the model does not decode')
// Which activities are which stage, and which resources are which actors.
const mapping = decodeStageMapping(JSON.parse(readFileSync(new URL('./data/ward-stage-mapping.json', import.meta.url), 'utf8')), model.right)
if (E.isLeft(mapping)) throw new Error('the mapping does not decode')

const log = readFileSync(new URL('./data/ward-events.csv', import.meta.url), 'utf8')
const measured = await measureLoops(model.right, readCsvEvents(log, mapping.right), mapping.right, { items: false })
if (E.isLeft(measured)) throw new Error('the log cannot be measured')
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
