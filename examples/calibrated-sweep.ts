/**
 * Ward 7 with PALS's reply probability calibrated (`calibrate-ward.ts`), as is and repaired, as a reproducible sweep on worker threads.
 * Run: `npx tsx examples/calibrated-sweep.ts`.
 */
import assert from 'node:assert/strict'

// #region sweep
import { readFileSync } from 'node:fs'
import { formatModelErrors, parseModel, repairInterventions } from 'orgintel'
import { runExperiment } from 'orgintel/node'

const modelPath = 'examples/models/ward-you-said-we-did.json'
const parsed = parseModel(readFileSync(modelPath, 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
// The repair: PALS replies to carers again (a channel that carries its reply).
const interventions = repairInterventions([{ from: 'pals', to: 'carers', level: 'delivery', carries: ['pals-reply'], reason: 'PALS replies to carers again' }])

// A declarative spec: the model, fixed parameters, what varies, scenarios and metrics.
const prepared = await runExperiment(
  {
    modelPath,
    seed: 2026,
    days: 365,
    replications: 3,
    parameters: { actors: [{ actor: 'pals', respond: 0.84 }, { actor: 'carers', raiseRate: 0.1 }] },
    vary: { grid: { scenario: ['as-is', 'repaired'] } },
    scenarios: [
      { name: 'as-is', interventions: [] },
      { name: 'repaired', interventions },
    ],
    metrics: ['heardBackRate', 'closureRate', 'closureBy90Days'],
  },
  { workers: 2 },
)
if (prepared._tag === 'Left') throw new Error(prepared.left.map((error) => `${error.path}: ${error.message}`).join('\n'))
// One tidy row per run and metric.
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
