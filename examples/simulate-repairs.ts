/**
 * Simulate the Ward 7 "you said, we did" model as it is and with the channels that
 * `suggestRepairs` proposes, and compare how many patients and carers hear back.
 * Run: `npx tsx examples/simulate-repairs.ts`.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { parseModel } from '../src/model/decode.js'
import { suggestRepairs } from '../src/graph/repairs.js'
import { repairInterventions } from '../src/simulate/interventions.js'
import { simulate } from '../src/simulate/simulate.js'

const parsed = parseModel(readFileSync(new URL('./models/ward-you-said-we-did.json', import.meta.url), 'utf8'))
assert.ok(E.isRight(parsed))
const model = parsed.right

// #region compare
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
