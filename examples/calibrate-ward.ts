/**
 * Calibrate the Ward 7 model to the response rate Care Opinion has published for the
 * UK (about three stories in four get a reply), then ask what repairing the broken
 * loops does, first in one thread and then as a sweep on worker threads.
 * Run: `npx tsx examples/calibrate-ward.ts`.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { parseModel } from '../src/model/decode.js'
import { runExperiment } from '../src/node/run-experiment.js'
import { repairInterventions } from '../src/simulate/interventions.js'
import type { SimulationParameters } from '../src/simulate/parameters.js'
import { simulate } from '../src/simulate/simulate.js'

const modelUrl = new URL('./models/ward-you-said-we-did.json', import.meta.url)
const parsed = parseModel(readFileSync(modelUrl, 'utf8'))
assert.ok(E.isRight(parsed))
const model = parsed.right

// #region calibrate
// Care Opinion counts stories posted on its platform, so calibrate on patients' stories
// alone (carers raise none here) and tune one parameter: how often the ward manager replies.
const target = 0.75
const seeds = [11, 12, 13, 14, 15, 16]
const parametersFor = (reply: number, carersRaise = 0): SimulationParameters => ({
  actors: [
    { actor: 'ward-manager', respond: reply },
    { actor: 'carers', raiseRate: carersRaise },
  ],
})
const responseRate = (parameters: SimulationParameters): number =>
  seeds.reduce((sum, seed) => sum + (simulate(model, { seed, days: 1825, parameters }).metrics.responseRate ?? 0), 0) / seeds.length

// Bisection: the response rate rises with the reply probability. The same seeds at every
// step (common random numbers) keep the search from chasing noise.
let low = 0
let high = 1
for (let step = 0; step < 14; step++) {
  const middle = (low + high) / 2
  if (responseRate(parametersFor(middle)) < target) low = middle
  else high = middle
}
const reply = (low + high) / 2
const calibrated = responseRate(parametersFor(reply))
console.log(`Ward manager replies to ${(reply * 100).toFixed(1)}% of stories: response rate ${(calibrated * 100).toFixed(1)}%`)
// #endregion calibrate
assert.ok(Math.abs(calibrated - target) <= 0.05, `calibrated response rate ${calibrated} is within 5 points of 75%`)

// #region repair
// Now let carers raise concerns too, and compare the calibrated ward as is and repaired.
const withCarers = parametersFor(reply, 0.1)
// The repair: PALS replies to carers again (a channel that carries its reply).
const interventions = repairInterventions([{ from: 'pals', to: 'carers', level: 'delivery', carries: ['pals-reply'], reason: 'PALS replies to carers again' }])
const heardBack = (repaired: boolean): number =>
  seeds.reduce((sum, seed) => {
    const result = simulate(model, { seed, days: 730, parameters: withCarers, interventions: repaired ? interventions : [] })
    return sum + (result.metrics.heardBackRate ?? 0)
  }, 0) / seeds.length
const asIs = heardBack(false)
const repaired = heardBack(true)
console.log(`Heard back as is ${(asIs * 100).toFixed(1)}%, repaired ${(repaired * 100).toFixed(1)}%`)
// #endregion repair
assert.ok(repaired > asIs + 0.15, 'repairing the loops brings more replies back')

// #region sweep
// The same question as a reproducible sweep: a declarative spec, run on worker threads.
const prepared = await runExperiment(
  {
    modelPath: modelUrl.pathname,
    seed: 2026,
    days: 365,
    replications: 3,
    parameters: withCarers,
    vary: { grid: { scenario: ['as-is', 'repaired'] } },
    scenarios: [
      { name: 'as-is', interventions: [] },
      { name: 'repaired', interventions },
    ],
    metrics: ['heardBackRate', 'closureRate', 'closureBy90Days'],
  },
  { workers: 2 },
)
assert.ok(E.isRight(prepared), 'the spec is valid')
const heardByScenario = new Map<string, number[]>()
for await (const row of prepared.right.rows) {
  if (row.metric !== 'heardBackRate') continue
  const scenario = String(row['scenario'])
  heardByScenario.set(scenario, [...(heardByScenario.get(scenario) ?? []), row.value ?? 0])
}
console.table([...heardByScenario].map(([scenario, values]) => ({ scenario, runs: values.length, meanHeardBackRate: values.reduce((a, b) => a + b, 0) / values.length })))
// #endregion sweep
const mean = (values: ReadonlyArray<number>): number => values.reduce((a, b) => a + b, 0) / values.length
assert.ok(mean(heardByScenario.get('repaired')!) > mean(heardByScenario.get('as-is')!))
