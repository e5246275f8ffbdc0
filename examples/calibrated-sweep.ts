/**
 * The calibrated Ward 7, as is and repaired, as a reproducible sweep on worker threads.
 * Run: `npx tsx examples/calibrated-sweep.ts`.
 */
import assert from 'node:assert/strict'

// #region sweep
import { readFileSync } from 'node:fs'
import { formatModelErrors, parseModel, repairInterventions, suggestRepairs } from 'orgintel'
import { runExperiment } from 'orgintel/node'

const modelPath = 'examples/models/ward-you-said-we-did.json'
const parsed = parseModel(readFileSync(modelPath, 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const interventions = repairInterventions(suggestRepairs(parsed.right))

// A declarative spec: the model, fixed parameters, what varies, scenarios and metrics.
const prepared = await runExperiment(
  {
    modelPath,
    seed: 2026,
    days: 365,
    replications: 3,
    parameters: { actors: [{ actor: 'ward-manager', respond: 0.87 }, { actor: 'carers', raiseRate: 0.1 }] },
    vary: { grid: { scenario: ['as-is', 'repaired'] } },
    scenarios: [
      { name: 'as-is', interventions: [] },
      { name: 'repaired', interventions },
    ],
    metrics: ['closureRate', 'closureTimeMedianDays'],
  },
  { workers: 2 },
)
if (prepared._tag === 'Left') throw new Error(prepared.left.map((error) => `${error.path}: ${error.message}`).join('\n'))
// One tidy row per run and metric.
const closureByScenario = new Map<string, number[]>()
for await (const row of prepared.right.rows) {
  if (row.metric !== 'closureRate') continue
  const scenario = String(row['scenario'])
  closureByScenario.set(scenario, [...(closureByScenario.get(scenario) ?? []), row.value ?? 0])
}
console.table([...closureByScenario].map(([scenario, values]) => ({ scenario, runs: values.length, meanClosureRate: values.reduce((a, b) => a + b, 0) / values.length })))
// #endregion sweep

const mean = (values: ReadonlyArray<number>): number => values.reduce((a, b) => a + b, 0) / values.length
assert.ok(mean(closureByScenario.get('repaired')!) > mean(closureByScenario.get('as-is')!))
