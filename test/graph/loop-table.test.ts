import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Level } from '../../src/model/vocabulary.js'
import { canonicalModel } from '../../src/model/canonical.js'
import { compileGraph, type CompiledGraph } from '../../src/graph/compile.js'
import { describeLoop } from '../../src/graph/describe.js'
import type { LoopTable } from '../../src/graph/loop-table.js'
import { enumerateLoops, findLoops, findLoopsInGraph, iterateLoops } from '../../src/graph/loops.js'
import type { FindLoopsOptions, Loop, LoopSearch } from '../../src/graph/types.js'
import { arbitraryRichSpec, buildModel, levelNames, type ModelSpec } from './fixtures.js'
import { referenceDescribeLoop } from './reference-describe.js'

/** Rich random graphs whose latencies are fractions too, so that summing in another order than the canonical one shows. */
const arbitraryLoopSpec = (): fc.Arbitrary<ModelSpec> =>
  arbitraryRichSpec().chain((spec) =>
    fc.array(fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: undefined }), { minLength: spec.edges.length, maxLength: spec.edges.length }).map((latencies) => ({
      ...spec,
      edges: spec.edges.map((edge, k) => (latencies[k] === undefined ? edge : { ...edge, latencyDays: latencies[k] })),
    })),
  )

/** Search options: any length bound, sometimes a count bound, a level, or an actor the loops go through. */
const arbitraryOptions = (spec: ModelSpec): fc.Arbitrary<FindLoopsOptions> =>
  fc.record(
    {
      maxLength: fc.integer({ min: 1, max: 8 }),
      maxLoops: fc.integer({ min: 0, max: 40 }),
      level: fc.constantFrom<Level>(...levelNames),
      through: fc.constantFrom(...(spec.ids ?? []).slice(0, spec.actors)),
    },
    { requiredKeys: ['maxLength'] },
  )

/** The cycles `options` finds in `graph` (index lists), and whether a bound stopped the search. */
const cyclesOf = (graph: CompiledGraph, options: FindLoopsOptions): { cycles: number[][]; truncated: boolean } => {
  const cycles: number[][] = []
  const search = enumerateLoops(graph, options)
  for (;;) {
    const next = search.next()
    if (next.done === true) return { cycles, truncated: next.value }
    cycles.push([...next.value])
  }
}

/** Every column accessor of loop `i` against the `Loop` it should describe; shared lists are the same frozen arrays. */
const expectColumns = (table: LoopTable, i: number, loop: Loop): void => {
  expect(table.lengthOf(i)).toBe(loop.actors.length)
  expect(table.actorsOf(i)).toEqual(loop.actors)
  expect(table.channelsOf(i)).toEqual(loop.channels)
  table.channelsOf(i).forEach((channels, step) => expect(channels).toBe(table.loop(i).channels[step]))
  expect(table.levelsOf(i)).toEqual(loop.levels)
  expect(table.levelsOf(i)).toBe(table.loop(i).levels)
  expect(table.stagesOf(i)).toEqual(loop.stages)
  expect(table.stagesOf(i)).toBe(table.loop(i).stages)
  expect(table.orderOf(i)).toBe(loop.order)
  expect(table.layActorsOf(i)).toBe(loop.layActors)
  expect(table.professionalActorsOf(i)).toBe(loop.professionalActors)
  expect(table.latencyDaysOf(i)).toBe(loop.latencyDays)
  expect(table.reliabilityOf(i)).toBe(loop.reliability)
  expect(table.polarityOf(i)).toBe(loop.polarity)
}

/** Check a search's table, loops and serialisation against the reference description of each cycle found. */
const expectSearch = (search: LoopSearch, graph: CompiledGraph, options: FindLoopsOptions, eager: ReadonlyArray<Loop>): void => {
  const { cycles, truncated } = cyclesOf(graph, options)
  const { table } = search
  expect(search.truncated).toBe(truncated)
  expect(table.size).toBe(cycles.length)
  cycles.forEach((cycle, i) => {
    const reference = referenceDescribeLoop(graph, cycle, options.level)
    expect(table.loop(i)).toEqual(reference)
    expect(table.loop(i)).toEqual(describeLoop(graph, cycle, options.level))
    expect(table.loop(i)).toEqual(eager[i])
    expectColumns(table, i, reference)
  })
  expect(search.loops).toEqual([...table])
  expect(search.loops).toBe(search.loops)
  expect(JSON.stringify(search)).toBe(JSON.stringify({ loops: eager, truncated }))
}

