import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { runExperiment } from '../../src/node/run-experiment.js'
import { simulationMetricNames } from '../../src/simulate/result.js'
import { simulate } from '../../src/simulate/simulate.js'
import { wardModel } from '../simulate/fixtures.js'

const wardPath = new URL('../../examples/models/ward-you-said-we-did.json', import.meta.url).pathname
const spec = {
  modelPath: wardPath,
  seed: 1,
  days: 30,
  vary: { grid: { scenario: ['as-is', 'repaired'] } },
  scenarios: [
    { name: 'as-is', interventions: [] },
    { name: 'repaired', interventions: [{ day: 0, kind: 'add-channel', channel: { id: 'letter', from: 'pals', to: 'carers', level: 'delivery', carries: ['pals-reply'] } }] },
  ],
}

const errorsOf = async (input: unknown) => {
  const result = await runExperiment(input, { workers: 0 })
  return E.isLeft(result) ? result.left.map((error) => [error.path, error.message]) : []
}

describe('experiment specs refuse what does not fit, with paths and suggestions', () => {
  it('refuses a misspelt actor in a scenario instead of running it as "as is"', async () => {
    const misspelt = {
      ...spec,
      scenarios: [spec.scenarios[0], { name: 'repaired', interventions: [{ day: 0, kind: 'add-channel', channel: { from: 'palss', to: 'carers', level: 'delivery', carries: ['pals-replies'] } }] }],
    }
    expect(await errorsOf(misspelt)).toEqual([
      ['/scenarios/1/interventions/0/channel/from', "No actor has the id 'palss'. Did you mean 'pals'?"],
      ['/scenarios/1/interventions/0/channel/carries/0', "No asset has the id 'pals-replies'. Did you mean 'pals-reply'?"],
    ])
  })

  it('lets a scenario name a channel that the spec itself adds, and refuses one nobody has', async () => {
    const base = [{ day: 0, kind: 'add-channel', channel: { id: 'letter', from: 'pals', to: 'carers', level: 'delivery', carries: ['pals-reply'] } }]
    const slower = (channel: string) => ({
      ...spec,
      interventions: base,
      scenarios: [spec.scenarios[0], { name: 'repaired', interventions: [{ day: 5, kind: 'set-latency', channel, latencyDays: 9 }] }],
    })
    expect(await errorsOf(slower('letter'))).toEqual([])
    expect(await errorsOf(slower('leter'))).toEqual([['/scenarios/1/interventions/0/channel', "No channel has the id 'leter'. Did you mean 'letter'?"]])
  })

  it('refuses misspelt fields, parameters, metrics, per-actor entries, varied names and scenario actors in one pass', async () => {
    const errors = await errorsOf({
      ...spec,
      replication: 3,
      metrics: ['closureRate', 'heardBackRte', 'happiness'],
      parameters: { raiseRte: 0.2, actors: [{ actor: 'ward-managr', respond: 1 }] },
      vary: { grid: { scenario: ['as-is', 'repaird'], respnd: [0.5] } },
      scenarios: [spec.scenarios[0], { name: 'repaired', interventions: [{ day: 0, kind: 'remove-actor', actor: 'carer' }] }],
    })
    expect(errors).toEqual([
      ['/metrics/1', "No metric is called 'heardBackRte'. Did you mean 'heardBackRate'?"],
      ['/metrics/2', `No metric is called 'happiness'. It must be one of ${simulationMetricNames.map((name) => `'${name}'`).join(', ')}.`],
      ['/replication', "'replication' at /replication is not an option here. Did you mean 'replications'?"],
      ['/parameters/raiseRte', "'raiseRte' at /parameters/raiseRte is not an option here. Did you mean 'raiseRate'?"],
      ['/vary/grid/scenario/1', "This names no scenario in `scenarios`. Did you mean 'repaired'?"],
      ['/vary/grid/respnd/0', "'respnd' is not a parameter that can be varied. Did you mean 'respond'?"],
      ['/parameters/actors/0/actor', "No actor has the id 'ward-managr'. Did you mean 'ward-manager'?"],
      ['/scenarios/1/interventions/0/actor', "No actor has the id 'carer'. Did you mean 'carers'?"],
    ])
  })

  it('lists the valid names when none is close, and checks a scenario named in vary even when its interventions are wrong', async () => {
    const errors = await errorsOf({
      ...spec,
      vary: { grid: { scenario: ['as-is', 'something else', 'repaired'], colour: ['red'] } },
      scenarios: [spec.scenarios[0], { name: 'repaired', interventions: [{ day: 'soon', kind: 'remove-actor', actor: 'carers' }] }],
    })
    expect(errors.map(([path]) => path)).toEqual(['/scenarios/1/interventions/0/day', '/vary/grid/scenario/1', '/vary/grid/colour/0'])
    expect(errors[1]![1]).toBe("This names no scenario in `scenarios`. It must be one of 'as-is', 'repaired'.")
    expect(errors[2]![1]).toMatch(/^'colour' is not a parameter that can be varied\. It must be one of 'raiseRate', 'respond', .*'fatiguePatienceDays'\.$/)
  })

  it('gives the same suggestions from simulate itself', () => {
    const result = simulate(wardModel(), { seed: 1, days: 5, parameters: { raiseRte: 1 } as never, interventions: [{ day: 0, kind: 'remove-actor', actor: 'carer' }] })
    expect(result.issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ['unknown-option', '/parameters/raiseRte', "'raiseRte' at /parameters/raiseRte is not an option here. Did you mean 'raiseRate'?"],
      ['unknown-actor', '/interventions/0/actor', "No actor has the id 'carer'. Did you mean 'carers'?"],
    ])
  })
})
