/**
 * Determinism (issue 8): the same input gives byte-identical output on repeat; what
 * should not depend on the order of the input's arrays does not; the input is never
 * changed.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type CompiledGraph, compileGraph, decodeModel } from '../../src/index.js'
import { type JsonObject, generateModel } from './generate-model.js'
import { mutations } from './mutate.js'
import { type Random, createRandom } from './random.js'

const modelsFolder = join(import.meta.dirname, '..', '..', 'examples', 'models')
const exampleModels: ReadonlyArray<JsonObject> = readdirSync(modelsFolder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(modelsFolder, name), 'utf8')) as JsonObject)

const generated = (count: number, seed: number): JsonObject[] =>
  Array.from({ length: count }, (_, i) => generateModel(createRandom(seed + i), { maxActors: 10, hostility: 0.2 }))

const shuffleCollections = (random: Random, document: JsonObject): JsonObject => {
  const copy = structuredClone(document)
  for (const key of ['actors', 'assets', 'channels', 'loops']) if (Array.isArray(copy[key])) copy[key] = random.shuffle(copy[key])
  return copy
}

/** Everything a compiled graph says, as text (typed arrays as lists). */
const graphBytes = (graph: CompiledGraph): string =>
  JSON.stringify({
    actors: graph.actors.map((actor) => actor.id),
    arrays: [graph.offsets, graph.targets, graph.edgeChannel, graph.reverseOffsets, graph.sources, graph.reverseEdge, graph.lay].map((a) => [...a]),
  })

/** The graph as a sorted list of `from → to via channel`, independent of numbering. */
const edgeSet = (graph: CompiledGraph): string[] => {
  const edges: string[] = []
  for (let v = 0; v < graph.actorCount; v++) {
    for (let e = graph.offsets[v]!; e < graph.offsets[v + 1]!; e++) {
      const channel = graph.model.channels[graph.edgeChannel[e]!]!
      edges.push(JSON.stringify([graph.actors[v]!.id, graph.actors[graph.targets[e]!]!.id, channel.id]))
    }
  }
  return edges.sort()
}

describe('determinism', () => {
  const documents = [...exampleModels, ...generated(300, 7)]

  it('decodeModel gives byte-identical results on repeat and leaves its input unchanged', () => {
    for (const document of documents) {
      const before = JSON.stringify(document)
      const first = JSON.stringify(decodeModel(document))
      expect(JSON.stringify(decodeModel(document))).toBe(first)
      expect(JSON.stringify(document)).toBe(before)
    }
  })

  it('compileGraph gives byte-identical graphs on repeat', () => {
    for (const document of documents) {
      const result = decodeModel(document)
      if (!E.isRight(result)) throw new Error('a generated model does not decode')
      expect(graphBytes(compileGraph(result.right))).toBe(graphBytes(compileGraph(result.right)))
      for (const level of ['delivery', 'planning', 'strategy'] as const) {
        expect(graphBytes(compileGraph(result.right, { level }))).toBe(graphBytes(compileGraph(result.right, { level })))
      }
    }
  })

  it('validity and the graph do not depend on the order of actors, assets, channels or loops', () => {
    const random = createRandom(11)
    for (const document of documents) {
      const original = decodeModel(document)
      const shuffled = decodeModel(shuffleCollections(random, document))
      expect(E.isRight(shuffled)).toBe(E.isRight(original))
      if (E.isRight(original) && E.isRight(shuffled)) {
        expect(edgeSet(compileGraph(shuffled.right))).toEqual(edgeSet(compileGraph(original.right)))
        expect(edgeSet(compileGraph(shuffled.right, { includeInactive: true }))).toEqual(edgeSet(compileGraph(original.right, { includeInactive: true })))
      }
    }
  })

  it('the kinds and number of errors do not depend on the order of the collections', () => {
    const random = createRandom(12)
    const referenceMutations = mutations.filter((m) => m.name === 'reference broken' || m.name === 'id duplicated' || m.name === 'number or value out of range')
    let compared = 0
    for (const [i, document] of generated(300, 99).entries()) {
      const broken = structuredClone(document)
      referenceMutations[i % referenceMutations.length]!.apply(random, broken)
      const codes = (input: unknown): string[] => {
        const result = decodeModel(input)
        return E.isLeft(result) ? result.left.map((error) => error.code).sort() : []
      }
      const expected = codes(broken)
      if (expected.length > 0) compared++
      expect(codes(shuffleCollections(random, broken))).toEqual(expected)
    }
    expect(compared).toBeGreaterThan(200)
  })
})
