/** Ways to damage JSON text, and JavaScript values JSON cannot hold. */
import type { JsonObject } from './generate-model.js'
import type { Random } from './random.js'

const insertions = ['{', '}', '[', ']', ',', ':', '"', '\\', '\u0000', 'x', '1', '-', '\n', '\u2028', '\ud800']

const corruptions: ReadonlyArray<readonly [string, (random: Random, text: string) => string]> = [
  ['unchanged', (_, text) => text],
  ['truncated', (random, text) => text.slice(0, random.integer(text.length))],
  ['character deleted', (random, text) => {
    const at = random.integer(text.length)
    return text.slice(0, at) + text.slice(at + 1)
  }],
  ['character inserted', (random, text) => {
    const at = random.integer(text.length + 1)
    return text.slice(0, at) + random.pick(insertions) + text.slice(at)
  }],
  ['trailing comma', (_, text) => text.replace(/\}\s*$/, ',}')],
  ['single quotes', (_, text) => text.replace('"', "'")],
  ['byte order mark', (_, text) => `\ufeff${text}`],
  ['NaN literal', (_, text) => text.replace(/\}\s*$/, ', "latencyDays": NaN}')],
  ['comment', (_, text) => `// exported from a spreadsheet\n${text}`],
  ['deep nesting', (random, _) => {
    const depth = random.between(1_000, 50_000)
    return `{"schema":"orgintel/v2","id":"m","name":"m","actors":${'['.repeat(depth)}${']'.repeat(depth)},"assets":[],"channels":[]}`
  }],
  ['deep nesting, unbalanced', (random, _) => '[{"a":'.repeat(random.between(1_000, 30_000))],
  ['empty or blank', (random, _) => random.pick(['', ' ', '\n\n', '\t'])],
  ['not an object', (random, _) => random.pick(['42', 'null', '"orgintel/v2"', 'true', '[]', '-0', '1e999'])],
]

/** Most texts are left valid (so parseModel is compared with decodeModel); the rest are damaged. */
export const corruptText = (random: Random, text: string): { text: string; category: string } => {
  // Deep nesting is slow to build and parse: a few per hundred are enough.
  const [category, corrupt] = random.chance(0.4)
    ? corruptions[0]!
    : random.chance(0.04)
      ? random.pick(corruptions.filter(([name]) => name.startsWith('deep')))
      : random.pick(corruptions.filter(([name]) => name !== 'unchanged' && !name.startsWith('deep')))
  return { text: corrupt(random, text), category }
}

const strangeValues = (): ReadonlyArray<unknown> => [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  undefined,
  10n,
  Symbol('id'),
  () => 'actor',
  new Date(0),
  new Map([['id', 'x']]),
  new Set(['delivery']),
  Object.assign(Object.create(null) as object, { id: 'x', name: 'y' }),
  // eslint-disable-next-line no-sparse-arrays
  [, 'delivery'],
  Object.freeze(['delivery']),
  new Uint8Array(3),
  new String('delivery'),
  new Number(1),
]

/** Put a value JSON cannot hold into a random field of a random item (or at the root). */
export const nonJsonValues = (random: Random, document: JsonObject): unknown => {
  const value = random.pick(strangeValues())
  if (random.chance(0.1)) return value
  const collections = ['actors', 'assets', 'channels', 'loops'].filter((c) => Array.isArray(document[c]) && (document[c] as unknown[]).length > 0)
  const target = (collections.length === 0 ? document : random.pick((document[random.pick(collections)] as JsonObject[]))) as Record<string, unknown>
  target[random.pick(Object.keys(target))] = value
  return document
}
