import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { readCsvEvents } from '../../src/evidence/csv-events.js'
import type { LogRecords } from '../../src/evidence/events.js'
import { decodeStageMapping } from '../../src/evidence/mapping.js'
import { measureLoops } from '../../src/evidence/measure.js'
import { readOcelEvents } from '../../src/evidence/ocel-events.js'
import {
  simulatedCsvPath,
  simulatedEventsCsv,
  simulatedEventsOcel,
  simulatedMappingJson,
  simulatedMappingPath,
  simulatedModel,
  simulatedOcelPath,
  simulatedRun,
} from '../../scripts/simulated-log.js'
import { expectMeasuredMatchesSimulated } from './round-trip-checks.js'

const model = simulatedModel()
const run = simulatedRun(model)
const csv = readFileSync(simulatedCsvPath, 'utf8')
const ocel = readFileSync(simulatedOcelPath, 'utf8')
const decoded = decodeStageMapping(JSON.parse(readFileSync(simulatedMappingPath, 'utf8')), model)
if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
const mapping = decoded.right

const measure = async (records: LogRecords) => {
  const measured = await measureLoops(model, records, mapping, { items: false, closureDays: [30, 90] })
  if (E.isLeft(measured)) throw new Error(JSON.stringify(measured.left))
  return measured.right
}

describe('the bundled simulated log (simulate → log → measure)', () => {
  it('is what scripts/simulated-log.ts writes from the run, small enough to ship', () => {
    expect(run.eventLog!.truncated).toBe(false)
    expect(csv).toBe(simulatedEventsCsv(run))
    expect(ocel).toBe(simulatedEventsOcel(run))
    expect(readFileSync(simulatedMappingPath, 'utf8')).toBe(simulatedMappingJson())
    for (const text of [csv, ocel]) expect(text.length).toBeLessThan(300_000)
  })

  it('measures to the very same report from its CSV and its OCEL 2.0 copy', async () => {
    const fromCsv = await measure(readCsvEvents(csv, mapping))
    const fromOcel = await measure(readOcelEvents(JSON.parse(ocel), mapping))
    expect(fromCsv.badInput).toEqual([])
    expect(fromOcel).toEqual(fromCsv)
  })

  it('recovers the closure and the median time to close the simulation reports, within their intervals', async () => {
    const report = await measure(readCsvEvents(csv, mapping))
    const { metrics } = run
    const { did90, median } = expectMeasuredMatchesSimulated(report, metrics)
    // The figures docs/measuring.md quotes.
    const percent = (share: number) => (share * 100).toFixed(1)
    expect([report.overall.items, ...[did90.estimate, did90.lower, did90.upper, metrics.closureBy90Days!].map(percent)]).toEqual([107, '67.0', '56.2', '77.5', '64.9'])
    expect([median.estimate, median.lower, median.upper, metrics.closureMedianDays!.toFixed(1)]).toEqual([42, 34, 64, '41.9'])
    const guide = readFileSync(new URL('../../docs/measuring.md', import.meta.url), 'utf8').replace(/\s+/g, ' ')
    expect(guide).toContain('the 107 stories show 67.0% (56.2%–77.5%) closed with a change by day 90 and a median of 42 days (34–64) to close, where the run reports 64.9% and 41.9 days')
  })
})
