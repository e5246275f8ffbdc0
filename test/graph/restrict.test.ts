import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Actor, Channel, Model } from '../../src/model/codecs.js'
import type { ActorId, ChannelId } from '../../src/model/primitives.js'
import type { Level } from '../../src/model/vocabulary.js'
import { type CompiledGraph, type GraphScope, compileGraph } from '../../src/graph/compile.js'
import { restrictGraph } from '../../src/graph/restrict.js'
import { compiledArrays, hostileIds } from './fixtures.js'

const levelNames: ReadonlyArray<Level> = ['delivery', 'planning', 'strategy']
const statuses: ReadonlyArray<Channel['status']> = ['active', 'active', 'inactive', 'planned']

/**
 * Random raw models (not validated, as compileGraph accepts them): repeated actor ids,
 * channels to unknown actors, every status and level, self-loops and parallel channels.
 */
const arbitraryModel: fc.Arbitrary<Model> = fc
  .record({
    actors: fc.array(
      fc.record({
        id: fc.constantFrom(...hostileIds, 'x'),
        levels: fc.subarray([...levelNames], { minLength: 1 }),
        lay: fc.boolean(),
      }),
      { maxLength: 9 },
    ),
    channels: fc.array(
      fc.record({
        from: fc.constantFrom(...hostileIds, 'x', 'unknown'),
        to: fc.constantFrom(...hostileIds, 'x', 'unknown'),
        level: fc.constantFrom(...levelNames),
        status: fc.constantFrom(...statuses),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ actors, channels }) => ({
    schema: 'orgintel/v2',
    id: 'restrict' as Model['id'],
    name: 'Restrict' as Model['name'],
    actors: actors.map(({ id, levels, lay }, i): Actor => ({
      id: id as ActorId,
      name: `Actor ${i}` as Actor['name'],
      kind: lay ? 'patient' : 'clinician',
      perspective: lay ? 'lay' : 'professional',
      levels,
      tags: [],
    })),
    assets: [],
    channels: channels.map(({ from, to, level, status }, k): Channel => ({
      id: `c${k}` as ChannelId,
      from: from as ActorId,
      to: to as ActorId,
      carries: [],
      level,
      status,
    })),
    loops: [],
  }))

const everyOddChannel = (channel: Channel): boolean => Number(channel.id.slice(1)) % 2 === 1

const arbitraryScope: fc.Arbitrary<GraphScope> = fc.record(
  { level: fc.constantFrom(...levelNames), includeInactive: fc.boolean(), channelFilter: fc.constant(everyOddChannel) },
  { requiredKeys: [] },
)

/** Every field of a compiled graph, as plain values a deep equality can compare. */
const contentOf = (graph: CompiledGraph) => ({
  ...compiledArrays(graph),
  scope: graph.scope,
  actorCount: graph.actorCount,
  edgeCount: graph.edgeCount,
  actorObjects: [...graph.actors],
  indexOf: [...graph.indexOf.entries()],
})

describe('restrictGraph', () => {
  it('equals compileGraph(model, scope) array for array, from any wider or narrower source scope', () => {
    fc.assert(
      fc.property(arbitraryModel, arbitraryScope, arbitraryScope, (model, wide, narrow) => {
        const restricted = restrictGraph(compileGraph(model, wide), narrow)
        const compiled = compileGraph(model, narrow)
        expect(contentOf(restricted)).toEqual(contentOf(compiled))
        for (let v = 0; v < restricted.actorCount; v++) expect(restricted.actors[v]).toBe(compiled.actors[v])
        expect(restricted.indexOf.size).toBe(compiled.indexOf.size)
        for (const id of [...hostileIds, 'x', 'unknown']) expect(restricted.indexOf.get(id as ActorId)).toBe(compiled.indexOf.get(id as ActorId))
      }),
      { numRuns: 400 },
    )
  })

  it('cuts each level out of the whole graph of active channels', () => {
    fc.assert(
      fc.property(arbitraryModel, fc.constantFrom(...levelNames), (model, level) => {
        const whole = compileGraph(model)
        expect(contentOf(restrictGraph(whole, { level }))).toEqual(contentOf(compileGraph(model, { level })))
        expect(contentOf(restrictGraph(compileGraph(model, { includeInactive: true }), { level }))).toEqual(
          contentOf(compileGraph(model, { level })),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('drops the actors only a removed channel touched, and keeps level members without channels', () => {
    const model = {
      schema: 'orgintel/v2',
      id: 'm',
      name: 'M',
      actors: [
        { id: 'p', name: 'P', kind: 'patient', perspective: 'lay', levels: ['delivery'], tags: [] },
        { id: 'q', name: 'Q', kind: 'commissioner', perspective: 'professional', levels: ['planning'], tags: [] },
        { id: 'r', name: 'R', kind: 'board', perspective: 'professional', levels: ['strategy'], tags: [] },
      ],
      assets: [],
      channels: [
        { id: 'c1', from: 'p', to: 'q', carries: [], level: 'planning', status: 'active' },
        { id: 'c2', from: 'q', to: 'r', carries: [], level: 'delivery', status: 'active' },
      ],
      loops: [],
    } as unknown as Model
    const planning = restrictGraph(compileGraph(model), { level: 'planning' })
    expect(planning.actors.map((actor) => actor.id)).toEqual(['p', 'q'])
    expect([...planning.targets]).toEqual([1])
    const strategy = restrictGraph(compileGraph(model), { level: 'strategy' })
    expect(strategy.actors.map((actor) => actor.id)).toEqual(['r'])
    expect(strategy.edgeCount).toBe(0)
  })
})
