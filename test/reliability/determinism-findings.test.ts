/**
 * Determinism of everything that returns findings or output (issue 8): byte-identical
 * JSON on repeat, and the same findings whatever the order of the model's arrays.
 * Where a function follows the model's order by design, the test name says so and the
 * test checks what must still not change.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { toCsv, toCytoscape, toDot, toGexf, toGraphML, toKumu, toMermaid } from '../../src/io/index.js'
import {
  type Model,
  diagnose,
  findLoops,
  findSinglePointsOfFailure,
  simulate,
  stronglyConnectedComponents,
  suggestRepairs,
} from '../../src/index.js'
import { fuzzedModels } from './fuzzed-models.js'
import { type Random, createRandom } from './random.js'

const models = (): ReadonlyArray<Model> => fuzzedModels(40_000, 300, 9)

const shuffled = (random: Random, model: Model): Model => ({
  ...model,
  actors: random.shuffle(model.actors),
  assets: random.shuffle(model.assets),
  channels: random.shuffle(model.channels),
  loops: random.shuffle(model.loops),
})

/** Check `run` gives byte-identical JSON twice, and `same(run(model), run(shuffled))` on every model; counts differences. */
let comparisons = 0

const checkOrder = <T>(seed: number, run: (model: Model) => T, same: (original: T, reordered: T) => boolean): { repeats: number; reorders: number } => {
  const random = createRandom(seed)
  comparisons += 2 * models().length
  let repeats = 0
  let reorders = 0
  for (const model of models()) {
    const first = run(model)
    if (JSON.stringify(run(model)) !== JSON.stringify(first)) repeats++
    if (!same(first, run(shuffled(random, model)))) reorders++
  }
  return { repeats, reorders }
}

const identical = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const sortedJson = (items: ReadonlyArray<unknown>): string => JSON.stringify(items.map((item) => JSON.stringify(item)).sort())
const clean = { repeats: 0, reorders: 0 }

describe(`determinism on ${300} generated models`, () => {
  const started = performance.now()
  afterAll(() => console.log(`determinism of findings: ${models().length} models, ${comparisons} comparisons (repeat and shuffled), ${(performance.now() - started).toFixed(0)} ms`))

  it('stronglyConnectedComponents, diagnose, findSinglePointsOfFailure: byte-identical on repeat and in any input order', () => {
    expect(checkOrder(1, (model) => stronglyConnectedComponents(model), identical)).toEqual(clean)
    expect(checkOrder(2, (model) => diagnose(model), identical)).toEqual(clean)
    expect(checkOrder(3, (model) => diagnose(model, { names: true }), identical)).toEqual(clean)
    expect(checkOrder(4, (model) => findSinglePointsOfFailure(model), identical)).toEqual(clean)
  })

  it('findLoops, suggestRepairs: byte-identical on repeat and in any input order', () => {
    expect(checkOrder(5, (model) => findLoops(model), identical)).toEqual(clean)
    expect(checkOrder(6, (model) => suggestRepairs(model), identical)).toEqual(clean)
  })

  it('simulate: byte-identical on repeat for a seed; the draws follow the model\'s order by design, so only the shape of the result is order-free', () => {
    const shape = (result: ReturnType<typeof simulate>) => [result.days, result.issues, result.series.map((row) => [row.day, row.level])]
    const run = (model: Model) => simulate(model, { seed: 42, days: 15, maxEvents: 2_000, parameters: { raiseRate: 0.5 } })
    expect(checkOrder(7, run, (a, b) => identical(shape(a), shape(b)))).toEqual(clean)
  })

  it('writers: byte-identical on repeat; they keep document order by design, so a shuffled model gives the same CSV rows and as many diagram lines', () => {
    const rows = (tables: ReturnType<typeof toCsv>) => Object.entries(tables).map(([table, text]) => [table, text.split(/\r?\n/).slice(1).sort()])
    expect(checkOrder(8, (model) => toCsv(model), (a, b) => identical(rows(a), rows(b)))).toEqual(clean)
    const lineCount = (text: string) => text.split('\n').length
    for (const [seed, write] of [[9, toMermaid], [10, toDot], [11, toGraphML], [12, toGexf]] as const) {
      expect(checkOrder(seed, (model) => write(model), (a, b) => lineCount(a) === lineCount(b))).toEqual(clean)
    }
    const size = (json: { elements?: unknown } | object) => JSON.stringify(json).length
    expect(checkOrder(13, (model) => toCytoscape(model), (a, b) => size(a) === size(b))).toEqual(clean)
    expect(checkOrder(14, (model) => toKumu(model), (a, b) => size(a) === size(b))).toEqual(clean)
  })
})
