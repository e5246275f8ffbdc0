/**
 * Arbitrary values from fast-check (seeded): any JSON at the root, and objects shaped
 * like a model (the right keys, anything as values) that reach deeper into the decoder.
 */
import * as fc from 'fast-check'
import { actorKinds, assetKinds, levelNames } from './generate-model.js'

const modelKeys = ['schema', 'id', 'name', 'description', 'actors', 'assets', 'channels', 'loops']
const itemKeys = [
  'id', 'name', 'kind', 'perspective', 'levels', 'tags', 'holder', 'acknowledged', 'from', 'to', 'carries',
  'level', 'status', 'latencyDays', 'reliability', 'polarity', 'through', 'maxLatencyDays', '__proto__', 'constructor',
]
const words = fc.constantFrom(...levelNames, ...actorKinds, ...assetKinds, 'orgintel/v2', 'a', 'b', '__proto__', 'lay', '+', '-', 'active')
const leaf = fc.oneof(words, fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(0, 1, -1, 0.5, 2, []))
const item = fc.dictionary(fc.constantFrom(...itemKeys), fc.oneof(leaf, fc.array(words, { maxLength: 4 })), { maxKeys: 8 })
const modelShaped = fc.dictionary(
  fc.constantFrom(...modelKeys),
  fc.oneof({ weight: 4, arbitrary: fc.array(item, { maxLength: 5 }) }, { weight: 1, arbitrary: leaf }),
  { maxKeys: 8 },
).map((value) => ({ schema: 'orgintel/v2', ...value }))

/**
 * Run `check` on `documents` arbitrary values: half any JSON, half model-shaped, with
 * fast-check's seeded runner (a failure is shrunk to a small counterexample).
 */
export const fuzzArbitraryJson = (
  documents: number,
  seed: number,
  check: (category: string, seed: number, value: unknown) => boolean,
): void => {
  const half = Math.ceil(documents / 2)
  let index = 0
  fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => check('arbitrary: any JSON', index++, value)), { seed, numRuns: half })
  fc.assert(fc.property(modelShaped, (value) => check('arbitrary: model-shaped', index++, value)), { seed: seed + 1, numRuns: documents - half })
}
