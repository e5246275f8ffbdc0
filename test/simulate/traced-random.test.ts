import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { traceLoops } from '../../src/graph/trace.js'
import type { AssetKind } from '../../src/model/vocabulary.js'
import { simulate } from '../../src/simulate/simulate.js'
import { modelOf } from './fixtures.js'

// Small random models, with declared and inferred provenance, on which nothing is left
// to chance: every item's outcome must be its source's traced loop outcome. Replies and
// decisions held by the raiser itself are frequent, so a reply the raiser writes from its
// own story alone, and one made from what another actor brought back, both occur.

const kinds: ReadonlyArray<AssetKind> = ['experience', 'experience', 'data', 'insight', 'decision', 'plan', 'change', 'response', 'response', 'lesson']
const stage: Readonly<Record<AssetKind, number>> = {
  experience: 0, evidence: 0, data: 0, insight: 1, decision: 2, plan: 2, strategy: 2, change: 3, experiment: 3, response: 4, lesson: -1,
}

const arbitraryModel = fc
  .record({ actors: fc.integer({ min: 2, max: 5 }), assets: fc.integer({ min: 2, max: 6 }) })
  .chain(({ actors, assets }) =>
    fc.record({
      actors: fc.constant(actors),
      assets: fc.array(
        fc.record({ kind: fc.constantFrom(...kinds), holder: fc.nat(actors - 1), declared: fc.boolean(), from: fc.array(fc.nat(assets - 1), { maxLength: 3 }) }),
        { minLength: assets, maxLength: assets },
      ),
      channels: fc.array(
        fc.record({ from: fc.nat(actors - 1), step: fc.nat(actors - 2), carries: fc.array(fc.nat(assets - 1), { minLength: 1, maxLength: 3 }), latency: fc.nat(4) }),
        { maxLength: 10 },
      ),
    }),
  )
  .map(({ actors, assets, channels }) =>
    modelOf({
      schema: 'orgintel/v2',
      id: 'random',
      name: 'Random',
      actors: Array.from({ length: actors }, (_, i) => ({ id: `a${i}`, name: `A${i}`, kind: i % 2 === 0 ? 'patient' : 'manager', levels: ['delivery'] })),
      assets: assets.map((asset, i) => {
        // Declared links only from earlier assets of no later stage, so provenance never forms a cycle.
        const from = [...new Set(asset.from)].filter((p) => p < i && stage[assets[p]!.kind] >= 0 && stage[asset.kind] >= 0 && stage[assets[p]!.kind] <= stage[asset.kind])
        const base = { id: `k${i}`, name: `K${i}`, kind: asset.kind, holder: `a${asset.holder}` }
        return asset.declared ? { ...base, derivedFrom: from.map((p) => `k${p}`) } : base
      }),
      channels: channels.map((channel, c) => ({
        id: `c${c}`,
        from: `a${channel.from}`,
        to: `a${(channel.from + 1 + channel.step) % actors}`,
        level: 'delivery',
        carries: [...new Set(channel.carries)].map((k) => `k${k}`),
        latencyDays: channel.latency,
      })),
    }),
  )

const certain = {
  raiseRateByKind: { patient: 0.2, manager: 0.2 },
  respond: 1, makeSense: 1, decide: 1, act: 1, recordLesson: 1, summarise: 1, passOn: 1, maxHops: 1000,
}

describe('simulate: agrees with traced loops on random models when nothing is left to chance', () => {
  it("gives every item its source's traced loop outcome, and a loop that closes with did its round trip", () => {
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const traced = new Map(traceLoops(model).loops.map((loop) => [loop.source as string, loop]))
        // Every channel reliable; latencies as the model says (fixed), so each route takes what the trace times.
        const { items } = simulate(model, { seed: 5, days: 200, recordItems: true, parameters: certain, interventions: [{ day: 0, kind: 'set-reliability', reliability: 1 }] })
        // Raised with time to spare (a route is at most 30 channels of 4 days).
        for (const item of items!.filter((item) => item.raisedAt < 60)) {
          const loop = traced.get(item.source)!
          expect([item.source, item.outcome]).toEqual([item.source, loop.outcome])
          if (item.outcome === 'did') expect((item.closedAt! - item.raisedAt).toFixed(6)).toBe(loop.latencyDays!.toFixed(6))
        }
      }),
      { numRuns: 1000 },
    )
  })
})
