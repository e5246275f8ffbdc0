import { describe, expect, it } from 'vitest'
import type { Model } from '../../src/model/codecs.js'
import { simulate } from '../../src/simulate/simulate.js'

/** A chain a0 → a1 → … → a(n-1) carrying a0's story, with a reply channel back from the end to a0. */
const chain = (n: number): Model => {
  const actors = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, name: `A${i}`, kind: i === 0 ? 'patient' : 'clinician', levels: ['delivery'] }))
  const channels = Array.from({ length: n - 1 }, (_, i) => ({ id: `c${i}`, from: `a${i}`, to: `a${i + 1}`, carries: ['story'], level: 'delivery', latencyDays: 0 }))
  channels.push({ id: 'back', from: `a${n - 1}`, to: 'a0', carries: ['reply'], level: 'delivery', latencyDays: 0 })
  // Built directly (already decoded) to keep the test fast; the small fixtures go through decodeModel.
  return {
    schema: 'orgintel/v2',
    id: 'chain',
    name: 'Chain',
    actors: actors.map((actor) => ({ ...actor, perspective: actor.kind === 'patient' ? 'lay' : 'professional', tags: [] })),
    assets: [
      { id: 'story', name: 'Story', kind: 'experience', holder: 'a0', acknowledged: true },
      { id: 'reply', name: 'Reply', kind: 'response', holder: `a${n - 1}`, acknowledged: true },
    ],
    channels: channels.map((channel) => ({ ...channel, status: 'active' })),
    loops: [],
  } as unknown as Model
}

describe('simulate at scale', () => {
  it('carries a story down a 200,000-actor chain and a reply back without overflowing the stack', () => {
    const n = 200_000
    const result = simulate(chain(n), {
      seed: 1,
      days: 5,
      parameters: { maxHops: n, respond: 1, actors: [{ actor: 'a0' as never, raiseRate: 1 }] },
    })
    expect(result.truncated).toBe(false)
    expect(result.metrics.experiencesRaised).toBeGreaterThan(0)
    // Every story reaches the end (latency 0) and the end's reply takes the channel back.
    expect(result.metrics.heardBackRate).toBe(1)
  })
})
