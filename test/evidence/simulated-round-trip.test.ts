import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { readCsvEvents } from '../../src/evidence/csv-events.js'
import { decodeStageMapping } from '../../src/evidence/mapping.js'
import { measureLoops } from '../../src/evidence/measure.js'
import { simulatedLogCsv, simulatedLogEvents, simulatedStageMapping } from '../../src/evidence/simulated-log.js'
import type { SimulationParameters } from '../../src/simulate/parameters.js'
import { simulate } from '../../src/simulate/simulate.js'
import { calibrationWard, trueParameters } from './calibration-fixtures.js'
import { expectMeasuredMatchesSimulated } from './round-trip-checks.js'

const model = calibrationWard()
const decoded = decodeStageMapping(simulatedStageMapping, model)
if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
const mapping = decoded.right

/** Reliable channels and a manager who answers everything, so most loops close and the median time to close exists. */
const parameters: SimulationParameters = {
  latency: 'exponential',
  raiseRate: 0.3,
  actors: [{ actor: 'manager', decide: 0.9, respond: 1 }, { actor: 'team', act: 1 }],
  channels: [{ channel: 'post', reliability: 1 }, { channel: 'alert', reliability: 1 }, { channel: 'brief', reliability: 1 }, { channel: 'report', reliability: 1 }],
}

describe('simulate → event log → measure', () => {
  const result = simulate(model, { seed: 11, days: 365, recordEvents: true, parameters })

  it('measures, from the CSV the simulation writes, the closure and time to close the simulation reports', async () => {
    const csv = simulatedLogCsv(result.eventLog!)
    expect(csv.split('\n')[0]).toBe('case id,activity,timestamp,resource,level,channel')
    const measured = await measureLoops(model, readCsvEvents(csv, mapping), mapping, { closureDays: [30, 90] })
    if (E.isLeft(measured)) throw new Error(JSON.stringify(measured.left))
    const report = measured.right
    expect(report.badInput).toEqual([])
    expectMeasuredMatchesSimulated(report, result.metrics)
  })

  it('names each channel a story or decision came over, so the records use exactly the model channels that carried something', async () => {
    const measured = await measureLoops(model, simulatedLogEvents(result.eventLog!), mapping)
    if (E.isLeft(measured)) throw new Error(JSON.stringify(measured.left))
    expect(measured.right.conformance.unmodelledFlows).toEqual([])
    expect(measured.right.conformance.unusedChannels).toEqual([])
    expect(measured.right.channels.map((group) => group.key)).toEqual(['alert', 'brief', 'notify', 'post', 'publish', 'report'])
  })

  it('counts every outcome as the simulation does', async () => {
    const items = simulate(model, { seed: 11, days: 365, recordItems: true, parameters: { ...trueParameters, latency: 'exponential' } }).items!
    const result = simulate(model, { seed: 11, days: 365, recordEvents: true, parameters: { ...trueParameters, latency: 'exponential' } })
    const measured = await measureLoops(model, simulatedLogEvents(result.eventLog!), mapping, { suppressBelow: 1 })
    if (E.isLeft(measured)) throw new Error(JSON.stringify(measured.left))
    const count = (outcome: string) => items.filter((item) => item.outcome === outcome).length
    expect(measured.right.overall.outcomes).toEqual({ open: count('open'), heard: count('heard'), decided: count('decided'), did: count('did') })
  })
})
