/**
 * Determinism of the functions that return findings (issue 8): byte-identical JSON on
 * repeat, and the same findings whatever the order of the model's arrays. Skipped for
 * functions not yet in the root entry.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type Model, decodeModel } from '../../src/index.js'
import { generateModel } from './generate-model.js'
import { defectsOf, diagnose, findLoops, proposedChannelsOf, suggestRepairs } from './library-surface.js'
import { type Random, createRandom } from './random.js'

const modelCount = 300

const models = (): Model[] =>
  Array.from({ length: modelCount }, (_, i) => decodeModel(generateModel(createRandom(40_000 + i), { maxActors: 9, hostility: 0.2 })))
    .filter(E.isRight)
    .map((result) => result.right)

const shuffled = (random: Random, model: Model): Model => ({
  ...model,
  actors: random.shuffle(model.actors),
  assets: random.shuffle(model.assets),
  channels: random.shuffle(model.channels),
  loops: random.shuffle(model.loops),
})

/** Findings as a sorted list of canonical strings: the same set in any order. */
const canonical = (items: ReadonlyArray<unknown>, describeItem: (item: never) => unknown): string[] =>
  items.map((item) => JSON.stringify(describeItem(item as never))).sort()

const sortedIds = (ids: ReadonlyArray<string> | undefined): string[] => [...(ids ?? [])].sort()

describe('determinism of findings', () => {
  it.skipIf(findLoops === undefined)('findLoops: identical on repeat, the same loops in any input order', () => {
    const random = createRandom(3)
    for (const model of models()) {
      const first = findLoops!(model)
      expect(JSON.stringify(findLoops!(model))).toBe(JSON.stringify(first))
      const describeLoop = (loop: { actors: string[]; channels: string[][] }) => [loop.actors, loop.channels]
      expect(canonical(findLoops!(shuffled(random, model)).loops, describeLoop)).toEqual(canonical(first.loops, describeLoop))
    }
  })

  it.skipIf(diagnose === undefined)('diagnose: identical on repeat, the same defects in any input order', () => {
    const random = createRandom(4)
    for (const model of models()) {
      const first = diagnose!(model)
      expect(JSON.stringify(diagnose!(model))).toBe(JSON.stringify(first))
      const describeDefect = (defect: { rule: string; severity: string; level?: string; actors: string[]; channels: string[] }) => [
        defect.rule,
        defect.severity,
        defect.level,
        sortedIds(defect.actors),
        sortedIds(defect.channels),
      ]
      expect(canonical(defectsOf(diagnose!(shuffled(random, model))), describeDefect)).toEqual(canonical(defectsOf(first), describeDefect))
    }
  })

  it.skipIf(suggestRepairs === undefined)('suggestRepairs: identical on repeat, as many proposals in any input order', () => {
    const random = createRandom(5)
    for (const model of models()) {
      const first = suggestRepairs!(model)
      expect(JSON.stringify(suggestRepairs!(model))).toBe(JSON.stringify(first))
      expect(proposedChannelsOf(suggestRepairs!(shuffled(random, model))).length).toBe(proposedChannelsOf(first).length)
    }
  })
})
