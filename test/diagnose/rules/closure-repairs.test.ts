/**
 * The repairs of the closure rules mean what they say: applying the channels a rule
 * proposes leaves no error of that rule, on the bundled models and on generated ones.
 */
import { readFileSync, readdirSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { applyRepairs } from '../../../src/graph/apply-repairs.js'
import type { Model } from '../../../src/model/codecs.js'
import { parseModel } from '../../../src/model/decode.js'
import { fuzzedModels } from '../../reliability/fuzzed-models.js'

const bundled = (): ReadonlyArray<Model> => {
  const folder = new URL('../../../examples/models/', import.meta.url)
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const parsed = parseModel(readFileSync(new URL(name, folder), 'utf8'))
      if (E.isLeft(parsed)) throw new Error(`${name} does not parse`)
      return parsed.right
    })
}

const errorRules = ['declared-loop-broken', 'acted-not-reported'] as const

const leftAfterOwnRepairs = (model: Model, rule: string): ReadonlyArray<string> => {
  const before = diagnose(model).defects.filter((defect) => defect.rule === rule)
  if (before.length === 0) return []
  const repaired = applyRepairs(model, before.flatMap((defect) => defect.repair ?? []))
  return diagnose(repaired)
    .defects.filter((defect) => defect.rule === rule && defect.severity === 'error')
    .map((defect) => `${model.id}: ${defect.message}`)
}

describe('closure rule repairs', () => {
  it.each(errorRules)('%s: its repairs clear its errors on the bundled models', (rule) => {
    expect(bundled().flatMap((model) => leftAfterOwnRepairs(model, rule))).toEqual([])
  })

  it.each(errorRules)('%s: its repairs clear its errors on 200 generated models', (rule) => {
    const models = fuzzedModels(13_000, 200)
    let fired = 0
    const left: string[] = []
    for (const model of models) {
      if (diagnose(model).defects.some((defect) => defect.rule === rule)) fired++
      left.push(...leftAfterOwnRepairs(model, rule))
    }
    expect(left.slice(0, 5)).toEqual([])
    expect(fired).toBeGreaterThan(0)
  })
})
