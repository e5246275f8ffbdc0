/**
 * Calibrate the acute ward model against a published response rate: Care Opinion
 * reports that about three stories in four get a reply. On this ward a reply comes back
 * at the bedside, made from the fix the nursing team made from the concern, so the one
 * parameter to tune is how often the nursing team tells the patient what was done.
 * Run: `npx tsx examples/calibrate-ward.ts`.
 */
import assert from 'node:assert/strict'

// #region calibrate
import { readFileSync } from 'node:fs'
import { type SimulationParameters, formatModelErrors, parseModel, simulate } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/acute-ward-fft.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const model = parsed.right

// Patients raise FFT comments, ratings and bedside concerns; only concerns are answered,
// so calibrate on the items of that source (recordItems lists each with its source).
const target = 0.75
const seeds = [11, 12, 13, 14, 15, 16]
const parametersFor = (reply: number): SimulationParameters => ({ raiseRate: 0.002, actors: [{ actor: 'nursing-team', respond: reply }] })
const answeredShare = (parameters: SimulationParameters): number => {
  let concerns = 0
  let answered = 0
  for (const seed of seeds) {
    for (const item of simulate(model, { seed, days: 365, parameters, recordItems: true }).items ?? []) {
      if (item.source !== 'bedside-concerns') continue
      concerns++
      if (item.outcome !== 'open') answered++
    }
  }
  return answered / concerns
}

// Bisection: the share answered rises with the reply probability. The same seeds at every
// step (common random numbers) keep the search from chasing noise.
let low = 0
let high = 1
for (let step = 0; step < 14; step++) {
  const middle = (low + high) / 2
  if (answeredShare(parametersFor(middle)) < target) low = middle
  else high = middle
}
const reply = (low + high) / 2
const calibrated = answeredShare(parametersFor(reply))
console.log(`The nursing team tells ${(reply * 100).toFixed(1)}% of patients what was done: response rate ${(calibrated * 100).toFixed(1)}%`)
// #endregion calibrate

assert.ok(Math.abs(calibrated - target) <= 0.05, `calibrated response rate ${calibrated} is within 5 points of 75%`)
// A fix is made for 90% of concerns (the default `act`), so the reply probability is about 0.75 / 0.9.
assert.ok(Math.abs(reply - 0.75 / 0.9) <= 0.05, `the calibrated reply probability ${reply} is about 0.83`)
