/**
 * Mutations of a valid document, each with what a correct decoder must then say when
 * it is the only mutation: an error of a given code at a given path, "still valid", or
 * nothing certain (only the general checks apply).
 */
import type { Json, JsonObject } from './generate-model.js'
import { refusedIds } from './hostile-text.js'
import { toPointer } from './pointer.js'
import type { Random } from './random.js'

export type Expectation =
  | { readonly kind: 'valid' }
  | { readonly kind: 'error'; readonly code: string; readonly path: string }
  | { readonly kind: 'error-at-or-below'; readonly path: string }
  | { readonly kind: 'any' }

export interface Mutation {
  readonly name: string
  /** Mutates `document` in place (or returns a replacement root). */
  readonly apply: (random: Random, document: JsonObject) => { root: unknown; expectation: Expectation } | undefined
}

type Collection = 'actors' | 'assets' | 'channels' | 'loops'
const collections: ReadonlyArray<Collection> = ['actors', 'assets', 'channels', 'loops']

const required: Readonly<Record<Collection | 'root', ReadonlyArray<string>>> = {
  root: ['schema', 'id', 'name', 'actors', 'assets', 'channels'],
  actors: ['id', 'name', 'kind', 'levels'],
  assets: ['id', 'name', 'kind', 'holder'],
  channels: ['id', 'from', 'to', 'carries', 'level'],
  loops: ['id', 'name', 'level', 'through'],
}

interface Place {
  readonly collection: Collection | 'root'
  readonly segments: ReadonlyArray<string | number>
  readonly item: JsonObject
}

const itemsOf = (document: JsonObject, collection: Collection): JsonObject[] =>
  Array.isArray(document[collection]) ? (document[collection] as JsonObject[]) : []

/** The root or one item of a collection, chosen at random. */
const pickPlace = (random: Random, document: JsonObject): Place => {
  const filled = collections.filter((collection) => itemsOf(document, collection).length > 0)
  if (filled.length === 0 || random.chance(0.15)) return { collection: 'root', segments: [], item: document }
  const collection = random.pick(filled)
  const items = itemsOf(document, collection)
  const index = random.integer(items.length)
  const item = items[index]
  return isObject(item) ? { collection, segments: [collection, index], item } : { collection: 'root', segments: [], item: document }
}

const jsonTypeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

const valuesOfEveryType: ReadonlyArray<Json> = ['text', '', 42, -1, 0.5, true, false, null, [], ['x'], {}, { id: 'x' }]

const deeplyNested = (random: Random, depth: number): Json => {
  let value: Json = random.chance(0.5) ? 'leaf' : []
  for (let level = 0; level < depth; level++) value = random.chance(0.5) ? [value] : { id: value }
  return value
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Paths of every id reference still in place (earlier mutations may have broken the shape). */
const references = (document: JsonObject): Array<ReadonlyArray<string | number>> => {
  const found: Array<ReadonlyArray<string | number>> = []
  const each = (collection: Collection, visit: (item: JsonObject, index: number) => void): void =>
    itemsOf(document, collection).forEach((item, index) => (isObject(item) ? visit(item, index) : undefined))
  const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : [])
  each('assets', (asset, i) => ('holder' in asset ? found.push(['assets', i, 'holder']) : undefined))
  each('channels', (channel, i) => {
    if ('from' in channel) found.push(['channels', i, 'from'])
    if ('to' in channel) found.push(['channels', i, 'to'])
    list(channel['carries']).forEach((_, j) => found.push(['channels', i, 'carries', j]))
  })
  each('loops', (loop, i) => list(loop['through']).forEach((_, j) => found.push(['loops', i, 'through', j])))
  return found
}

const setAt = (document: JsonObject, segments: ReadonlyArray<string | number>, value: Json): void => {
  let current = document as Json
  for (const segment of segments.slice(0, -1)) current = (current as Record<string | number, Json>)[segment]!
  ;(current as Record<string | number, Json>)[segments[segments.length - 1]!] = value
}

const outOfRange: ReadonlyArray<{
  readonly collection: Collection | 'root'
  readonly key: string
  readonly value: Json
  readonly code: string
  /** Where the error is, below the field (an item of a list). */
  readonly below?: number
}> = [
  { collection: 'channels', key: 'latencyDays', value: -1, code: 'out-of-range' },
  { collection: 'channels', key: 'latencyDays', value: -0.001, code: 'out-of-range' },
  { collection: 'channels', key: 'reliability', value: 1.5, code: 'out-of-range' },
  { collection: 'channels', key: 'reliability', value: -0.1, code: 'out-of-range' },
  { collection: 'loops', key: 'maxLatencyDays', value: -7, code: 'out-of-range' },
  { collection: 'actors', key: 'levels', value: [], code: 'invalid-value' },
  { collection: 'actors', key: 'levels', value: ['national'], code: 'invalid-value', below: 0 },
  { collection: 'actors', key: 'kind', value: 'surgeon', code: 'invalid-value' },
  { collection: 'actors', key: 'perspective', value: 'neutral', code: 'invalid-value' },
  { collection: 'assets', key: 'kind', value: 'rumour', code: 'invalid-value' },
  { collection: 'channels', key: 'level', value: 'national', code: 'invalid-value' },
  { collection: 'channels', key: 'status', value: 'paused', code: 'invalid-value' },
  { collection: 'channels', key: 'polarity', value: '0', code: 'invalid-value' },
  { collection: 'actors', key: 'id', value: '', code: 'invalid-value' },
  { collection: 'assets', key: 'name', value: '', code: 'invalid-value' },
  { collection: 'root', key: 'schema', value: 'orgintel/v3', code: 'unsupported-schema' },
  { collection: 'root', key: 'name', value: '', code: 'invalid-value' },
]

