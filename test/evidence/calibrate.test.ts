import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { calibrate, type CalibrateOptions } from '../../src/evidence/calibrate.js'
import { decodeStageMapping, type ResolvedMapping } from '../../src/evidence/mapping.js'
import { simulatedLogEvents, simulatedStageMapping } from '../../src/evidence/simulated-log.js'
import type { Model } from '../../src/model/codecs.js'
import { checkSimulationOptions } from '../../src/simulate/issues.js'
import type { SimulationParameters } from '../../src/simulate/parameters.js'
import { simulate } from '../../src/simulate/simulate.js'
import { calibrationWard, trueParameters } from './calibration-fixtures.js'

const model = calibrationWard()
const mappingFor = (target: Model): ResolvedMapping => {
  const decoded = decodeStageMapping(simulatedStageMapping, target)
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
  return decoded.right
}

/** Records made by the simulation with known parameters. */
const records = (parameters: SimulationParameters, seed = 5) => {
  const result = simulate(model, { seed, days: 730, recordEvents: true, parameters })
  return simulatedLogEvents(result.eventLog!)
}

const calibrated = async (parameters: SimulationParameters, options: CalibrateOptions = { runs: 4 }, target: Model = model) => {
  const result = await calibrate(target, records(parameters), mappingFor(target), options)
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
  return result.right
}

/** The calibration to the records of the true parameters, made once for the tests that read it. */
let shared: ReturnType<typeof calibrated> | undefined
const calibratedToTruth = () => (shared ??= calibrated(trueParameters))

const channel = (fitted: SimulationParameters, id: string) => fitted.channels!.find((entry) => entry.channel === id)!
const actor = (fitted: SimulationParameters, id: string) => fitted.actors!.find((entry) => entry.actor === id)!

describe('calibrate', () => {
  it('recovers the reliability, latency and handling the records were simulated with', async () => {
    const calibration = await calibratedToTruth()
    const fitted = calibration.parameters
    expect(fitted.latency).toBe('fixed')
    for (const [id, reliability, latency] of [['post', 0.9, 0.5], ['alert', 0.7, 2], ['brief', 0.8, 0.5], ['report', 0.85, 1]] as const) {
      expect(channel(fitted, id).reliability).toBeCloseTo(reliability, 1)
      expect(Math.abs(channel(fitted, id).reliability! - reliability)).toBeLessThan(0.05)
      expect(channel(fitted, id).latencyDays).toBeCloseTo(latency, 6)
    }
    // Replies are seen where they arrive: the route's 3 + 1 days are shared between its hops.
    expect(channel(fitted, 'publish').latencyDays! + channel(fitted, 'notify').latencyDays!).toBeCloseTo(4, 6)
    expect(calibration.channels.find((entry) => entry.channel === 'publish')!.basis).toBe('replies-only')
    const manager = actor(fitted, 'manager')
    expect(Math.abs(manager.makeSense! - 0.6)).toBeLessThan(0.06)
    // The manager decides from its themes, not from every story it gets: 0.5, not 0.6 × 0.5.
    expect(Math.abs(manager.decide! - 0.5)).toBeLessThan(0.06)
    // It replies from what the team reports it did.
    expect(Math.abs(manager.respond! - 0.7)).toBeLessThan(0.06)
    expect(Math.abs(actor(fitted, 'team').act! - 0.75)).toBeLessThan(0.06)
    // 0.5 stories a day per person, for the 4 patients the group stands for.
    expect(Math.abs(actor(fitted, 'patients').raiseRate! - 0.5)).toBeLessThan(0.05)
    expect(checkSimulationOptions(model, { parameters: fitted })).toEqual([])
  })

  it('recognises exponential delays and fits their means', async () => {
    const calibration = await calibrated({ ...trueParameters, latency: 'exponential' })
    expect(calibration.parameters.latency).toBe('exponential')
    expect(Math.abs(channel(calibration.parameters, 'alert').latencyDays! - 2) / 2).toBeLessThan(0.12)
  })

  it('finds simulated closure inside the measured intervals when the model explains the records', async () => {
    const calibration = await calibratedToTruth()
    expect(calibration.checks.length).toBeGreaterThan(0)
    expect(calibration.checks.map((check) => `${check.group}/${check.outcome}/${check.days}`)).toContain('delivery/did/28')
    expect(calibration.inside).toBe(calibration.checks.length)
  })

  it('finds simulated closure outside when the model cannot explain the records', async () => {
    // The same records, compared with a model in which decisions never reach the team.
    const withoutBrief: Model = { ...model, channels: model.channels.filter((entry) => entry.id !== 'brief') }
    const calibration = await calibrated(trueParameters, { runs: 2 }, withoutBrief)
    const did = calibration.checks.find((check) => check.group === 'delivery' && check.outcome === 'did' && check.days === 28)!
    expect(did.measured.lower).toBeGreaterThan(0.05)
    expect(did.simulated.mean).toBe(0)
    expect(did.inside).toBe(false)
  })

  it('suppresses small counts and fits no rate from fewer items than the minimum', async () => {
    const few = simulate(model, { seed: 2, days: 20, recordEvents: true, parameters: { ...trueParameters, raiseRate: 0.05 } })
    const result = await calibrate(model, simulatedLogEvents(few.eventLog!), mappingFor(model), { runs: 1 })
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
    const brief = result.right.channels.find((entry) => entry.channel === 'brief')!
    expect(brief.basis).toBe('too-few-items')
    expect(brief.reliability).toBeUndefined()
    expect(result.right.channels.find((entry) => entry.channel === 'post')!.items).toBe('<8')
  })

  it('reports every invalid option with its path', async () => {
    const result = await calibrate(model, [], mappingFor(model), { runs: 0, seed: 1.5 })
    expect(E.isLeft(result) ? result.left.map((error) => [error.code, error.path]) : []).toEqual([
      ['invalid-option', '/seed'],
      ['invalid-option', '/runs'],
    ])
  })

  it('calibrates to an empty log without fitting or checking anything', async () => {
    const result = await calibrate(model, [], mappingFor(model), { runs: 1 })
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
    expect(result.right).toMatchObject({ days: 0, checks: [], inside: 0, roles: [] })
    expect(result.right.channels.every((entry) => entry.basis !== 'fitted')).toBe(true)
  })
})
