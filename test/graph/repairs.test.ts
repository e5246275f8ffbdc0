import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Channel, Model } from '../../src/model/codecs.js'
import type { ChannelId } from '../../src/model/primitives.js'
import { stronglyConnectedComponents } from '../../src/graph/components.js'
import { compileGraph } from '../../src/graph/compile.js'
import { repairsForGraph, suggestRepairs } from '../../src/graph/repairs.js'
import { canonicalModel } from '../../src/model/canonical.js'
import { levels } from '../../src/model/vocabulary.js'
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

  it.each([
    ['8 actors, 40 channels', 8, 40],
    ['3 actors, 90 channels: many channels an actor', 3, 90],
  ])('gives what repairsForGraph gives on the whole model compiled in id order, whatever order the document lists things in (%s)', (_, maxActors, maxEdges) => {
    // suggestRepairs sorts only the actors and each actor's channels, not every channel.
    const permutation = (size: number) => fc.array(fc.nat(), { minLength: size, maxLength: size })
    const shuffle = <T>(items: ReadonlyArray<T>, keys: ReadonlyArray<number>): T[] =>
      items.map((item, i) => [keys[i]!, i, item] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , item]) => item)
    const arbitrary = arbitrarySpec(maxActors, maxEdges).chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        edgeLevels: fc.array(fc.constantFrom(...levels), { minLength: spec.edges.length, maxLength: spec.edges.length }),
        actorLevels: fc.array(fc.subarray([...levels], { minLength: 1 }), { minLength: spec.actors, maxLength: spec.actors }),
        replies: fc.array(fc.record({ id: fc.constantFrom('r1', 'r10', 'r2', 'q', 'reply'), holder: fc.nat(spec.actors - 1) }), { maxLength: 6 }),
        actorOrder: permutation(spec.actors),
        channelOrder: permutation(spec.edges.length),
        assetOrder: permutation(6),
        prefer: fc.constantFrom<'feedback' | 'any'>('feedback', 'any'),
        goal: fc.constantFrom<'close-open-loops' | 'connect-level'>('close-open-loops', 'connect-level'),
      }),
    )
    fc.assert(
      fc.property(arbitrary, ({ spec, edgeLevels, actorLevels, replies, actorOrder, channelOrder, assetOrder, prefer, goal }) => {
        const unique = replies.filter((reply, i) => replies.findIndex((other) => other.id === reply.id) === i)
        const built = buildModel({
          ...spec,
          edges: spec.edges.map((edge, k) => ({ ...edge, level: edgeLevels[k]! })),
          levels: actorLevels,
          assets: unique.map((reply) => ({ ...reply, kind: 'response' as const })),
        })
        const model: Model = {
          ...built,
          actors: shuffle(built.actors, actorOrder),
          channels: shuffle(built.channels, channelOrder),
          assets: shuffle(built.assets, assetOrder),
        }
        const canonical = canonicalModel(model)
        const expected = levels.flatMap((level) => repairsForGraph(compileGraph(canonical, { level }), level, prefer, goal))
        expect(suggestRepairs(model, { prefer, goal })).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })
})
