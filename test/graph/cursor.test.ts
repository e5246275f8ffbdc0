import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { actorAdjacency } from '../../src/graph/adjacency.js'
import { createCycleView, enumerateBoundedCycles, searchBoundedCycles } from '../../src/graph/bounded.js'
import { compileGraph } from '../../src/graph/compile.js'
import { componentsOf } from '../../src/graph/components.js'
import { BoundedCycleCursor } from '../../src/graph/cycle-cursor.js'
import { findLoopsInGraph, iterateLoopsInGraph } from '../../src/graph/loops.js'
import { type EdgeSpec, type ModelSpec, bruteForceCycles, buildModel } from './fixtures.js'

/** Denser and larger than the shared fixtures, so cycles run past half the length bound. */
const arbitraryDenseSpec = (maxActors: number, maxEdges: number): fc.Arbitrary<ModelSpec> =>
  fc.integer({ min: 2, max: maxActors }).chain((actors) =>
    fc.record({
      actors: fc.constant(actors),
      edges: fc.array(
        fc.record({ from: fc.integer({ min: 0, max: actors - 1 }), to: fc.integer({ min: 0, max: actors - 1 }) }),
        { maxLength: maxEdges },
      ),
    }),
  )

const adjacencyOf = (spec: ModelSpec) => {
  const graph = compileGraph(buildModel(spec))
  const adjacency = actorAdjacency(graph)
  return { graph, adjacency, components: componentsOf(adjacency) }
}

const cyclesOf = (spec: ModelSpec, maxLength: number, through?: number): { cycles: string[]; truncated: boolean } => {
  const { adjacency, components } = adjacencyOf(spec)
  const search = enumerateBoundedCycles(adjacency, components, { maxLength, budget: 1e9, ...(through === undefined ? {} : { through }) })
  const cycles: string[] = []
  for (let next = search.next(); ; next = search.next()) {
    if (next.done === true) return { cycles, truncated: next.value.budgetExhausted || next.value.longerCyclesPossible }
    cycles.push(next.value.join(','))
  }
}

