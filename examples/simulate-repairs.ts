/**
 * Simulate the Ward 7 "you said, we did" model as it is and with the channels that
 * `suggestRepairs` proposes, and compare how many patients and carers hear back.
 * Run: `npx tsx examples/simulate-repairs.ts`.
 */
import assert from 'node:assert/strict'

// #region compare
import { readFileSync } from 'node:fs'
import { formatModelErrors, parseModel, repairInterventions, simulate, suggestRepairs } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const model = parsed.right

// The carers' reply channel (PALS letters) is inactive: carers never hear back.
const repairs = suggestRepairs(model)
const scenarios = { 'as is': [], repaired: repairInterventions(repairs) }

const seeds = [1, 2, 3, 4, 5]
const average = (values: ReadonlyArray<number | null>): number =>
  values.reduce<number>((sum, value) => sum + (value ?? 0), 0) / values.length

const summary = Object.entries(scenarios).map(([scenario, interventions]) => {
  const runs = seeds.map((seed) => simulate(model, { seed, days: 365, interventions }).metrics)
  return {
    scenario,
    closureRate: average(runs.map((metrics) => metrics.closureRate)),
    responseRate: average(runs.map((metrics) => metrics.responseRate)),
    medianDays: average(runs.map((metrics) => metrics.closureTimeMedianDays)),
  }
})
console.table(summary)
// #endregion compare

const [asIs, repaired] = summary
assert.ok(repairs.length > 0, 'the ward has open loops to repair')
assert.ok(asIs!.closureRate < 0.35, `as is, most stories go unanswered (${asIs!.closureRate})`)
assert.ok(repaired!.closureRate > asIs!.closureRate + 0.2, `repairs raise closure (${asIs!.closureRate} → ${repaired!.closureRate})`)
// The same seed gives the same result, byte for byte.
assert.equal(JSON.stringify(simulate(model, { seed: 9, days: 90 })), JSON.stringify(simulate(model, { seed: 9, days: 90 })))
