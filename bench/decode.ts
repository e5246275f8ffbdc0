/**
 * Benchmark: decode and validate a generated `orgintel/v2` document of 100,000 actors
 * and 1,000,000 channels with `parseModel`, reported as a ratio to `JSON.parse` of the
 * same text (target: within 5x). Run with `npx tsx bench/decode.ts [--quick]`.
 */
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { parseModel } from '../src/model/decode.js'
import { collectGarbage } from './collect-garbage.js'

/** Options for {@link runDecodeBench}. */
export interface DecodeBenchOptions {
  /** A tenth of the full size, for a quick check. */
  readonly quick: boolean
}

const levelNames = ['delivery', 'planning', 'strategy'] as const
const actorKinds = ['patient', 'carer', 'clinician', 'manager', 'commissioner', 'intermediary'] as const
const assetKinds = ['experience', 'data', 'insight', 'decision', 'plan', 'change', 'response', 'lesson'] as const

/** A small deterministic generator (xorshift32), so every run measures the same text. */
const createGenerator = (seed: number): (() => number) => {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state
  }
}

/**
 * The text of a valid document with `actorCount` actors (one asset each) and
 * `channelCount` channels between random actors, each carrying its sender's asset.
 */
export const generateDocumentText = (actorCount: number, channelCount: number): string => {
  const next = createGenerator(20120101)
  const parts: string[] = ['{"schema":"orgintel/v2","id":"bench","name":"Generated benchmark model","actors":[']
  for (let i = 0; i < actorCount; i++) {
    const kind = actorKinds[i % actorKinds.length]
    parts.push(
      `${i === 0 ? '' : ','}{"id":"a${i}","name":"Actor ${i}","kind":"${kind}","levels":["delivery","planning","strategy"]}`,
    )
  }
  parts.push('],"assets":[')
  for (let i = 0; i < actorCount; i++) {
    const kind = assetKinds[i % assetKinds.length]
    parts.push(`${i === 0 ? '' : ','}{"id":"k${i}","name":"Asset ${i}","kind":"${kind}","holder":"a${i}"}`)
  }
  parts.push('],"channels":[')
  for (let i = 0; i < channelCount; i++) {
    const from = next() % actorCount
    const to = next() % actorCount
    const level = levelNames[i % 3]
    const latency = next() % 30
    const reliability = (next() % 1000) / 1000
    parts.push(
      `${i === 0 ? '' : ','}{"id":"c${i}","from":"a${from}","to":"a${to}","carries":["k${from}"],"level":"${level}","latencyDays":${latency},"reliability":${reliability},"polarity":"${i % 2 === 0 ? '+' : '-'}"}`,
    )
  }
  parts.push(`],"loops":[{"id":"l0","name":"Loop","level":"delivery","through":["a0","a1","a0"]}]}`)
  return parts.join('')
}

const timeMilliseconds = (run: () => unknown): number => {
  collectGarbage()
  const start = performance.now()
  run()
  return performance.now() - start
}

/**
 * Generate the document, then time `JSON.parse` and `parseModel` on it (best of a few
 * runs each) and print the ratio.
 */
export const runDecodeBench = async (options: DecodeBenchOptions): Promise<void> => {
  const actorCount = options.quick ? 10_000 : 100_000
  const channelCount = options.quick ? 100_000 : 1_000_000
  const runs = 3
  const text = generateDocumentText(actorCount, channelCount)
  let parseBest = Infinity
  let decodeBest = Infinity
  for (let run = 0; run < runs; run++) {
    parseBest = Math.min(parseBest, timeMilliseconds(() => JSON.parse(text)))
    decodeBest = Math.min(
      decodeBest,
      timeMilliseconds(() => {
        const result = parseModel(text)
        if (result._tag === 'Left') throw new Error(`benchmark document is invalid: ${result.left[0]?.message}`)
      }),
    )
  }
  const ratio = decodeBest / parseBest
  const megabytes = (text.length / 1e6).toFixed(1)
  console.log(
    `decode: ${actorCount} actors, ${channelCount} channels, ${megabytes} MB; ` +
      `JSON.parse ${parseBest.toFixed(0)} ms, parseModel ${decodeBest.toFixed(0)} ms, ratio ${ratio.toFixed(2)}x (target 5x)`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runDecodeBench({ quick: process.argv.includes('--quick') })
}
