import { describe, expect, it } from 'vitest'
import { encodeModel } from '../../src/model/decode.js'
import { decodeGraphlibId, fromGraphlib, toGraphlib } from '../../src/graph/graphlib.js'
import { stronglyConnectedComponents } from '../../src/graph/components.js'
import { findLoops } from '../../src/graph/loops.js'
import { suggestRepairs } from '../../src/graph/repairs.js'
import { returnPath } from '../../src/graph/paths.js'
import { findSinglePointsOfFailure } from '../../src/graph/fragility.js'
import { buildModel } from './fixtures.js'

const hostile = buildModel({
  actors: 4,
  ids: ['__proto__', 'constructor', 'toString', 'hasOwnProperty'],
  edges: [{ from: 0, to: 1 }, { from: 1, to: 0 }, { from: 1, to: 2 }, { from: 1, to: 2 }, { from: 2, to: 3 }, { from: 3, to: 3 }],
})

describe('hostile ids', () => {
  it('toGraphlib keeps Object.prototype clean and round-trips through fromGraphlib', () => {
    const graph = toGraphlib(hostile)
    expect(Object.keys(Object.prototype)).toEqual([])
    expect(({} as Record<string, unknown>)['actor:__proto__']).toBeUndefined()
    expect(graph.nodeCount()).toBe(4)
    expect(graph.edgeCount()).toBe(6)
    expect(graph.isMultigraph()).toBe(true)
    expect(graph.nodes().map((node) => decodeGraphlibId(node))).toEqual(
      hostile.actors.map((actor) => ({ kind: 'actor', id: actor.id })),
    )
    expect(decodeGraphlibId('elsewhere')).toBeUndefined()
    const back = fromGraphlib(graph)
    expect(back._tag).toBe('Right')
    if (back._tag === 'Right') expect(encodeModel(back.right)).toEqual(encodeModel(hostile))
  })

  it('work in every analysis', () => {
    expect(stronglyConnectedComponents(hostile)).toEqual([['__proto__', 'constructor'], ['hasOwnProperty'], ['toString']])
    expect(findLoops(hostile).loops.map((loop) => loop.actors)).toEqual([['__proto__', 'constructor'], ['hasOwnProperty']])
    expect(returnPath(hostile, '__proto__' as never, 'hasOwnProperty' as never)?.hops).toBe(3)
    const repairs = suggestRepairs(hostile, { level: 'delivery' })
    expect(repairs).toHaveLength(1)
    expect(findSinglePointsOfFailure(hostile).points.map((p) => [p.kind, p.id, p.affectedLayActors])).toEqual([
      ['actor', 'constructor', ['__proto__']],
      ['channel', 'c0', ['__proto__']],
      ['channel', 'c1', ['__proto__']],
    ])
    expect(Object.keys(Object.prototype)).toEqual([])
  })
})
