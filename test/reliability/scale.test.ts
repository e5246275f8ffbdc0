/**
 * Scale without crash (issue 8): a chain and a cycle of 1,000,000 actors through every
 * algorithm; nothing may overflow the stack, as every traversal is iterative.
 * Compiling, components, loops and paths run at ORGINTEL_SCALE_ACTORS (default
 * 1,000,000). The costlier whole-model analyses (repairs, single points of failure,
 * diagnosis, simulation) run at ORGINTEL_SCALE_ANALYSIS (default 100,000 here — a
 * recursive traversal overflows long before that — and 1,000,000 under `npm run fuzz`).
 * Decoding is checked at ORGINTEL_SCALE_DECODE (default 100,000; `npm run fuzz` decodes
 * the full size; scale-channels.test.ts decodes 1,000,000 channels).
 */
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import {
  type Model,
  compileGraph,
  decodeModel,
  diagnose,
  findLoops,
  findSinglePointsOfFailure,
  returnPath,
  simulate,
  stronglyConnectedComponents,
  suggestRepairs,
} from '../../src/index.js'

const actorCount = Number(process.env['ORGINTEL_SCALE_ACTORS'] ?? 1_000_000)
const analysisCount = Number(process.env['ORGINTEL_SCALE_ANALYSIS'] ?? 100_000)
const decodeCount = Number(process.env['ORGINTEL_SCALE_DECODE'] ?? 100_000)
const figures: string[] = []

/**
 * A chain a0 → a1 → … → a(n-1), closed into a cycle when `closed`, as a document.
 * Every `layEvery`-th actor (from a0) is a lay patient, the rest professional.
 */
const chainDocument = (count: number, closed: boolean, layEvery = 2) => {
  const actors = new Array<Record<string, unknown>>(count)
  const channels = new Array<Record<string, unknown>>(closed ? count : count - 1)
  for (let i = 0; i < count; i++) {
    const lay = i % layEvery === 0
    actors[i] = { id: `a${i}`, name: `A ${i}`, kind: lay ? 'patient' : 'clinician', perspective: lay ? 'lay' : 'professional', levels: ['delivery'], tags: [] }
  }
  // A story from the first actor travels the whole way; on a cycle the last actor answers it.
  for (let i = 0; i < channels.length; i++) {
    const answers = closed && i === count - 1
    channels[i] = { id: `c${i}`, from: `a${i}`, to: `a${(i + 1) % count}`, carries: [answers ? 'answer' : 'story'], level: 'delivery', status: 'active' }
  }
  const assets = [
    { id: 'story', name: 'Story', kind: 'experience', holder: 'a0', acknowledged: true },
    { id: 'answer', name: 'Answer', kind: 'response', holder: `a${count - 1}`, acknowledged: true, derivedFrom: ['story'] },
  ]
  return { schema: 'orgintel/v2', id: 'chain', name: 'chain', actors, assets, channels, loops: [] }
}

let cached: { readonly key: string; readonly model: Model } | undefined

/**
 * The same chain as a model, built directly (every default already filled in) and kept
 * for the next test of the same shape: building a million actors is the slow part.
 */
const chainModel = (count: number, closed: boolean, layEvery = 2): Model => {
  const key = `${count} ${closed} ${layEvery}`
  if (cached?.key !== key) {
    cached = undefined
    cached = { key, model: chainDocument(count, closed, layEvery) as unknown as Model }
  }
  return cached.model
}

const timed = <T>(what: string, run: () => T): T => {
  const started = performance.now()
  const result = run()
  figures.push(`  ${what.padEnd(52)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`)
  return result
}

