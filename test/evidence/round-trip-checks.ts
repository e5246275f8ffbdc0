import { expect } from 'vitest'
import type { MeasuredLoops } from '../../src/evidence/index.js'
import type { SimulationMetrics } from '../../src/index.js'

/**
 * The round trip simulate → records → measure: the measured closure with a change by day
 * 90 and the median time to close hold the simulation's figures, and the other way round.
 */
export const expectMeasuredMatchesSimulated = (report: MeasuredLoops, metrics: SimulationMetrics) => {
  expect(report.overall.items).toBe(metrics.experiencesRaised)
  const did90 = report.overall.closure!.did.byDay.find((entry) => entry.days === 90)!
  expect(metrics.closureBy90Days!).toBeGreaterThanOrEqual(did90.lower)
  expect(metrics.closureBy90Days!).toBeLessThanOrEqual(did90.upper)
  expect(did90.estimate).toBeGreaterThanOrEqual(metrics.closureBy90DaysLower!)
  expect(did90.estimate).toBeLessThanOrEqual(metrics.closureBy90DaysUpper!)
  // The log counts closure in whole days (rounded up), so its median is at most a day later.
  const median = report.overall.closure!.did.medianDays
  expect(median.estimate!).toBeGreaterThanOrEqual(metrics.closureMedianDaysLower!)
  expect(median.estimate!).toBeLessThanOrEqual(metrics.closureMedianDaysUpper! + 1)
  expect(metrics.closureMedianDays!).toBeGreaterThanOrEqual(median.lower! - 1)
  expect(metrics.closureMedianDays!).toBeLessThanOrEqual(median.upper!)
  return { did90, median }
}
