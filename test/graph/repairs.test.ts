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

/** Does every active channel lie on a cycle (no open loop)? */
const everyChannelOnALoop = (spec: ModelSpec): boolean => {
  const reach = bruteForceReach(spec)
  return spec.edges.every((edge) => (edge.status ?? 'active') !== 'active' || reach[edge.to]![edge.from]!)
}

/** Does some set of `size` new edges give the graph the property `works`? */
const someSetWorks = (spec: ModelSpec, size: number, works: (spec: ModelSpec) => boolean = stronglyConnected): boolean => {
  const candidates: Array<[number, number]> = []
  for (let a = 0; a < spec.actors; a++) for (let b = 0; b < spec.actors; b++) if (a !== b) candidates.push([a, b])
  const choose = (start: number, chosen: Array<[number, number]>): boolean => {
    if (chosen.length === size) {
      return works({ ...spec, edges: [...spec.edges, ...chosen.map(([from, to]) => ({ from, to }))] })
    }
    for (let i = start; i < candidates.length; i++) if (choose(i + 1, [...chosen, candidates[i]!])) return true
    return false
  }
  return choose(0, [])
}

describe('suggestRepairs', () => {
  it('closes every open loop, without self-loops, touching only components with a channel out or in', () => {
    fc.assert(
      fc.property(arbitrarySpec(8, 16), fc.constantFrom<'feedback' | 'any'>('feedback', 'any'), (spec, prefer) => {
        const model = buildModel(spec)
        const repairs = suggestRepairs(model, { level: 'delivery', prefer })
        for (const repair of repairs) expect(repair.from).not.toBe(repair.to)
        const repaired = withRepairs(model, repairs)
        const componentOf = new Map(stronglyConnectedComponents(repaired, { level: 'delivery' }).flatMap((c, i) => c.map((id) => [id, i] as const)))
        for (const channel of repaired.channels) {
          if (channel.status === 'active') expect(componentOf.get(channel.from)).toBe(componentOf.get(channel.to))
        }
        // Actors on no channel, and loops with no channel to or from the rest, are left alone.
        const before = stronglyConnectedComponents(model, { level: 'delivery' })
        const ofActor = new Map(before.flatMap((c, i) => c.map((id) => [id, i] as const)))
        const crossing = new Set(model.channels.filter((c) => c.status === 'active' && ofActor.get(c.from) !== ofActor.get(c.to)).flatMap((c) => [ofActor.get(c.from), ofActor.get(c.to)]))
        for (const repair of repairs) {
          expect(crossing.has(ofActor.get(repair.from))).toBe(true)
          expect(crossing.has(ofActor.get(repair.to))).toBe(true)
        }
        if (everyChannelOnALoop(spec)) expect(repairs).toEqual([])
      }),
      { numRuns: 400 },
    )
  })

  it('closes every open loop with the fewest channels: no set of one fewer works (brute force, ≤ 5 actors)', () => {
    fc.assert(
      fc.property(arbitrarySpec(5, 8), (spec) => {
        const repairs = suggestRepairs(buildModel(spec), { level: 'delivery' })
        if (repairs.length > 0) expect(someSetWorks(spec, repairs.length - 1, everyChannelOnALoop)).toBe(false)
      }),
      { numRuns: 150 },
    )
  })

  it("with goal 'connect-level', makes every level one component, without self-loops", () => {
    fc.assert(
      fc.property(arbitrarySpec(8, 16), fc.constantFrom<'feedback' | 'any'>('feedback', 'any'), (spec, prefer) => {
        const model = buildModel(spec)
        const repairs = suggestRepairs(model, { level: 'delivery', prefer, goal: 'connect-level' })
        for (const repair of repairs) expect(repair.from).not.toBe(repair.to)
        expect(stronglyConnectedComponents(withRepairs(model, repairs), { level: 'delivery' }).length).toBe(1)
        if (stronglyConnected(spec) || spec.actors === 1) expect(repairs).toEqual([])
      }),
      { numRuns: 400 },
    )
  })

  it("with goal 'connect-level', is minimum: no set of one channel fewer works (brute force, ≤ 5 actors)", () => {
    fc.assert(
      fc.property(arbitrarySpec(5, 8), (spec) => {
        const repairs = suggestRepairs(buildModel(spec), { level: 'delivery', goal: 'connect-level' })
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

  it('handles each level in turn; joins actors with no channel in only when asked to connect the level', () => {
    const model = buildModel({
      actors: 4,
      edges: [{ from: 0, to: 1, level: 'planning' }],
      levels: [['planning'], ['planning'], ['planning'], ['strategy']],
    })
    const closing = suggestRepairs(model)
    expect(closing.map((r) => [r.level, r.from, r.to])).toEqual([['planning', 'n1', 'n0']])
    expect(closing[0]!.reason).toContain("Add a planning channel from 'n1' to 'n0', the one channel needed to close every open loop at the planning level: ")
    const connecting = suggestRepairs(model, { goal: 'connect-level' })
    expect(connecting.map((r) => r.level)).toEqual(['planning', 'planning'])
    expect(connecting[0]!.reason).toContain('one of the 2 fewest that let every planning actor hear back from every other')
    expect(stronglyConnectedComponents(withRepairs(model, connecting), { level: 'planning' }).length).toBe(1)
  })

  it('leaves two loops that are closed already apart, and joins them when asked to connect the level', () => {
    const model = buildModel({ actors: 4, edges: [{ from: 0, to: 1 }, { from: 1, to: 0 }, { from: 2, to: 3 }, { from: 3, to: 2 }] })
    expect(suggestRepairs(model)).toEqual([])
    expect(suggestRepairs(model, { goal: 'connect-level' })).toHaveLength(2)
  })
})
