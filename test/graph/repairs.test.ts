import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Channel, Model } from '../../src/model/codecs.js'
import type { ChannelId } from '../../src/model/primitives.js'
import { stronglyConnectedComponents } from '../../src/graph/components.js'
import { suggestRepairs } from '../../src/graph/repairs.js'
import type { ProposedChannel } from '../../src/graph/types.js'
import { arbitrarySpec, bruteForceReach, buildModel, type ModelSpec } from './fixtures.js'

const withRepairs = (model: Model, repairs: ReadonlyArray<ProposedChannel>): Model => ({
  ...model,
  channels: [
    ...model.channels,
    ...repairs.map((r, i): Channel => ({ id: `repair-${i}` as ChannelId, from: r.from, to: r.to, carries: r.carries, level: r.level, status: 'active' })),
  ],
})

const stronglyConnected = (spec: ModelSpec): boolean => bruteForceReach(spec).every((row) => row.every(Boolean))

/** Does some set of `size` new edges make the graph strongly connected? */
const someSetWorks = (spec: ModelSpec, size: number): boolean => {
  const candidates: Array<[number, number]> = []
  for (let a = 0; a < spec.actors; a++) for (let b = 0; b < spec.actors; b++) if (a !== b) candidates.push([a, b])
  const choose = (start: number, chosen: Array<[number, number]>): boolean => {
    if (chosen.length === size) {
      return stronglyConnected({ ...spec, edges: [...spec.edges, ...chosen.map(([from, to]) => ({ from, to }))] })
    }
    for (let i = start; i < candidates.length; i++) if (choose(i + 1, [...chosen, candidates[i]!])) return true
    return false
  }
  return choose(0, [])
}

describe('suggestRepairs', () => {
  it('makes every level one component, without self-loops', () => {
    fc.assert(
      fc.property(arbitrarySpec(8, 16), fc.constantFrom<'feedback' | 'any'>('feedback', 'any'), (spec, prefer) => {
        const model = buildModel(spec)
        const repairs = suggestRepairs(model, { level: 'delivery', prefer })
        for (const repair of repairs) expect(repair.from).not.toBe(repair.to)
        expect(stronglyConnectedComponents(withRepairs(model, repairs), { level: 'delivery' }).length).toBe(1)
        if (stronglyConnected(spec) || spec.actors === 1) expect(repairs).toEqual([])
      }),
      { numRuns: 400 },
    )
  })

  it('is minimum: no set of one channel fewer works (brute force, ≤ 5 actors)', () => {
    fc.assert(
      fc.property(arbitrarySpec(5, 8), (spec) => {
        const repairs = suggestRepairs(buildModel(spec), { level: 'delivery' })
        if (repairs.length > 0) expect(someSetWorks(spec, repairs.length - 1)).toBe(false)
      }),
      { numRuns: 150 },
    )
  })

  it('prefers professional senders and lay receivers, and carries a response', () => {
    // Lay patient 0 tells clinician 1; nothing comes back.
    const model = buildModel({
      actors: 2,
      edges: [{ from: 0, to: 1 }],
      lay: [true, false],
      assets: [{ id: 'reply', kind: 'response', holder: 1 }, { id: 'story', kind: 'experience', holder: 0 }],
    })
    const [repair, ...rest] = suggestRepairs(model)
    expect(rest).toEqual([])
    expect(repair).toMatchObject({ from: 'n1', to: 'n0', level: 'delivery', carries: ['reply'] })
    expect(repair!.reason).toContain("'n1'")
    expect(repair!.reason).not.toContain('Actor 1')
  })

  it('handles each level in turn and isolated actors', () => {
    const model = buildModel({
      actors: 4,
      edges: [{ from: 0, to: 1, level: 'planning' }],
      levels: [['planning'], ['planning'], ['planning'], ['strategy']],
    })
    const repairs = suggestRepairs(model)
    expect(repairs.map((r) => r.level)).toEqual(['planning', 'planning'])
    expect(stronglyConnectedComponents(withRepairs(model, repairs), { level: 'planning' }).length).toBe(1)
  })
})
