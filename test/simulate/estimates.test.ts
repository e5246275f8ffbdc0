import { describe, expect, it } from 'vitest'
import { simulate } from '../../src/simulate/simulate.js'
import { patientAndManager } from './fixtures.js'

// Replies take a month on average, so many loops are still open when a short run ends.
const model = patientAndManager([
  { id: 'tell', from: 'patient', to: 'manager', carries: ['story'], latencyDays: 2 },
  { id: 'answer', from: 'manager', to: 'patient', carries: ['reply'], latencyDays: 30 },
])
const parameters = { raiseRate: 1, respond: 0.9, decide: 0.6, act: 1, latency: 'exponential' as const }

describe('simulate: closure as time to event', () => {
  it('gives the same closure by day 90 from a one-year and a four-year run, within their intervals', () => {
    const year = simulate(model, { seed: 8, days: 365, warmUpDays: 30, parameters }).metrics
    const four = simulate(model, { seed: 8, days: 1460, warmUpDays: 30, parameters }).metrics
    expect(year.closureBy90Days).toBeGreaterThan(0.3)
    expect(year.closureBy90Days!).toBeGreaterThanOrEqual(four.closureBy90DaysLower!)
    expect(year.closureBy90Days!).toBeLessThanOrEqual(four.closureBy90DaysUpper!)
    expect(four.closureBy90Days!).toBeGreaterThanOrEqual(year.closureBy90DaysLower!)
    expect(four.closureBy90Days!).toBeLessThanOrEqual(year.closureBy90DaysUpper!)
    // More data, a narrower interval.
    expect(four.closureBy90DaysUpper! - four.closureBy90DaysLower!).toBeLessThan(year.closureBy90DaysUpper! - year.closureBy90DaysLower!)
    expect(year.closureMedianDays).not.toBeNull()
    expect(four.closureMedianDaysLower!).toBeLessThanOrEqual(year.closureMedianDays!)
    expect(four.closureMedianDaysUpper!).toBeGreaterThanOrEqual(year.closureMedianDays!)
  })

  it('says nothing of a horizon longer than anyone was followed', () => {
    const short = simulate(model, { seed: 8, days: 60, parameters }).metrics
    expect(short.closureBy30Days).not.toBeNull()
    expect(short.closureBy90Days).toBeNull()
    expect(short.closureBy90DaysLower).toBeNull()
    expect(short.closureBy365Days).toBeNull()
    const silent = simulate(model, { seed: 8, days: 60, parameters: { raiseRate: 0 } }).metrics
    expect(silent.closureBy30Days).toBeNull()
    expect(silent.closureMedianDays).toBeNull()
  })

  it('keeps the estimate inside its interval and between 0 and 1', () => {
    const metrics = simulate(model, { seed: 9, days: 400, parameters }).metrics
    for (const day of [30, 90, 365] as const) {
      const estimate = metrics[`closureBy${day}Days`]!
      expect(metrics[`closureBy${day}DaysLower`]!).toBeLessThanOrEqual(estimate)
      expect(metrics[`closureBy${day}DaysUpper`]!).toBeGreaterThanOrEqual(estimate)
      expect(metrics[`closureBy${day}DaysLower`]!).toBeGreaterThanOrEqual(0)
      expect(metrics[`closureBy${day}DaysUpper`]!).toBeLessThanOrEqual(1)
    }
  })
})
