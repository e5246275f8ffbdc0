/**
 * Ward 7 with the reply probability calibrated on the acute ward (`calibrate-ward.ts`:
 * about 84%) given to PALS, with carers raising concerns too, as it is and repaired.
 * Run: `npx tsx examples/calibrated-repairs.ts`.
 */
import assert from 'node:assert/strict'

// #region repair
import { readFileSync } from 'node:fs'
import { type SimulationParameters, formatModelErrors, parseModel, repairInterventions, simulate } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const model = parsed.right

// The calibrated reply probability, and carers who raise concerns too. (Patients' stories
// close nowhere on Ward 7, as its diagnosis says: the change never reaches the manager.)
const parameters: SimulationParameters = {
  actors: [
    { actor: 'pals', respond: 0.84 },
    { actor: 'carers', raiseRate: 0.1 },
  ],
}
// The repair: PALS replies to carers again (a channel that carries its reply).
const interventions = repairInterventions([{ from: 'pals', to: 'carers', level: 'delivery', carries: ['pals-reply'], reason: 'PALS replies to carers again' }])
const seeds = [11, 12, 13, 14, 15, 16]
const heardBack = (repaired: boolean): number =>
  seeds.reduce((sum, seed) => {
    const result = simulate(model, { seed, days: 730, parameters, interventions: repaired ? interventions : [] })
    return sum + (result.metrics.heardBackRate ?? 0)
  }, 0) / seeds.length
const asIs = heardBack(false)
const repaired = heardBack(true)
console.log(`Heard back as is ${(asIs * 100).toFixed(1)}%, repaired ${(repaired * 100).toFixed(1)}%`)
// #endregion repair

assert.ok(repaired > asIs + 0.15, 'repairing the loops brings more replies back')
