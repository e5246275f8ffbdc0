import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { Model } from '../../src/model/codecs.js'
import { decodeModel, parseModel } from '../../src/model/decode.js'

const modelsFolder = fileURLToPath(new URL('../../examples/models/', import.meta.url))
const goldenFolder = fileURLToPath(new URL('./__golden__/', import.meta.url))

/** Every example model, by file name without `.json`. */
export const exampleModels = (): ReadonlyArray<readonly [string, Model]> =>
  readdirSync(modelsFolder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = parseModel(readFileSync(`${modelsFolder}${file}`, 'utf8'))
      if (parsed._tag === 'Left') throw new Error(`example ${file} is invalid`)
      return [file.slice(0, -5), parsed.right] as const
    })

export const wardModel = (): Model => exampleModels().find(([name]) => name === 'ward-you-said-we-did')![1]

/**
 * Compare text with a reviewed golden file. Run with `UPDATE_GOLDEN=1` to rewrite the
 * files after a deliberate change (and review the diff).
 */
export const expectGolden = (name: string, text: string): void => {
  const path = `${goldenFolder}${name}`
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(path, text)
  expect(existsSync(path), `missing golden file ${name}: run with UPDATE_GOLDEN=1 and review it`).toBe(true)
  expect(text).toBe(readFileSync(path, 'utf8'))
}

const longName = 'x'.repeat(10_000)

/** Ids and names chosen to break diagram syntax, markup, spreadsheets and prototypes. */
export const hostileIds = [
  '__proto__',
  'constructor',
  'end',
  'graph',
  'subgraph',
  'class',
  'toString',
  '"quoted"',
  '<script>alert(1)</script>',
  '\u202Eevil\u202C',
  'a|b\\c',
  '=HYPERLINK("http://x")',
  '-->',
  'x]; y["z',
] as const

export const hostileNames = [
  '<script>alert("name")</script>',
  '"]); n9["gotcha',
  '**bold** _em_ `code` ~~strike~~',
  '#quot; &amp; &lt;b&gt; #35;',
  'Right-to-left \u202Eredro\u202C marks \u200F',
  'line\nbreak\ttab\r',
  '@SUM(1+1)',
  'end',
  `${longName}`,
  "'-leading quote",
  'pipe | and \\ backslash',
  '{curly} (round) [square] <angle>',
  'Zoë & Łukasz — ☕ 𝒳',
  '  padded  ',
]

/** A valid model whose every id and name is hostile. */
export const hostileModel = (): Model => {
  const actors = hostileIds.map((id, index) => ({
    id,
    name: hostileNames[index % hostileNames.length]!,
    kind: index % 2 === 0 ? 'patient' : 'clinician',
    levels: index % 3 === 0 ? ['delivery'] : index % 3 === 1 ? ['planning', 'delivery'] : ['strategy'],
    tags: [hostileIds[(index + 1) % hostileIds.length]!, '|', ''.padEnd(3, '\\')],
  }))
  const assets = hostileIds.map((id, index) => ({
    id,
    name: hostileNames[(index + 3) % hostileNames.length]!,
    kind: 'experience',
    holder: id,
    acknowledged: index % 2 === 0,
  }))
  const channels = hostileIds.map((id, index) => ({
    id,
    from: id,
    to: hostileIds[(index + 1) % hostileIds.length]!,
    carries: [id],
    level: 'delivery',
    ...(index % 2 === 0 ? { latencyDays: index + 0.5, reliability: 0.25, polarity: index % 4 === 0 ? '+' : '-' } : {}),
    ...(index === 3 ? { status: 'inactive' } : {}),
  }))
  const decoded = decodeModel({
    schema: 'orgintel/v2',
    id: '<model id="x">',
    name: '"Hostile" <model>',
    description: 'A model to break writers: </description>',
    actors,
    assets,
    channels,
    loops: [{ id: '__proto__', name: 'constructor', level: 'delivery', through: [hostileIds[0], hostileIds[1], hostileIds[0]], maxLatencyDays: 3 }],
  })
  if (decoded._tag === 'Left') throw new Error(JSON.stringify(decoded.left))
  return decoded.right
}

/**
 * Ids that differ only in characters XML cannot carry (C0 controls, U+FFFE, U+FFFF,
 * lone surrogates), beside the texts their escapes would take. The model decoder
 * refuses such ids, but a model built in code can hold them.
 */
export const xmlUnsafeIds: ReadonlyArray<string> = [
  'a', 'a\u0000', 'a\u0001', 'a\u0002', 'a\u0008', 'a\u000b', 'a\u000c', 'a\u001f', 'a\ufffe', 'a\uffff',
  'a\ud800', 'a\udbff', 'a\udc00', 'a\udfff', 'a\ud800x', 'x\udc00a', 'a\ufffd', 'a\\u0001', 'a\\u0001~2',
  '\u0001', '\u0002', '\ud83d', 'a\ud83d\ude00', 'a\u00e9',
]

/** A model built in code (not decoded) whose ids and names hold characters XML cannot carry. */
export const xmlUnsafeModel = (): Model => {
  const ids = xmlUnsafeIds
  return {
    schema: 'orgintel/v2',
    id: 'unsafe\u0001\ufffe',
    name: 'Unsafe \u0002 \uffff \ud800 name',
    description: 'control \u0003 and \ufffe',
    actors: ids.map((id, index) => ({ id, name: `Name ${index} \u0001\ufffe\udc00`, kind: 'patient', perspective: 'lay', levels: ['delivery'], tags: [`tag\u0002${index}`] })),
    assets: ids.map((id) => ({ id, name: `Asset \uffff`, kind: 'experience', holder: id, acknowledged: true })),
    channels: ids.map((id, index) => ({ id, from: id, to: ids[(index + 1) % ids.length]!, carries: [id], level: 'delivery', status: 'active' })),
    loops: [{ id: 'loop\u0001', name: 'Loop \ufffe', level: 'delivery', through: [ids[1]!, ids[2]!, ids[1]!] }],
  } as unknown as Model
}
