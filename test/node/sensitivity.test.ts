import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { planSensitivity, runSensitivity } from '../../src/node/sensitivity/run.js'

// Replies come back only at the bedside, made from a fix made from the concern: `respond` moves the response rate.
const wardPath = new URL('../../examples/models/acute-ward-fft.json', import.meta.url).pathname
const spec = {
  modelPath: wardPath,
  seed: 4,
  days: 180,
  method: 'morris',
  samples: 6,
  parameters: { raiseRate: 0.005 },
  ranges: { respond: { min: 0.1, max: 0.9 }, decide: { min: 0, max: 1 }, jitter: { min: 0, max: 1 } },
  metrics: ['heardBackRate', 'responseRate'],
}

describe('runSensitivity', () => {
  it('ranks what moves the response rate: the reply probability, not an unused jitter', async () => {
    const result = await runSensitivity(spec, { workers: 0 })
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
    const { metrics, points, runs } = result.right
    expect(points).toBe(6 * 4)
    expect(runs).toBe(points)
    const response = metrics.find((entry) => entry.metric === 'responseRate')!.parameters
    expect(response[0]!.parameter).toBe('respond')
    expect(response[0]!.muStar!).toBeGreaterThan(0.1)
    // Latency is fixed, so jitter changes nothing, and the care plan is made from no item, so
    // deciding changes nothing either: on common random numbers their effects are exactly 0.
    expect(response.slice(1).map((entry) => [entry.parameter, entry.muStar]).sort()).toEqual([['decide', 0], ['jitter', 0]])
    // The same spec gives the same bytes.
    const again = await runSensitivity(spec, { workers: 0 })
    expect(JSON.stringify(again)).toBe(JSON.stringify(result))
  })

  it('estimates Sobol indices for a simulation metric', async () => {
    const result = await runSensitivity({ ...spec, method: 'sobol', samples: 32, ranges: { respond: { min: 0.1, max: 0.9 }, jitter: { min: 0, max: 1 } }, metrics: ['responseRate'] }, { workers: 0 })
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
    const [respond, jitter] = result.right.metrics[0]!.parameters
    expect(result.right.points).toBe(32 * 4)
    expect(respond!.total!).toBeGreaterThan(0.5)
    expect(jitter!.total).toBe(0)
  })

  it('refuses parameters that do not exist, bad ranges and typos, with paths and suggestions', () => {
    const errors = (input: unknown) => {
      const plan = planSensitivity(input)
      return E.isLeft(plan) ? plan.left.map((error) => [error.path, error.message]) : []
    }
    expect(errors({ ...spec, ranges: { respnd: { min: 0, max: 1 }, latency: { min: 0, max: 1 }, decide: { min: 1, max: 0 } } })).toEqual([
      ['/ranges/respnd', "'respnd' is not a numeric parameter that can be varied. Did you mean 'respond'?"],
      ['/ranges/latency', "'latency' is not a numeric parameter that can be varied."],
      ['/ranges/decide', "The range of 'decide' needs min < max, both valid values of it."],
    ])
    expect(errors({ ...spec, method: 'morris', levels: 3 })).toEqual([['/levels', 'Morris levels must be an even number.']])
    expect(errors({ ...spec, sample: 10 })).toEqual([['/sample', "'sample' at /sample is not an option here. Did you mean 'samples'?"]])
  })
})