export const mutations: ReadonlyArray<Mutation> = [
  {
    name: 'field dropped',
    apply: (random, document) => {
      const place = pickPlace(random, document)
      const keys = Object.keys(place.item)
      if (keys.length === 0) return undefined
      const key = random.pick(keys)
      delete place.item[key]
      const path = toPointer([...place.segments, key])
      return { root: document, expectation: required[place.collection].includes(key) ? { kind: 'error', code: 'missing-field', path } : { kind: 'valid' } }
    },
  },
  {
    name: 'field retyped',
    apply: (random, document) => {
      const place = pickPlace(random, document)
      const keys = Object.keys(place.item)
      if (keys.length === 0) return undefined
      const key = random.pick(keys)
      const current = jsonTypeOf(place.item[key])
      place.item[key] = structuredClone(random.pick(valuesOfEveryType.filter((value) => jsonTypeOf(value) !== current)))
      const path = toPointer([...place.segments, key])
      return { root: document, expectation: { kind: 'error', code: path === '/schema' ? 'unsupported-schema' : 'invalid-type', path } }
    },
  },
  {
    name: 'reference broken',
    apply: (random, document) => {
      const all = references(document)
      if (all.length === 0) return undefined
      const segments = random.pick(all)
      setAt(document, segments, `missing-${random.integer(1000)}`)
      return { root: document, expectation: { kind: 'error', code: 'unknown-reference', path: toPointer(segments) } }
    },
  },
  {
    name: 'id duplicated',
    apply: (random, document) => {
      const candidates = collections.filter((collection) => itemsOf(document, collection).length >= 2)
      if (candidates.length === 0) return undefined
      const collection = random.pick(candidates)
      const items = itemsOf(document, collection)
      const second = random.between(1, items.length - 1)
      const first = items[random.integer(second)]
      if (!isObject(first) || !isObject(items[second]) || !('id' in first)) return undefined
      items[second]['id'] = first['id']!
      return { root: document, expectation: { kind: 'error', code: 'duplicate-id', path: toPointer([collection, second, 'id']) } }
    },
  },
  {
    name: 'number or value out of range',
    apply: (random, document) => {
      const options = outOfRange.filter((option) => option.collection === 'root' || itemsOf(document, option.collection).length > 0)
      const option = random.pick(options)
      const segments: Array<string | number> =
        option.collection === 'root' ? [option.key] : [option.collection, random.integer(itemsOf(document, option.collection).length), option.key]
      if (option.collection !== 'root' && !isObject(itemsOf(document, option.collection)[segments[1] as number])) return undefined
      setAt(document, segments, structuredClone(option.value))
      const path = toPointer(option.below === undefined ? segments : [...segments, option.below])
      return { root: document, expectation: { kind: 'error', code: option.code, path } }
    },
  },
  {
    name: 'huge string',
    apply: (random, document) => {
      const place = pickPlace(random, document)
      const key = random.pick(['name', 'id', 'description'].filter((k) => k in place.item))
      if (key === undefined) return undefined
      place.item[key] = random.pick(['x', '\u202e', '"', '<', '§', '🏥']).repeat(random.chance(0.05) ? 200_000 : random.between(10_000, 20_000))
      return { root: document, expectation: key === 'name' || key === 'description' ? { kind: 'valid' } : { kind: 'any' } }
    },
  },
  {
    name: 'deep nesting',
    apply: (random, document) => {
      const place = pickPlace(random, document)
      const keys = Object.keys(place.item)
      if (keys.length === 0) return undefined
      const key = random.pick(keys)
      place.item[key] = deeplyNested(random, random.chance(0.02) ? 20_000 : random.between(100, 2_000))
      return { root: document, expectation: { kind: 'error-at-or-below', path: toPointer([...place.segments, key]) } }
    },
  },
  {
    name: 'root replaced',
    apply: (random, document) => ({
      root: random.pick<Json>(['orgintel/v2', 0, null, true, [], [document], { model: document }]),
      expectation: { kind: 'error-at-or-below', path: '' },
    }),
  },
  {
    name: 'unknown fields added',
    apply: (random, document) => {
      const place = pickPlace(random, document)
      // An own `__proto__` key, as JSON.parse makes it: it must stay data, not a prototype.
      const extra = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as JsonObject
      const added = random.chance(0.5) ? extra : ({ 'x-extra': [1, 2, 3], notes: 'free text' } as JsonObject)
      for (const key of Object.keys(added)) {
        Object.defineProperty(place.item, key, { value: added[key], enumerable: true, writable: true, configurable: true })
      }
      // Unknown fields are refused (never silently dropped), each at its own path.
      return { root: document, expectation: { kind: 'error', code: 'unknown-field', path: toPointer([...place.segments, Object.keys(added)[0]!]) } }
    },
  },
  {
    name: 'id no writer can carry',
    apply: (random, document) => {
      const place = pickPlace(random, document)
      if (place.collection === 'root' || !('id' in place.item)) return undefined
      place.item['id'] = random.pick(refusedIds)
      return { root: document, expectation: { kind: 'error', code: 'invalid-id', path: toPointer([...place.segments, 'id']) } }
    },
  },
  {
    name: 'item in the wrong collection',
    apply: (random, document) => {
      const from = random.pick(collections)
      const item = itemsOf(document, from)[0]
      if (!isObject(item)) return undefined
      const to = random.pick(collections.filter((collection) => collection !== from && collection !== 'loops'))
      if (item === undefined || !Array.isArray(document[to])) return undefined
      ;(document[to] as Json[]).push(item)
      return { root: document, expectation: { kind: 'any' } }
    },
  },
]
