/**
 * The valid models the algorithm fuzzers run on: generated documents (some ids hostile,
 * every name and description marked) that decode, built once per test file.
 */
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import { type Model, decodeModel } from '../../src/index.js'
import { countConsoleCalls } from './console-watch.js'
import { generateModel } from './generate-model.js'
import { createRandom } from './random.js'

/** Models per run of each algorithm fuzzer (`npm run fuzz` raises it). */
export const fuzzedModelCount = Number(process.env['FUZZ_MODELS'] ?? 2_000)

const cache = new Map<string, ReadonlyArray<Model>>()

/**
 * `count` generated documents from seeds `seed`, `seed + 1`, …, decoded; a document that
 * does not decode is a failure of the generator, so it throws.
 */
export const fuzzedModels = (seed: number, count = fuzzedModelCount, maxActors = 10): ReadonlyArray<Model> => {
  const key = `${seed}/${count}/${maxActors}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  const models: Model[] = []
  for (let i = 0; i < count; i++) {
    const result = decodeModel(generateModel(createRandom(seed + i), { maxActors, hostility: 0.2 }))
    if (E.isLeft(result)) throw new Error(`generated model ${seed + i} does not decode: ${result.left[0]?.code} at ${result.left[0]?.path}`)
    models.push(result.right)
  }
  cache.set(key, models)
  return models
}

/**
 * Run `check` on every model with the console watched, add a figures line, and fail
 * with the first few problems (each prefixed with its model) or on any console call.
 */
export const checkOverModels = (
  models: ReadonlyArray<Model>,
  figures: string[],
  name: string,
  check: (model: Model, problems: string[]) => void,
  counted?: () => string,
): void => {
  const started = performance.now()
  const problems: string[] = []
  const calls = countConsoleCalls(() => {
    for (const model of models) {
      const before = problems.length
      check(model, problems)
      if (problems.length > before) problems[before] = `model ${model.id}: ${problems[before]}`
    }
  })
  figures.push(`  ${name.padEnd(28)} ${models.length} models ${(performance.now() - started).toFixed(0).padStart(6)} ms  ${problems.length} problems  ${counted?.() ?? ''}`)
  expect(problems.slice(0, 10)).toEqual([])
  expect(calls, `${name} wrote to the console`).toBe(0)
}
