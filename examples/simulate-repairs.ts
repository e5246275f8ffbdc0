/**
 * Simulate the Ward 7 "you said, we did" model as it is and with PALS replying to
 * carers again, and compare how many patients and carers hear back.
 * Run: `npx tsx examples/simulate-repairs.ts`.
 */
import assert from 'node:assert/strict'

// #region compare
import { readFileSync } from 'node:fs'
import { formatModelErrors, parseModel, repairInterventions, simulate } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const model = parsed.right

// The carers' reply channel (PALS letters) is inactive: carers never hear back. The
// repair is a channel that carries PALS's reply (a channel that carries nothing carries
// nothing, so a repair must say what it carries).
const repairs = [{ from: 'pals', to: 'carers', level: 'delivery' as const, carries: ['pals-reply'], reason: 'PALS replies to carers again' }]
const scenarios = { 'as is': [], repaired: repairInterventions(repairs) }

const seeds = [1, 2, 3, 4, 5]
const average = (values: ReadonlyArray<number | null>): number =>
  values.reduce<number>((sum, value) => sum + (value ?? 0), 0) / values.length

const summary = Object.entries(scenarios).map(([scenario, interventions]) => {
  const runs = seeds.map((seed) => simulate(model, { seed, days: 365, interventions }).metrics)
  return {
    scenario,
    heardBackRate: average(runs.map((metrics) => metrics.heardBackRate)),
    closureRate: average(runs.map((metrics) => metrics.closureRate)),
    responseRate: average(runs.map((metrics) => metrics.responseRate)),
    medianDays: average(runs.map((metrics) => metrics.closureTimeMedianDays)),
  }
})
console.table(summary)
// #endregion compare

const [asIs, repaired] = summary
assert.ok(asIs!.heardBackRate < 0.35, `as is, most people never hear back (${asIs!.heardBackRate})`)
assert.ok(repaired!.heardBackRate > asIs!.heardBackRate + 0.2, `repairs bring more replies back (${asIs!.heardBackRate} → ${repaired!.heardBackRate})`)
assert.ok(repaired!.closureRate <= repaired!.heardBackRate, 'a loop closes (a change made, then a reply) only where a reply came back')

// The same seed gives the same result, byte for byte.
assert.equal(JSON.stringify(simulate(model, { seed: 9, days: 90 })), JSON.stringify(simulate(model, { seed: 9, days: 90 })))
