/**
 * A simulation's own records: what happened to every story, event by event, written as
 * a CSV event log with its stage mapping, and measured as real records are. The healthy
 * reference model closes its loops (Ward 7's stories close nowhere, as its diagnosis
 * says, so its records would show 0% against 0%).
 * Run: `npx tsx examples/simulated-records.ts`.
 */
import assert from 'node:assert/strict'

// #region simulated-log
import { readFileSync } from 'node:fs'
import { formatModelErrors, parseModel, simulate } from 'orgintel'
import { decodeStageMapping, measureLoops, readCsvEvents, simulatedLogCsv, simulatedStageMapping } from 'orgintel/evidence'

const parsed = parseModel(readFileSync('examples/models/healthy-reference.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const model = parsed.right

const run = simulate(model, { seed: 7, days: 365, recordEvents: true, parameters: { latency: 'exponential' } })
// Write `csv` and `simulatedStageMapping` (as JSON) to files for `orgintel measure`.
const csv = simulatedLogCsv(run.eventLog!)
const mapping = decodeStageMapping(simulatedStageMapping, model)
if (mapping._tag === 'Left') throw new Error('the mapping does not decode')
const measured = await measureLoops(model, readCsvEvents(csv, mapping.right), mapping.right, { items: false })
if (measured._tag === 'Left') throw new Error('the simulated log cannot be measured')
const did = measured.right.overall.closure!.did.byDay.find((entry) => entry.days === 90)!
const percent = (share: number): string => `${(share * 100).toFixed(1)}%`
console.log(`Closed with a change by day 90: ${percent(run.metrics.closureBy90Days ?? 0)} simulated, ${percent(did.estimate)} (${percent(did.lower)}–${percent(did.upper)}) measured from the run's records`)
// #endregion simulated-log

assert.equal(measured.right.overall.items, run.metrics.experiencesRaised)
assert.deepEqual(measured.right.badInput, [])
assert.ok(run.metrics.closureBy90Days! > 0)
assert.ok(run.metrics.closureBy90Days! >= did.lower && run.metrics.closureBy90Days! <= did.upper)
