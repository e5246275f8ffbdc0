import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { decodeModel } from '../../src/model/decode.js'
import { describeExpected } from '../../src/model/codec-words.js'
import { AddedChannel, Intervention } from '../../src/simulate/interventions.js'
import { checkSimulationOptions } from '../../src/simulate/issues.js'
import { ActorParameters, LatencyDistribution, SimulationParameters } from '../../src/simulate/parameters.js'
import { idText, nonNegativeNumber, probability } from '../../src/simulate/plain-codecs.js'

const decoded = decodeModel(JSON.parse(readFileSync(new URL('../../examples/models/ward-you-said-we-did.json', import.meta.url), 'utf8')))
if (E.isLeft(decoded)) throw new Error('the example model does not decode')
const model = decoded.right

describe('what simulation options accept, in words', () => {
  it('describes every named codec of parameters and interventions without its name', () => {
    expect([probability, nonNegativeNumber, idText, LatencyDistribution, ActorParameters, SimulationParameters, AddedChannel, Intervention].map(describeExpected)).toEqual([
      'a number from 0 to 1',
      'a number, 0 or more',
      'a non-empty id',
      'one of fixed, exponential, uniform',
      'an object',
      'an object',
      'an object',
      'an object whose kind is one of add-channel, remove-actor, remove-channel, set-reliability, set-latency',
    ])
  })

  it('speaks the same words in checkSimulationOptions as in the command line', () => {
    const issues = checkSimulationOptions(model, {
      parameters: { respond: 2, latency: 'gamma' } as never,
      interventions: [{ day: -1, kind: 'remove-actor', actor: 'ward-team' }] as never,
    })
    expect(issues.map((issue) => issue.message)).toEqual([
      'The option at /parameters/respond must be a number from 0 to 1, but it is 2.',
      "The option at /parameters/latency must be one of fixed, exponential, uniform, but it is 'gamma'.",
      'The option at /interventions/0/day must be a number, 0 or more, but it is -1.',
    ])
  })
})
