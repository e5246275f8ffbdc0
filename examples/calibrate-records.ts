/**
 * Fit the Ward 7 simulation to its feedback records (the synthetic log bundled in
 * examples/data) and check whether the model explains them.
 * Run: `npx tsx examples/calibrate-records.ts`.
 */
import assert from 'node:assert/strict'

// #region calibrate
import { readFileSync } from 'node:fs'
import { checkSimulationOptions, formatModelErrors, parseModel, simulate } from 'orgintel'
import { calibrate, decodeStageMapping, formatCalibration, readCsvEvents } from 'orgintel/evidence'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const model = parsed.right
const mapping = decodeStageMapping(JSON.parse(readFileSync('examples/data/ward-stage-mapping.json', 'utf8')), model)
if (mapping._tag === 'Left') throw new Error('the mapping does not decode')

const log = readFileSync('examples/data/ward-events.csv', 'utf8')
const calibrated = await calibrate(model, readCsvEvents(log, mapping.right), mapping.right, { seed: 1, runs: 10 })
if (calibrated._tag === 'Left') throw new Error('the log cannot be calibrated against')
const calibration = calibrated.right
console.log(formatCalibration(calibration, 'markdown'))

// The fitted parameters are ordinary simulation parameters.
const run = simulate(model, { seed: 1, days: 365, parameters: calibration.parameters })
console.log(`Calibrated Ward 7: ${Math.round((run.metrics.heardBackRate ?? 0) * 100)}% of stories heard back within a year`)
// #endregion calibrate

assert.deepEqual(checkSimulationOptions(model, { parameters: calibration.parameters }), [])
// Fitted from the records: every patients' story reaches the platform, about two in three the ward manager.
const alert = calibration.channels.find((channel) => channel.channel === 'alert-manager')!
assert.ok(alert.reliability! > 0.55 && alert.reliability! < 0.8, `alert-manager reliability ${alert.reliability}`)
// The committee answers the experience team by a route the model lacks: the model cannot
// explain the planning-level replies the records show.
const planning = calibration.checks.find((check) => check.group === 'planning' && check.outcome === 'heard' && check.days === 90)!
assert.equal(planning.inside, false)
// Nor the ward's own replies: in the model the published reply is made from the change to
// practice, which never reaches the ward manager, so no simulated story is answered.
const delivery = calibration.checks.find((check) => check.group === 'delivery' && check.outcome === 'heard' && check.days === 90)!
assert.equal(delivery.simulated.mean, 0)
assert.ok(delivery.measured.lower > 0.5)
assert.ok(calibration.inside > 0 && calibration.inside < calibration.checks.length)