describe('BoundedCycleCursor', () => {
  it('finds exactly the brute-force cycles within the bound, in the same order, at every bound', () => {
    fc.assert(
      fc.property(arbitraryDenseSpec(11, 34), fc.integer({ min: 1, max: 11 }), (spec, maxLength) => {
        const expected = bruteForceCycles(spec).filter((cycle) => cycle.length <= maxLength).map((cycle) => cycle.join(','))
        expect(cyclesOf(spec, maxLength).cycles).toEqual(expected)
      }),
      { numRuns: 250 },
    )
  })

  it('relaxes an actor that got back only the long way when a shorter way opens later', () => {
    // Found by shrinking random graphs: recording predecessors only for actors that fail
    // to get back (and not for those that got back later than their distance allows)
    // loses a cycle here.
    const pairs = [[0, 2], [0, 3], [1, 4], [1, 3], [2, 0], [2, 4], [3, 0], [3, 1], [4, 1], [4, 2]] as const
    const spec: ModelSpec = { actors: 5, edges: pairs.map(([from, to]) => ({ from, to })) }
    const expected = bruteForceCycles(spec).filter((cycle) => cycle.length <= 5).map((cycle) => cycle.join(','))
    expect(expected).toHaveLength(7)
    expect(cyclesOf(spec, 5).cycles).toEqual(expected)
  })

  it('through an actor finds exactly the brute-force cycles containing it', () => {
    fc.assert(
      fc.property(arbitraryDenseSpec(10, 28), fc.integer({ min: 2, max: 10 }), fc.nat(), (spec, maxLength, pick) => {
        const through = pick % spec.actors
        const expected = bruteForceCycles(spec).filter((cycle) => cycle.length <= maxLength && cycle.includes(through))
        const found = cyclesOf(spec, maxLength, through).cycles
        expect(found.length).toBe(expected.length)
        for (const cycle of found) expect(cycle.split(',')[0]).toBe(String(through))
      }),
      { numRuns: 150 },
    )
  })

  it('resumes where it stopped: one cycle per call, each in the view, then 0 for good', () => {
    const edges: EdgeSpec[] = []
    for (let a = 0; a < 5; a++) for (let b = 0; b < 5; b++) if (a !== b) edges.push({ from: a, to: b })
    const { adjacency, components } = adjacencyOf({ actors: 5, edges })
    const view = createCycleView(5, 5)
    const cursor = new BoundedCycleCursor(adjacency, components, { maxLength: 5, budget: 1e9 }, view)
    const seen: string[] = []
    for (let length = cursor.findNext(); length > 0; length = cursor.findNext()) {
      const cycle = Array.from(view.path.subarray(0, length))
      // Each step of the view is the arc the cycle takes.
      cycle.forEach((v, i) => expect(adjacency.targets[view.arcs[i]!]).toBe(cycle[(i + 1) % length]))
      expect(cursor.end).toBeUndefined()
      seen.push(cycle.join(','))
    }
    expect(seen).toHaveLength(10 + 20 + 30 + 24) // Σ C(5,k)(k−1)! for k = 2..5
    expect(new Set(seen).size).toBe(seen.length)
    expect(cursor.end).toEqual({ budgetExhausted: false, longerCyclesPossible: false, steps: cursor.end!.steps })
    expect(cursor.findNext()).toBe(0)
  })

  it('says from which depth each cycle differs from the one before (firstChanged), exactly', () => {
    fc.assert(
      fc.property(arbitraryDenseSpec(7, 30), fc.integer({ min: 1, max: 7 }), fc.option(fc.nat(6), { nil: undefined }), (spec, maxLength, through) => {
        const { adjacency, components } = adjacencyOf(spec)
        const view = createCycleView(maxLength, spec.actors)
        const search = { maxLength, budget: 1e9, ...(through === undefined || through >= spec.actors ? {} : { through }) }
        const cursor = new BoundedCycleCursor(adjacency, components, search, view)
        let previous: { path: number[]; arcs: number[] } | undefined
        for (let length = cursor.findNext(); length > 0; length = cursor.findNext()) {
          const path = Array.from(view.path.subarray(0, length))
          const arcs = Array.from(view.arcs.subarray(0, length))
          const changed = cursor.firstChanged
          if (previous === undefined) expect(changed).toBe(0)
          else {
            // The steps before `changed` are the previous cycle's; the step at `changed` is not.
            expect(changed).toBeLessThan(previous.arcs.length)
            expect(path.slice(0, changed)).toEqual(previous.path.slice(0, changed))
            expect(arcs.slice(0, changed)).toEqual(previous.arcs.slice(0, changed))
            expect(arcs[changed]).not.toBe(previous.arcs[changed])
          }
          previous = { path, arcs }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('agrees with the generator over it, and stops on the budget saying so', () => {
    const edges: EdgeSpec[] = []
    for (let a = 0; a < 7; a++) for (let b = 0; b < 7; b++) if (a !== b) edges.push({ from: a, to: b })
    const { adjacency, components } = adjacencyOf({ actors: 7, edges })
    const view = createCycleView(7, 7)
    const lengths: number[] = []
    const generator = searchBoundedCycles(adjacency, components, { maxLength: 7, budget: 1e9 }, view)
    for (let next = generator.next(); next.done !== true; next = generator.next()) lengths.push(next.value)
    const cursor = new BoundedCycleCursor(adjacency, components, { maxLength: 7, budget: 1e9 }, createCycleView(7, 7))
    const again: number[] = []
    for (let length = cursor.findNext(); length > 0; length = cursor.findNext()) again.push(length)
    expect(again).toEqual(lengths)
    const stopped = new BoundedCycleCursor(adjacency, components, { maxLength: 7, budget: 500 }, createCycleView(7, 7))
    let count = 0
    while (stopped.findNext() > 0) count++
    expect(count).toBeLessThan(lengths.length)
    expect(stopped.end?.budgetExhausted).toBe(true)
    expect(stopped.end!.steps).toBe(501)
  })

  it('says longer cycles may exist only when a component is larger than the bound', () => {
    const ring = (n: number): ModelSpec => ({ actors: n, edges: Array.from({ length: n }, (_, i) => ({ from: i, to: (i + 1) % n })) })
    expect(cyclesOf(ring(6), 6)).toEqual({ cycles: ['0,1,2,3,4,5'], truncated: false })
    expect(cyclesOf(ring(7), 6)).toEqual({ cycles: [], truncated: true })
  })
})

describe('iterateLoopsInGraph keeps the generator contract', () => {
  const complete = (n: number) => {
    const edges: EdgeSpec[] = []
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) edges.push({ from: a, to: b })
    return compileGraph(buildModel({ actors: n, edges }))
  }

  it('yields what findLoopsInGraph returns, then its truncated flag, again if asked', () => {
    const graph = complete(5)
    const iterator = iterateLoopsInGraph(graph, { maxLoops: 30 })
    expect(iterator[Symbol.iterator]()).toBe(iterator)
    const loops = []
    let next = iterator.next()
    for (; next.done !== true; next = iterator.next()) loops.push(next.value)
    expect(loops).toEqual(findLoopsInGraph(graph, { maxLoops: 30 }).loops)
    expect(next).toEqual({ done: true, value: true })
    expect(iterator.next()).toEqual({ done: true, value: true })
    expect([...iterateLoopsInGraph(graph)]).toEqual(findLoopsInGraph(graph).loops)
  })

  it('return() and throw() close it', () => {
    const graph = complete(6)
    const returned = iterateLoopsInGraph(graph)
    expect(returned.next().done).toBe(false)
    expect(returned.return(false)).toEqual({ done: true, value: false })
    expect(returned.next().done).toBe(true)
    const thrown = iterateLoopsInGraph(graph)
    expect(() => thrown.throw(new Error('stop'))).toThrow('stop')
    expect(thrown.next().done).toBe(true)
    let taken = 0
    for (const loop of iterateLoopsInGraph(graph)) if (loop.actors.length > 0 && ++taken === 3) break
    expect(taken).toBe(3)
  })

  it('an unknown through actor yields nothing and is not truncated', () => {
    const iterator = iterateLoopsInGraph(complete(3), { through: 'nobody' as never })
    expect(iterator.next()).toEqual({ done: true, value: false })
  })
})