describe('LoopTable', () => {
  it('holds, for every loop, exactly the figures and Loop object that describing the cycle gives (findLoops)', () => {
    fc.assert(
      fc.property(arbitraryLoopSpec().chain((spec) => fc.tuple(fc.constant(spec), arbitraryOptions(spec))), ([spec, options]) => {
        const model = buildModel(spec)
        const graph = compileGraph(canonicalModel(model), options.level === undefined ? {} : { level: options.level })
        const eager = [...iterateLoops(model, options)]
        expectSearch(findLoops(model, options), graph, options, eager)
      }),
      { numRuns: 300 },
    )
  })

  it('holds the same for a graph compiled in document order, whose ids do not ascend (findLoopsInGraph)', () => {
    fc.assert(
      fc.property(arbitraryLoopSpec().chain((spec) => fc.tuple(fc.constant(spec), arbitraryOptions(spec))), ([spec, options]) => {
        const graph = compileGraph(buildModel(spec), options.level === undefined ? {} : { level: options.level })
        const eager = cyclesOf(graph, options).cycles.map((cycle) => describeLoop(graph, cycle, options.level))
        expectSearch(findLoopsInGraph(graph, options), graph, options, eager)
      }),
      { numRuns: 200 },
    )
  })

  it('keeps the loops of a complete graph, whose paths share their first steps, in search order', () => {
    const n = 6
    const edges = []
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) edges.push({ from: a, to: b, latencyDays: 0.1 * (a + 1) + 0.01 * b, reliability: 0.9 - 0.1 * b })
    const model = buildModel({ actors: n, edges, ids: ['f', 'e', 'd', 'c', 'b', 'a'] })
    const options = { maxLoops: 1e6 }
    const search = findLoops(model, options)
    expect(search.table.size).toBe(409)
    expectSearch(search, compileGraph(canonicalModel(model)), options, [...iterateLoops(model, options)])
  })

  it('stops at maxLoops and says so, and is empty when `through` names no actor', () => {
    const model = buildModel({ actors: 3, edges: [{ from: 0, to: 1 }, { from: 1, to: 0 }, { from: 1, to: 2 }, { from: 2, to: 1 }, { from: 2, to: 2 }] })
    const bounded = findLoops(model, { maxLoops: 2 })
    expect(bounded.truncated).toBe(true)
    expect(bounded.table.size).toBe(2)
    expect(bounded.loops).toEqual([...iterateLoops(model, { maxLoops: 2 })])
    const nowhere = findLoops(model, { through: 'nobody' })
    expect(nowhere.table.size).toBe(0)
    expect([...nowhere.table]).toEqual([])
    expect(JSON.stringify(nowhere)).toBe('{"loops":[],"truncated":false}')
  })

  it('refuses a position that holds no loop', () => {
    const { table } = findLoops(buildModel({ actors: 2, edges: [{ from: 0, to: 1 }, { from: 1, to: 0 }] }))
    expect(table.size).toBe(1)
    expect(() => table.lengthOf(1)).toThrow(RangeError)
    expect(() => table.loop(-1)).toThrow('positions run from 0 to 0')
    expect(() => table.latencyDaysOf(0.5)).toThrow(RangeError)
    expect(() => findLoops(buildModel({ actors: 1, edges: [] })).table.levelsOf(0)).toThrow('it is empty')
  })
})

describe('LoopSearch', () => {
  const model = buildModel({ actors: 3, edges: [{ from: 0, to: 1, latencyDays: 2 }, { from: 1, to: 2 }, { from: 2, to: 0, reliability: 0.5 }, { from: 1, to: 0 }] })
  const eager = (): { loops: Loop[]; truncated: boolean } => ({ loops: [...iterateLoops(model)], truncated: false })

  it('serialises, spreads, clones and compares as { loops, truncated }, as an array of loops did', () => {
    const search = findLoops(model)
    expect(Object.keys(search)).toEqual(['loops', 'truncated'])
    expect(JSON.stringify(search)).toBe(JSON.stringify(eager()))
    expect({ ...search }).toStrictEqual(eager())
    expect(structuredClone(search)).toStrictEqual(eager())
    expect(search).toStrictEqual(eager())
    expect(Object.getPrototypeOf(search)).toBe(Object.prototype)
    expect(search.loops).toHaveLength(2)
  })

  it('builds loops only when they are read, once, from its table', () => {
    const search = findLoops(model)
    expect(Object.getOwnPropertyDescriptor(search, 'loops')?.get).toBeTypeOf('function')
    expect(Object.getOwnPropertyDescriptor(search, 'table')?.enumerable).toBe(false)
    const loops = search.loops
    expect(search.loops).toBe(loops)
    expect(loops).toEqual([...search.table])
    // Once read, `loops` is the plain, writable data property an eager search had.
    expect(Object.getOwnPropertyDescriptor(search, 'loops')).toEqual({ value: loops, enumerable: true, writable: true, configurable: true })
  })

  it('takes a new value for loops, as a plain object would, read or not', () => {
    const search = findLoops(model) as { loops: ReadonlyArray<Loop> }
    search.loops = []
    expect(search.loops).toEqual([])
    expect(Object.getOwnPropertyDescriptor(search, 'loops')?.writable).toBe(true)
  })
})
