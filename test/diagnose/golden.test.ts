import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../src/model/codecs.js'
import { parseModel } from '../../src/model/decode.js'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { formatDiagnosis } from '../../src/diagnose/format.js'

const modelsFolder = join(import.meta.dirname, '../../examples/models')
const goldenFolder = join(import.meta.dirname, '__golden__')
const update = process.env['UPDATE_GOLDEN'] === '1'

const load = (file: string): Model => {
  const parsed = parseModel(readFileSync(join(modelsFolder, file), 'utf8'))
  if (E.isLeft(parsed)) throw new Error(`${file}: ${JSON.stringify(parsed.left)}`)
  return parsed.right
}

const exampleFiles = readdirSync(modelsFolder).filter((file) => file.endsWith('.json')).sort()

describe('bundled example models (golden fixtures, reviewed by eye)', () => {
  it('has the example models to check', () => {
    expect(exampleFiles).toEqual(expect.arrayContaining(['healthy-reference.json', 'ward-you-said-we-did.json']))
  })
  for (const file of exampleFiles) {
    it(`diagnoses ${file} as recorded`, () => {
      const json = formatDiagnosis(diagnose(load(file)), 'json')
      const golden = join(goldenFolder, file)
      if (update) writeFileSync(golden, json)
      expect(json).toBe(readFileSync(golden, 'utf8'))
    })
  }

  it('finds no errors and no warnings in the healthy reference model', () => {
    const diagnosis = diagnose(load('healthy-reference.json'))
    expect(diagnosis.defects.filter((defect) => defect.severity !== 'info')).toEqual([])
    expect(diagnosis.truncated).toBe(false)
    expect(diagnosis.scorecard.overall.loopClosureCoverage).toBe(1)
    expect(diagnosis.scorecard.overall.highestLearningOrder).toBe('triple')
  })

  it('finds the broken carers loop of the ward, and closes its open loops with the repair', () => {
    const diagnosis = diagnose(load('ward-you-said-we-did.json'))
    const rules = new Set(diagnosis.defects.map((defect) => defect.rule))
    for (const rule of ['declared-loop-broken', 'acted-not-reported', 'open-loop', 'unused-knowledge', 'no-memory']) {
      expect(rules.has(rule)).toBe(true)
    }
    expect(diagnosis.defects[0]!.severity).toBe('error')
  })
})

const shuffle = <T>(items: ReadonlyArray<T>, keys: ReadonlyArray<number>): T[] =>
  items
    .map((item, index) => ({ item, key: keys[index % keys.length]! * 1000 + index }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.item)

describe('determinism', () => {
  const models = exampleFiles.map(load)
  it('gives byte-identical JSON across runs and across input orderings of actors, assets and channels', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }),
        (model, keys) => {
          const reordered: Model = {
            ...model,
            actors: shuffle(model.actors, keys),
            assets: shuffle(model.assets, [...keys].reverse()),
            channels: shuffle(model.channels, keys.map((key) => key * 7 + 3)),
            loops: shuffle(model.loops, keys),
          }
          expect(formatDiagnosis(diagnose(reordered), 'json')).toBe(formatDiagnosis(diagnose(model), 'json'))
        },
      ),
      { numRuns: 40, seed: 20120101 },
    )
  })
})
