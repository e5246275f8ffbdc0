import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileGraph } from '../../src/graph/compile.js'
import { enumerateLoops, findLoops, findLoopsInGraph, iterateLoops } from '../../src/graph/loops.js'
import { activeSuccessors, arbitrarySpec, bruteForceCycles, buildModel, type EdgeSpec, type ModelSpec } from './fixtures.js'

const key = (cycle: ReadonlyArray<number>): string => cycle.join(',')
const enumerate = (spec: ModelSpec, options = {}): { cycles: number[][]; truncated: boolean } => {
  const graph = compileGraph(buildModel(spec))
  const cycles: number[][] = []
  const search = enumerateLoops(graph, { maxLoops: 1e9, budget: 1e9, ...options })
  for (;;) {
    const next = search.next()
    if (next.done === true) return { cycles, truncated: next.value }
    cycles.push([...next.value])
  }
}
const completeSpec = (n: number): ModelSpec => {
  const edges: EdgeSpec[] = []
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) edges.push({ from: a, to: b })
  return { actors: n, edges }
}
const binomial = (n: number, k: number): number => {
  let result = 1
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i
  return result
}
const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1))

describe('enumerateLoops against brute force', () => {
  it('finds exactly the elementary cycles of small multigraphs, each once', () => {
    fc.assert(
      fc.property(arbitrarySpec(), (spec) => {
        const expected = bruteForceCycles(spec).map(key).sort()
        const { cycles, truncated } = enumerate(spec, { maxLength: 8 })
        expect(cycles.map(key).sort()).toEqual(expected)
        expect(truncated).toBe(false)
      }),
      { numRuns: 400 },
    )
  })

  it('with a length bound finds exactly the cycles within it (per-length counts)', () => {
    fc.assert(
      fc.property(arbitrarySpec(8, 30), fc.integer({ min: 1, max: 7 }), (spec, maxLength) => {
        const all = bruteForceCycles(spec)
        const expected = all.filter((c) => c.length <= maxLength).map(key).sort()
        const { cycles, truncated } = enumerate(spec, { maxLength })
        expect(cycles.map(key).sort()).toEqual(expected)
        // Honest: if a longer cycle exists, truncated must be set.
        if (all.some((c) => c.length > maxLength)) expect(truncated).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('through an actor finds exactly the cycles containing it', () => {
    fc.assert(
      fc.property(arbitrarySpec(7, 25), fc.nat(), (spec, pick) => {
        const model = buildModel(spec)
        const through = model.actors[pick % spec.actors]!.id
        const index = pick % spec.actors
        const expected = bruteForceCycles(spec).filter((c) => c.includes(index)).length
        const search = findLoops(model, { through, maxLoops: 1e9, budget: 1e9, maxLength: 8 })
        expect(search.loops.length).toBe(expected)
        for (const loop of search.loops) expect(loop.actors).toContain(through)
      }),
      { numRuns: 200 },
    )
  })

  it('every reported loop is an elementary cycle of active channels', () => {
    fc.assert(
      fc.property(arbitrarySpec(), (spec) => {
        const model = buildModel(spec)
        const successors = activeSuccessors(spec)
        const indexOf = new Map(model.actors.map((a, i) => [a.id as string, i]))
        for (const loop of findLoops(model, { maxLoops: 1e9 }).loops) {
          expect(new Set(loop.actors).size).toBe(loop.actors.length)
          loop.actors.forEach((id, i) => {
            const next = loop.actors[(i + 1) % loop.actors.length]!
            expect(successors[indexOf.get(id)!]!.has(indexOf.get(next)!)).toBe(true)
            expect(loop.channels[i]!.length).toBeGreaterThan(0)
            for (const channelId of loop.channels[i]!) {
              const channel = model.channels.find((c) => c.id === channelId)!
              expect([channel.from, channel.to, channel.status]).toEqual([id, next, 'active'])
            }
          })
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('known counts', () => {
  it('a complete digraph on n actors has Σ C(n,k)(k−1)! loops', () => {
    for (let n = 1; n <= 7; n++) {
      let expected = 0
      for (let k = 2; k <= n; k++) expected += binomial(n, k) * factorial(k - 1)
      const { cycles, truncated } = enumerate(completeSpec(n))
      expect(cycles.length).toBe(expected)
      expect(truncated).toBe(false)
    }
    // With a self-loop at every actor the k = 1 term counts too.
    const withSelf = completeSpec(5)
    const spec = { ...withSelf, edges: [...withSelf.edges, ...[0, 1, 2, 3, 4].map((v) => ({ from: v, to: v }))] }
    expect(enumerate(spec).cycles.length).toBe(5 + 10 + 20 + 30 + 24)
  })

  it("Johnson's (1975) Fig. 1 family has exactly 3k elementary circuits", () => {
    // Johnson's worst case for earlier algorithms, vertices 1..3k+3 (here 0-based):
    // 1 fans out to 2..k+1, which all lead to k+2; a chain k+2 → … → 2k+1 → 1, each chain
    // vertex also leading to 2k+2; 2k+3 → k+2; 2k+2 fans out to 2k+3..3k+2, which all
    // lead to 3k+3; and 3k+3 → 2k+2.
    const johnson = (k: number): ModelSpec => {
      const edges: EdgeSpec[] = []
      const edge = (from: number, to: number) => edges.push({ from: from - 1, to: to - 1 })
      for (let n = 2; n <= k + 1; n++) edge(1, n), edge(n, k + 2)
      edge(2 * k + 1, 1)
      for (let n = k + 2; n <= 2 * k + 1; n++) edge(n, 2 * k + 2), edge(n, n + 1)
      edge(2 * k + 3, k + 2)
      for (let n = 2 * k + 3; n <= 3 * k + 2; n++) edge(2 * k + 2, n), edge(n, 3 * k + 3)
      edge(3 * k + 3, 2 * k + 2)
      return { actors: 3 * k + 3, edges }
    }
    for (let k = 3; k <= 9; k++) {
      const { cycles, truncated } = enumerate(johnson(k), { maxLength: 3 * k + 3 })
      expect(cycles.length).toBe(3 * k)
      expect(truncated).toBe(false)
    }
  })

  it("Johnson's (1975) Table 2: circuits of the complete digraph on 2..8 vertices", () => {
    const published = [1, 5, 20, 84, 409, 2365, 16064]
    published.forEach((circuits, i) => {
      expect(enumerate(completeSpec(i + 2), { maxLength: i + 2, maxLoops: 100_000 }).cycles.length).toBe(circuits)
    })
  })

  it('ladder L_k (two directed rails with rungs both ways) has a cycle per rung span', () => {
    // Rails u_0..u_{k-1} → and v_{k-1}..v_0 ←, rungs u_i ↔ v_i: a cycle is u_i..u_j, v_j..v_i.
    for (let k = 2; k <= 9; k++) {
      const edges: EdgeSpec[] = []
      for (let i = 0; i + 1 < k; i++) edges.push({ from: i, to: i + 1 }, { from: k + i + 1, to: k + i })
      for (let i = 0; i < k; i++) edges.push({ from: i, to: k + i }, { from: k + i, to: i })
      // k rung 2-cycles plus one cycle per pair i < j.
      expect(enumerate({ actors: 2 * k, edges }, { maxLength: 64 }).cycles.length).toBe(k + (k * (k - 1)) / 2)
    }
  })

  it('a complete graph of 12 actors with default options stops with truncated', () => {
    const search = findLoops(buildModel(completeSpec(12)))
    expect(search.truncated).toBe(true)
    expect(search.loops.length).toBe(10_000)
  })

  it('budget stops the search and says so', () => {
    const search = findLoopsInGraph(compileGraph(buildModel(completeSpec(9))), { budget: 1000, maxLoops: 1e9 })
    expect(search.truncated).toBe(true)
    expect(search.loops.length).toBeLessThan(1000)
  })

  it('maxLoops exactly equal to the number of loops is not truncated', () => {
    const spec = completeSpec(4)
    const total = enumerate(spec).cycles.length
    expect(findLoops(buildModel(spec), { maxLoops: total }).truncated).toBe(false)
    expect(findLoops(buildModel(spec), { maxLoops: total - 1 }).truncated).toBe(true)
  })

  it('iterateLoops is lazy and agrees with findLoops', () => {
    const model = buildModel(completeSpec(6))
    const lazy = [...iterateLoops(model)]
    expect(lazy).toEqual(findLoops(model).loops)
    let taken = 0
    for (const loop of iterateLoops(buildModel(completeSpec(12)), { maxLoops: 1e12, budget: 1e12 })) {
      expect(loop.actors.length).toBeGreaterThan(1)
      if (++taken === 5) break
    }
    expect(taken).toBe(5)
  })

  it('level restricts to channels at that level', () => {
    const spec: ModelSpec = {
      actors: 3,
      edges: [{ from: 0, to: 1 }, { from: 1, to: 0, level: 'planning' }, { from: 1, to: 2 }, { from: 2, to: 0 }],
    }
    const model = buildModel(spec)
    expect(findLoops(model).loops.length).toBe(2)
    expect(findLoops(model, { level: 'delivery' }).loops.map((l) => l.actors)).toEqual([['n0', 'n1', 'n2']])
    expect(findLoops(model, { level: 'planning' }).loops).toEqual([])
  })
})