describe(`scale: chains and cycles of ${actorCount} actors (analyses at ${analysisCount})`, () => {
  afterAll(() => console.log([`scale (chains and cycles):`, ...figures].join('\n')))

  for (const closed of [false, true]) {
    const shape = closed ? 'cycle' : 'chain'
    const n = actorCount
    const m = analysisCount

    it(`decodes a ${shape} of ${decodeCount} actors`, () => {
      const result = timed(`decodeModel, ${shape} of ${decodeCount}`, () => decodeModel(chainDocument(decodeCount, closed)))
      expect(E.isRight(result) && result.right.actors.length).toBe(decodeCount)
    })

    it(`compiles a ${shape} of ${n}`, () => {
      const model = chainModel(n, closed)
      const graph = timed(`compileGraph, ${shape} of ${n}`, () => compileGraph(model))
      expect(graph.actorCount).toBe(n)
      expect(graph.edgeCount).toBe(closed ? n : n - 1)
      expect(graph.targets[graph.offsets[n - 2]!]).toBe(n - 1)
    })

    it(`finds the strongly connected components of a ${shape} of ${n}`, () => {
      const components = timed(`stronglyConnectedComponents, ${shape} of ${n}`, () => stronglyConnectedComponents(chainModel(n, closed)))
      expect(components.length).toBe(closed ? 1 : n)
    })

    it(`finds the loops of a ${shape} of ${n} within the default bounds`, () => {
      const search = timed(`findLoops, ${shape} of ${n}`, () => findLoops(chainModel(n, closed)))
      // The cycle is longer than the default maxLength, so the search says it stopped short.
      expect(search.loops).toEqual([])
      expect(search.truncated).toBe(closed)
    })

    it(`finds the return path along a ${shape} of ${n}`, () => {
      const path = timed(`returnPath a0 → a${n - 1}, ${shape} of ${n}`, () => returnPath(chainModel(n, closed), 'a0' as never, `a${n - 1}` as never))
      expect(path?.hops).toBe(n - 1)
      const back = returnPath(chainModel(n, closed), `a${n - 1}` as never, 'a0' as never)
      expect(back?.hops).toBe(closed ? 1 : undefined)
    })

    it(`suggests the repairs of a ${shape} of ${m}`, () => {
      const repairs = timed(`suggestRepairs, ${shape} of ${m}`, () => suggestRepairs(chainModel(m, closed)))
      // A chain needs one channel back from its end to its start (Eswaran–Tarjan); a cycle none.
      expect(repairs.map((p) => [p.from, p.to])).toEqual(closed ? [] : [[`a${m - 1}`, 'a0']])
    })

    it(`diagnoses a ${shape} of ${m}`, () => {
      const diagnosis = timed(`diagnose, ${shape} of ${m}`, () => diagnose(chainModel(m, closed)))
      expect(diagnosis.summary.total).toBe(diagnosis.defects.length)
      expect(diagnosis.defects.some((defect) => defect.rule === 'open-loop')).toBe(!closed)
    })

    it(`simulates 5 days of a ${shape} of ${m} within maxEvents`, () => {
      const result = timed(`simulate 5 days, ${shape} of ${m}`, () => simulate(chainModel(m, closed), { seed: 1, days: 5, maxEvents: 50_000 }))
      expect(result.metrics.events).toBeLessThanOrEqual(50_000)
      expect(result.series.length).toBe(5)
    })
  }

  it(`finds no single point of failure on a chain of ${analysisCount} (no loops)`, () => {
    expect(timed(`findSinglePointsOfFailure, chain of ${analysisCount}`, () => findSinglePointsOfFailure(chainModel(analysisCount, false)))).toEqual({ points: [], truncated: false })
  })

  // On a cycle every actor and channel is a single point of failure for every lay actor
  // on it, so the answer has (actors + channels) × lay actors entries: one lay actor here.
  it(`finds every actor and channel of a cycle of ${analysisCount} with one lay actor to be a single point of failure`, () => {
    const { points, truncated } = timed(`findSinglePointsOfFailure, cycle of ${analysisCount}`, () => findSinglePointsOfFailure(chainModel(analysisCount, true, analysisCount)))
    expect(truncated).toBe(false)
    expect(points.length).toBe(2 * analysisCount - 1)
    expect(points.every((point) => point.affectedLayActors.length === 1 && point.affectedLayActors[0] === 'a0')).toBe(true)
  })

  // With every other actor lay the full answer would have 2n × n/2 entries and take
  // n/2 dominator passes over 2n nodes: the work budget skips the cycle and says so.
  it(`skips a cycle of ${analysisCount} with every other actor lay as past the work budget, and says it did`, () => {
    const result = timed(`findSinglePointsOfFailure, cycle of ${analysisCount}, half lay`, () => findSinglePointsOfFailure(chainModel(analysisCount, true)))
    expect(result).toEqual({ points: [], truncated: true })
  })
})
