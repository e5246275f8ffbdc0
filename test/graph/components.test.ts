import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileGraph } from '../../src/graph/compile.js'
import { componentsOf, stronglyConnectedComponents } from '../../src/graph/components.js'
import { arbitrarySpec, bruteForceReach, buildModel } from './fixtures.js'

describe('stronglyConnectedComponents', () => {
  it('matches mutual reachability on small multigraphs, sorted and ordered by smallest id', () => {
    fc.assert(
      fc.property(arbitrarySpec(), (spec) => {
        const model = buildModel(spec)
        const reach = bruteForceReach(spec)
        const groups = new Map<string, string[]>()
        for (let v = 0; v < spec.actors; v++) {
          const members = model.actors.filter((_, w) => reach[v]![w] && reach[w]![v]).map((a) => a.id as string)
          groups.set(members.sort().join('\u0000'), members)
        }
        const expected = [...groups.values()].sort((a, b) => (a[0]! < b[0]! ? -1 : 1))
        expect(stronglyConnectedComponents(model)).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })

  it('numbers components in reverse topological order', () => {
    fc.assert(
      fc.property(arbitrarySpec(), (spec) => {
        const graph = compileGraph(buildModel(spec))
        const { count, componentOf } = componentsOf(graph)
        expect(new Set(componentOf).size).toBe(count)
        for (let v = 0; v < graph.actorCount; v++) {
          for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
            expect(componentOf[v]!).toBeGreaterThanOrEqual(componentOf[graph.targets[e]!]!)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('skips inactive channels and honours a level scope', () => {
    const model = buildModel({
      actors: 3,
      edges: [{ from: 0, to: 1 }, { from: 1, to: 0, status: 'inactive' }, { from: 1, to: 2, level: 'planning' }, { from: 2, to: 1, level: 'planning' }],
      levels: [['delivery'], ['delivery', 'planning'], ['planning']],
    })
    expect(stronglyConnectedComponents(model)).toEqual([['n0'], ['n1', 'n2']])
    expect(stronglyConnectedComponents(model, { level: 'delivery' })).toEqual([['n0'], ['n1']])
    expect(stronglyConnectedComponents(model, { level: 'strategy' })).toEqual([])
  })
})
