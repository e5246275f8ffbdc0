import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Level } from '../../src/model/vocabulary.js'
import { actorAdjacency } from '../../src/graph/adjacency.js'
import { compileGraph } from '../../src/graph/compile.js'
import { describeLoop } from '../../src/graph/describe.js'
import { activeFlag, assetKindBit, edgeAttributesOf, edgeFlagsOf, scopeKeepsOnlyLoopChannels } from '../../src/graph/edge-data.js'
import { enumerateLoops, findLoopsInGraph } from '../../src/graph/loops.js'
import { repairsForGraph } from '../../src/graph/repairs.js'
import { loopStepsOf } from '../../src/graph/steps.js'
import { arbitraryRichSpec, buildModel, levelNames } from './fixtures.js'
import { referenceDescribeLoop } from './reference-describe.js'

describe('per-edge attributes', () => {
  it('hold each edge channel’s level, status, latency, reliability, polarity and carried kinds, cached per graph', () => {
    const model = buildModel({
      actors: 3,
      ids: ['__proto__', 'constructor', 'b'],
      edges: [
        { from: 0, to: 1, level: 'planning', latencyDays: 4, reliability: 0.25, polarity: '-', carries: ['spec', 'ghost'] },
        { from: 1, to: 0, status: 'inactive', polarity: '+', carries: ['story'] },
        { from: 2, to: 2, level: 'strategy' },
      ],
      assets: [{ id: 'spec', kind: 'plan', holder: 0 }, { id: 'story', kind: 'experience', holder: 1 }],
    })
    const graph = compileGraph(model, { includeInactive: true })
    const attributes = edgeAttributesOf(graph)
    expect(edgeAttributesOf(graph)).toBe(attributes)
    expect(edgeFlagsOf(graph)).toBe(attributes.flags)
    expect([...attributes.flags]).toEqual([2 | activeFlag, 1, 4 | activeFlag])
    expect([...attributes.latencyDays]).toEqual([4, 0, 0])
    expect([...attributes.reliability]).toEqual([0.25, 1, 1])
    expect([...attributes.polarity]).toEqual([-1, 1, 0])
    expect([...attributes.carriedKinds]).toEqual([assetKindBit('plan'), assetKindBit('experience'), 0])
    expect(scopeKeepsOnlyLoopChannels(graph, undefined)).toBe(false)
    expect(scopeKeepsOnlyLoopChannels(compileGraph(model), undefined)).toBe(true)
    expect(scopeKeepsOnlyLoopChannels(compileGraph(model), 'planning')).toBe(false)
    expect(scopeKeepsOnlyLoopChannels(compileGraph(model, { level: 'planning' }), 'planning')).toBe(true)
  })
})

describe('loop steps', () => {
  it('merge exactly the loop channels of each actor pair, in channel order, whatever the scope', () => {
    fc.assert(
      fc.property(arbitraryRichSpec(), fc.constantFrom<Level | undefined>(undefined, ...levelNames), (spec, level) => {
        const model = buildModel(spec)
        const wide = compileGraph(model, { includeInactive: true })
        const steps = loopStepsOf(wide, level)
        expect(loopStepsOf(wide, level)).toBe(steps)
        const adjacency = actorAdjacency(wide, level)
        expect([...steps.offsets]).toEqual([...adjacency.offsets])
        expect([...steps.targets]).toEqual([...adjacency.targets])
        for (let v = 0; v < wide.actorCount; v++) {
          for (let a = steps.offsets[v]!; a < steps.offsets[v + 1]!; a++) {
            const expected: number[] = []
            for (let e = wide.offsets[v]!; e < wide.offsets[v + 1]!; e++) {
              const channel = model.channels[wide.edgeChannel[e]!]!
              if (wide.targets[e] === steps.targets[a] && channel.status === 'active' && (level === undefined || channel.level === level)) expected.push(e)
            }
            expect([...steps.arcEdges.subarray(steps.arcEdgeOffsets[a]!, steps.arcEdgeOffsets[a + 1]!)]).toEqual(expected)
          }
        }
        // A scope that already keeps only loop channels gives the same actor graph without
        // tests (everyone takes part in every level, so both scopes number actors alike).
        const everywhere = buildModel({ ...spec, levels: Array.from({ length: spec.actors }, () => levelNames) })
        const narrow = compileGraph(everywhere, level === undefined ? {} : { level })
        const viaFlags = actorAdjacency(compileGraph(everywhere, { includeInactive: true, ...(level === undefined ? {} : { level }) }), level)
        expect([...actorAdjacency(narrow, level).targets]).toEqual([...viaFlags.targets])
      }),
      { numRuns: 300 },
    )
  })
})

describe('optimised loop description', () => {
  it('agrees with the reference description on every loop, by either route', () => {
    fc.assert(
      fc.property(arbitraryRichSpec(), fc.constantFrom<Level | undefined>(undefined, ...levelNames), (spec, level) => {
        const graph = compileGraph(buildModel(spec))
        const options = { maxLength: 8, maxLoops: 1e6, budget: 1e9, ...(level === undefined ? {} : { level }) }
        const cycles = [...{ [Symbol.iterator]: () => enumerateLoops(graph, options) }]
        const found = findLoopsInGraph(graph, options).loops
        expect(found).toHaveLength(cycles.length)
        cycles.forEach((cycle, i) => {
          const reference = referenceDescribeLoop(graph, cycle, level)
          expect(found[i]).toEqual(reference)
          expect(describeLoop(graph, cycle, level)).toEqual(reference)
        })
        // A cycle with a step no loop channel takes: no channels there, reliability 0, polarity unknown.
        if (graph.actorCount >= 2) expect(describeLoop(graph, [0, 1], level)).toEqual(referenceDescribeLoop(graph, [0, 1], level))
      }),
      { numRuns: 300 },
    )
  })

  it('starts at the smallest id before and after it switches to id ranks, and shares frozen arrays', () => {
    const n = 7
    const edges = []
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) edges.push({ from: a, to: b })
    const ids = ['z', 'constructor', '__proto__', 'b', 'toString', 'a', 'valueOf']
    const graph = compileGraph(buildModel({ actors: n, ids, edges }))
    const loops = findLoopsInGraph(graph, { maxLoops: 1e6 }).loops
    expect(loops).toHaveLength(2_365) // Σ C(7,k)(k−1)!, enough loops to switch to ranks midway
    for (const loop of loops) expect(loop.actors[0]).toBe([...loop.actors].sort()[0])
    expect(Object.isFrozen(loops[0]!.channels[0])).toBe(true)
    expect(Object.isFrozen(loops[0]!.levels)).toBe(true)
    expect(Object.isFrozen(loops[0]!.stages)).toBe(true)
  })
})

describe('repairs on a scope that needs no filtering', () => {
  it('equal the repairs computed through the filtered actor graph', () => {
    fc.assert(
      fc.property(arbitraryRichSpec(), fc.constantFrom(...levelNames), (spec, level) => {
        const model = buildModel({ ...spec, levels: Array.from({ length: spec.actors }, () => levelNames) })
        const fast = repairsForGraph(compileGraph(model, { level }), level)
        // Same actors (everyone takes part in every level), but every edge needs testing.
        const filtered = repairsForGraph(compileGraph(model, { level, includeInactive: true }), level)
        expect(fast).toEqual(filtered)
      }),
      { numRuns: 300 },
    )
  })
})
