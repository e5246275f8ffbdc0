import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  closureBy,
  emptyRiskSet,
  kaplanMeier,
  medianTime,
  mergeRiskSets,
  quantileTime,
  RiskSetBuilder,
  riskSetTotals,
  summariseRiskSet,
  survivalAt,
  type SurvivalObservation,
} from '../../src/stats/index.js'

// Freireich et al. (1963), 6-MP arm: weeks in remission; `+` marks a censored time.
const sixMp = '6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+'
// The placebo arm: every patient relapsed.
const placebo = '1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23'
const observe = (text: string): SurvivalObservation[] =>
  text.split(' ').map((cell) => ({ time: Number.parseFloat(cell), event: !cell.endsWith('+') }))

describe('kaplanMeier on the 6-MP trial (Klein & Moeschberger, Table 4.1A)', () => {
  const estimate = kaplanMeier(summariseRiskSet(observe(sixMp)))
  const eventRows = estimate.rows.filter((row) => row.events > 0)

  it('gives the textbook product-limit table', () => {
    // Written down by hand: S(t) = Π (1 − d/n) over event times.
    expect(eventRows.map((row) => [row.time, row.atRisk, row.events])).toEqual([
      [6, 21, 3], [7, 17, 1], [10, 15, 1], [13, 12, 1], [16, 11, 1], [22, 7, 1], [23, 6, 1],
    ])
    const expected = [18 / 21, (18 / 21) * (16 / 17)]
    expected.push(expected[1]! * (14 / 15), expected[1]! * (14 / 15) * (11 / 12))
    expected.push(expected[3]! * (10 / 11), expected[3]! * (10 / 11) * (6 / 7), expected[3]! * (10 / 11) * (6 / 7) * (5 / 6))
    eventRows.forEach((row, i) => expect(row.survival).toBeCloseTo(expected[i]!, 12))
    // Greenwood standard errors as printed in the textbook (four places).
    expect(eventRows.map((row) => Number(row.standardError.toFixed(4)))).toEqual([0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346])
    expect(estimate).toMatchObject({ observations: 21, events: 9, confidence: 0.95 })
  })

  it('puts censored times in the table without moving the curve, events before censorings at a tie', () => {
    const at10 = estimate.rows.find((row) => row.time === 10)!
    expect(at10).toMatchObject({ atRisk: 15, events: 1, censored: 1 })
    expect(estimate.rows.find((row) => row.time === 9)).toMatchObject({ atRisk: 16, events: 0, censored: 1, survival: eventRows[1]!.survival })
  })

  it('gives the log-log interval computed by hand at t = 6', () => {
    // σ² = 3 / (21 · 18); θ = exp(1.959964 σ / ln(6/7)); interval [S^(1/θ), S^θ] = [0.6197, 0.9516].
    const sigma = Math.sqrt(3 / (21 * 18))
    const theta = Math.exp((1.959963985 * sigma) / Math.log(18 / 21))
    expect(eventRows[0]!.lower).toBeCloseTo((18 / 21) ** (1 / theta), 8)
    expect(eventRows[0]!.upper).toBeCloseTo((18 / 21) ** theta, 8)
    expect(eventRows[0]!.lower).toBeCloseTo(0.6197, 4)
    expect(eventRows[0]!.upper).toBeCloseTo(0.9516, 4)
    expect(survivalAt(estimate, 7)).toEqual({ estimate: eventRows[1]!.survival, lower: eventRows[1]!.lower, upper: eventRows[1]!.upper })
    expect(Number(eventRows[1]!.lower.toFixed(3))).toBe(0.563)
    expect(Number(eventRows[1]!.upper.toFixed(3))).toBe(0.923)
  })

  it('answers survival and closure by day t as a right-continuous step function', () => {
    expect(survivalAt(estimate, 5.99)).toEqual({ estimate: 1, lower: 1, upper: 1 })
    expect(survivalAt(estimate, 6).estimate).toBeCloseTo(18 / 21, 12)
    expect(survivalAt(estimate, 12.5).estimate).toBe(eventRows[2]!.survival)
    expect(survivalAt(estimate, 1000).estimate).toBe(eventRows[6]!.survival)
    const closed = closureBy(estimate, 6)
    expect(closed.estimate).toBeCloseTo(3 / 21, 12)
    expect(closed.lower).toBeCloseTo(1 - eventRows[0]!.upper, 12)
    expect(closed.upper).toBeCloseTo(1 - eventRows[0]!.lower, 12)
  })

  it('gives the median 23 weeks with interval (13, not reached)', () => {
    expect(medianTime(estimate)).toEqual({ estimate: 23, lower: 13, upper: undefined })
  })

  it('gives the placebo median 8 weeks and quantiles from the curve', () => {
    const control = kaplanMeier(summariseRiskSet(observe(placebo)))
    // S(5) = 12/21 > 1/2, S(8) = 8/21 ≤ 1/2.
    expect(medianTime(control).estimate).toBe(8)
    expect(quantileTime(control, 0.25).estimate).toBe(4) // S(3) = 16/21 > 3/4, S(4) = 14/21
    expect(control.rows.at(-1)).toMatchObject({ survival: 0, lower: 0, upper: 0, standardError: 0 })
    const median = medianTime(control)
    expect(median.lower).toBeLessThanOrEqual(8)
    expect(median.upper).toBeGreaterThanOrEqual(8)
  })

  it('widens the interval at a higher confidence', () => {
    const wide = kaplanMeier(summariseRiskSet(observe(sixMp)), { confidence: 0.99 })
    expect(wide.rows[0]!.lower).toBeLessThan(estimate.rows[0]!.lower)
    expect(wide.rows[0]!.upper).toBeGreaterThan(estimate.rows[0]!.upper)
  })
})

