import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type ExperimentOptions, runExperiment } from '../../src/node/run-experiment.js'

const wardPath = new URL('../../examples/models/ward-you-said-we-did.json', import.meta.url).pathname
const spec = { modelPath: wardPath, seed: 1, days: 2, metrics: ['closureRate'] }

const errorsOf = async (input: unknown, options: ExperimentOptions = {}) => {
  const prepared = await runExperiment(input, options)
  return E.isLeft(prepared) ? prepared.left : []
}

describe('runExperiment options', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('rejects workers: %s as the CLI does, in a Left', async (workers) => {
    expect(await errorsOf(spec, { workers })).toEqual([
      { code: 'invalid-spec', path: '', message: `\`workers\` must be a whole number, 0 or more (0 runs in this thread); got ${String(workers)}.` },
    ])
  })

  it('reports a bad worker count together with a bad shard', async () => {
    const errors = await errorsOf(spec, { workers: -1, shard: { index: 2, count: 2 } })
    expect(errors.map((error) => error.message)).toEqual([
      'A shard needs 0 ≤ index < count; got 2 of 2.',
      '`workers` must be a whole number, 0 or more (0 runs in this thread); got -1.',
    ])
  })

  it('accepts 0 (this thread) and whole numbers of workers', async () => {
    for (const workers of [0, 1, 3]) {
      const prepared = await runExperiment(spec, { workers })
      expect(E.isRight(prepared)).toBe(true)
    }
  })
})

describe('spec errors in plain words', () => {
  it('names what each field accepts, never a codec', async () => {
    const errors = await errorsOf({
      ...spec,
      replications: 0,
      parameters: { respond: 2, latency: 'gamma', actors: [{ actor: '' }] },
      interventions: [{ day: -1, kind: 'remove-actor', actor: 'ward-team' }, { day: 0, kind: 'teleport' }, 'x'],
      vary: { grid: { respond: [{}] } },
    })
    expect(errors.map((error) => [error.path, error.message])).toEqual([
      ['/replications', "'/replications' must be a whole number, 1 or more, but it is 0."],
      ['/parameters/respond', "'/parameters/respond' must be a number from 0 to 1, but it is 2."],
      ['/parameters/latency', "'/parameters/latency' must be one of fixed, exponential, uniform, but it is text."],
      ['/parameters/actors/0/actor', "'/parameters/actors/0/actor' must be a non-empty id, but it is empty text."],
      ['/vary/grid/respond/0', "'/vary/grid/respond/0' must be a number, text or true/false, but it is an object."],
      ['/vary/list', "'/vary/list' must be a list, but it is missing."],
      ['/interventions/0/day', "'/interventions/0/day' must be a number, 0 or more, but it is -1."],
      ['/interventions/1/kind', "'/interventions/1/kind' must be one of add-channel, remove-actor, remove-channel, set-reliability, set-latency, but it is text."],
      ['/interventions/2', "'/interventions/2' must be an object whose kind is one of add-channel, remove-actor, remove-channel, set-reliability, set-latency, but it is text."],
    ])
  })

  it('says what the whole spec must be', async () => {
    expect((await errorsOf([1])).map((error) => error.message)).toEqual(['The spec must be an object, but it is a list.'])
  })
})
