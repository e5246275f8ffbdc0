import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { closureBy, intervalZ, kaplanMeier, medianTime, survivalInterval } from '../../src/stats/kaplan-meier.js'
import { type SurvivalObservation, summariseRiskSet } from '../../src/stats/risk-set.js'
import { estimateClosure, roughBand } from '../../src/simulate/estimates.js'
import { Tally, outcomeDid } from '../../src/simulate/tally.js'
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

describe('estimateClosure: the one-pass estimate', () => {
  // The reference: the Kaplan–Meier table of the same observations, read at each horizon
  // and at one half, through the public statistics functions.
  const reference = (tally: Tally, warmUpDays: number, endTime: number) => {
    const observations: SurvivalObservation[] = []
    for (let x = 0; x < tally.count; x++) {
      if (tally.raisedAt[x]! < warmUpDays) continue
      const closed = tally.outcome[x] === outcomeDid
      observations.push({ time: Math.max(0, (closed ? tally.closedAt[x]! : endTime) - tally.raisedAt[x]!), event: closed })
    }
    const estimate = kaplanMeier(summariseRiskSet(observations))
    const longest = Math.max(0, ...observations.map((o) => o.time))
    const figures: Record<string, number | null> = {}
    for (const day of [30, 90, 365]) {
      const by = observations.length === 0 || longest < day ? undefined : closureBy(estimate, day)
      figures[`closureBy${day}Days`] = by?.estimate ?? null
      figures[`closureBy${day}DaysLower`] = by?.lower ?? null
      figures[`closureBy${day}DaysUpper`] = by?.upper ?? null
    }
    const median = observations.length === 0 ? undefined : medianTime(estimate)
    figures.closureMedianDays = median?.estimate ?? null
    figures.closureMedianDaysLower = median?.lower ?? null
    figures.closureMedianDaysUpper = median?.upper ?? null
    return figures
  }

  it('gives exactly what the Kaplan–Meier table gives, on random experiences', () => {
    // Times on a coarse grid, so that many experiences share a time (ties of closing and censoring).
    const experience = fc.record({
      raisedAt: fc.integer({ min: 0, max: 400 }).map((t) => t / 2),
      closesAfter: fc.option(fc.integer({ min: 0, max: 800 }).map((t) => t / 4), { nil: undefined }),
    })
    fc.assert(
      fc.property(fc.array(experience, { maxLength: 400, size: 'max' }), fc.integer({ min: 0, max: 60 }), (experiences, warmUpDays) => {
        const endTime = 400
        const tally = new Tally(1)
        for (const { raisedAt, closesAfter } of experiences) {
          const x = tally.raise(raisedAt, 0, 0, 0)
          if (closesAfter !== undefined && raisedAt + closesAfter <= endTime) {
            tally.outcome[x] = outcomeDid
            tally.closedAt[x] = raisedAt + closesAfter
          }
        }
        expect(estimateClosure(tally, warmUpDays, endTime)).toEqual(reference(tally, warmUpDays, endTime))
      }),
      { numRuns: 300 },
    )
  })
})

describe('estimateClosure: the quick test that rules rows out', () => {
  it('stays within 1e-12 of the portable interval, so the 1e-9 margin never rules out a row the table would take', () => {
    const z = intervalZ(0.95)
    let worst = 0
    for (let s = 0.005; s < 1; s += 0.005) {
      for (const greenwood of [1e-9, 1e-6, 1e-4, 1e-3, 0.01, 0.05, 0.1, 0.5, 1, 3]) {
        const { lower, upper } = survivalInterval(s, greenwood, z)
        worst = Math.max(worst, Math.abs(roughBand(s, greenwood, z, -1) - lower), Math.abs(roughBand(s, greenwood, z, 1) - upper))
      }
    }
    expect(worst).toBeLessThan(1e-12)
  })
})