describe('kaplanMeier edge cases', () => {
  it('with no observations has no rows and no median', () => {
    const estimate = kaplanMeier(emptyRiskSet)
    expect(estimate).toEqual({ rows: [], observations: 0, events: 0, confidence: 0.95 })
    expect(survivalAt(estimate, 10)).toEqual({ estimate: 1, lower: 1, upper: 1 })
    expect(medianTime(estimate)).toEqual({ estimate: undefined, lower: undefined, upper: undefined })
  })

  it('with every item censored stays at 1', () => {
    const estimate = kaplanMeier(summariseRiskSet([{ time: 3, event: false }, { time: 5, event: false }, { time: 5, event: false }]))
    expect(estimate.rows.map((row) => [row.time, row.atRisk, row.censored, row.survival])).toEqual([[3, 3, 1, 1], [5, 2, 2, 1]])
    expect(closureBy(estimate, 100)).toEqual({ estimate: 0, lower: 0, upper: 0 })
    expect(medianTime(estimate).estimate).toBeUndefined()
  })

  it('counts an item censored at an event time as still at risk then', () => {
    // Two at risk at t = 1: one closes, one is censored. Censoring first would give S = 0.
    const estimate = kaplanMeier(summariseRiskSet([{ time: 1, event: true }, { time: 1, event: false }]))
    expect(estimate.rows).toHaveLength(1)
    expect(estimate.rows[0]).toMatchObject({ atRisk: 2, events: 1, censored: 1, survival: 0.5 })
    expect(medianTime(estimate).estimate).toBe(1)
  })

  it('accepts time 0 and refuses negative or non-finite times', () => {
    expect(summariseRiskSet([{ time: -0, event: true }, { time: 0, event: false }])).toEqual({ times: [0], events: [1], censored: [1] })
    expect(() => new RiskSetBuilder().add(-1, true)).toThrow(RangeError)
    expect(() => new RiskSetBuilder().add(Number.NaN, true)).toThrow(RangeError)
    expect(() => quantileTime(kaplanMeier(emptyRiskSet), 1)).toThrow(RangeError)
  })
})

describe('risk-set summaries merge exactly', () => {
  const observation = fc.record({ time: fc.integer({ min: 0, max: 30 }).map((t) => t / 2), event: fc.boolean() })
  const observations = fc.array(observation, { maxLength: 40 })

  it('merging the summaries of two shards gives the summary of their union', () => {
    fc.assert(
      fc.property(observations, observations, (left, right) => {
        const merged = mergeRiskSets(summariseRiskSet(left), summariseRiskSet(right))
        expect(merged).toEqual(summariseRiskSet([...left, ...right]))
        expect(kaplanMeier(merged)).toEqual(kaplanMeier(summariseRiskSet([...right, ...left])))
      }),
    )
  })

  it('is associative and commutative with the empty summary as identity', () => {
    fc.assert(
      fc.property(observations, observations, observations, (a, b, c) => {
        const [x, y, z] = [a, b, c].map(summariseRiskSet) as [ReturnType<typeof summariseRiskSet>, ReturnType<typeof summariseRiskSet>, ReturnType<typeof summariseRiskSet>]
        expect(mergeRiskSets(mergeRiskSets(x, y), z)).toEqual(mergeRiskSets(x, mergeRiskSets(y, z)))
        expect(mergeRiskSets(x, y)).toEqual(mergeRiskSets(y, x))
        expect(mergeRiskSets(x, emptyRiskSet)).toEqual(x)
      }),
    )
  })

  it('a builder given a summary then summarises the union', () => {
    fc.assert(
      fc.property(observations, observations, (left, right) => {
        const builder = new RiskSetBuilder()
        for (const { time, event } of left) builder.add(time, event)
        builder.addSummary(summariseRiskSet(right))
        expect(builder.toSummary()).toEqual(summariseRiskSet([...left, ...right]))
      }),
    )
  })

  it('keeps the totals', () => {
    fc.assert(
      fc.property(observations, (list) => {
        expect(riskSetTotals(summariseRiskSet(list))).toEqual({ observations: list.length, events: list.filter((o) => o.event).length })
      }),
    )
  })
})

describe('kaplanMeier invariants', () => {
  it('never rises, and its interval always holds the estimate inside [0, 1]', () => {
    const observation = fc.record({ time: fc.integer({ min: 0, max: 50 }), event: fc.boolean() })
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 60 }), (list) => {
        const { rows } = kaplanMeier(summariseRiskSet(list))
        let previous = 1
        for (const row of rows) {
          expect(row.survival).toBeLessThanOrEqual(previous)
          expect(row.lower).toBeGreaterThanOrEqual(0)
          expect(row.lower).toBeLessThanOrEqual(row.survival + 1e-12)
          expect(row.upper).toBeGreaterThanOrEqual(row.survival - 1e-12)
          expect(row.upper).toBeLessThanOrEqual(1)
          previous = row.survival
        }
      }),
    )
  })
})
