/**
 * Scale without crash (issue 8): an organisation of 1,000,000 channels and 100,000
 * actors (bench/generate.ts) goes through the front door as JSON text, is diagnosed and
 * exported. Mermaid cannot draw a diagram that size, so `toMermaid` refuses it with a
 * one-node diagram saying why (above `maxChannels`, default 5,000); DOT has no limit and
 * is written in one linear pass. ORGINTEL_SCALE_CHANNELS changes the size (actors are a
 * tenth of it).
 */
import * as E from 'fp-ts/lib/Either.js'
import { renderMermaidSVG } from 'beautiful-mermaid'
import { afterAll, describe, expect, it } from 'vitest'
import { generateOrganisation } from '../../bench/generate.js'
import { defaultMermaidMaxChannels, toDot, toMermaid } from '../../src/io/index.js'
import { type Model, diagnose, encodeModel, parseModel } from '../../src/index.js'

const channelCount = Number(process.env['ORGINTEL_SCALE_CHANNELS'] ?? 1_000_000)
const actorCount = Math.max(2, Math.round(channelCount / 10))
const figures: string[] = []

const timed = <T>(what: string, run: () => T): T => {
  const started = performance.now()
  const result = run()
  figures.push(`  ${what.padEnd(34)} ${(performance.now() - started).toFixed(0).padStart(7)} ms`)
  return result
}

let decoded: Model | undefined
const model = (): Model => {
  if (decoded === undefined) throw new Error('the large model did not decode (see the first test)')
  return decoded
}

/** The document as JSON text; the generated model is dropped once written, to keep the peak low. */
const documentText = (): string => {
  const generated = timed('generateOrganisation', () => generateOrganisation({ seed: 2012, actors: actorCount, channels: channelCount }))
  return timed('encodeModel + JSON.stringify', () => JSON.stringify(encodeModel(generated)))
}

describe(`scale: ${channelCount} channels, ${actorCount} actors`, () => {
  afterAll(() => {
    const heap = process.memoryUsage()
    console.log([`scale (${channelCount} channels):`, ...figures, `  resident set now ${(heap.rss / 1e6).toFixed(0)} MB`].join('\n'))
  })

  it('decodes from JSON text (encode, stringify, parseModel) with every channel', () => {
    const text = documentText()
    figures.push(`  JSON text                          ${(text.length / 1e6).toFixed(0).padStart(7)} MB`)
    const result = timed('parseModel', () => parseModel(text))
    if (E.isLeft(result)) throw new Error(`does not decode: ${result.left.slice(0, 3).map((error) => `${error.code} at ${error.path}`).join('; ')}`)
    decoded = result.right
    expect([model().actors.length, model().channels.length]).toEqual([actorCount, channelCount])
  })

  it('diagnoses it, within the loop bounds, saying when a bound cut the search short', () => {
    const diagnosis = timed('diagnose', () => diagnose(model()))
    figures.push(`  defects found                      ${String(diagnosis.defects.length).padStart(7)}${diagnosis.truncated ? ' (truncated)' : ''}`)
    expect(diagnosis.summary.total).toBe(diagnosis.defects.length)
    expect(diagnosis.defects.length).toBeGreaterThan(0)
    expect(diagnosis.options.loops.maxLoops).toBeGreaterThan(0)
  })

  it('writes DOT in one pass: every actor and every channel, a line each', () => {
    const dot = timed('toDot', () => toDot(model()))
    figures.push(`  DOT text                           ${(dot.length / 1e6).toFixed(0).padStart(7)} MB`)
    let edges = 0
    for (let at = dot.indexOf(' -> '); at !== -1; at = dot.indexOf(' -> ', at + 4)) edges++
    expect(edges).toBe(channelCount)
    expect(dot.endsWith('}\n')).toBe(true)
  })

  it(`refuses Mermaid above ${defaultMermaidMaxChannels} channels with a one-node diagram that says why`, () => {
    const mermaid = timed('toMermaid (refused)', () => toMermaid(model()))
    expect(mermaid).toBe(
      `flowchart LR\n  n0["Too large to draw: ${channelCount} channels, limit ${defaultMermaidMaxChannels} (maxChannels). Export with toDot or toGraphML."]\n`,
    )
    expect(renderMermaidSVG(mermaid)).toMatch(/^<svg/)
  })

  it(`draws Mermaid up to the limit, and past it when maxChannels says so`, () => {
    const atLimit = generateOrganisation({ seed: 7, actors: 500, channels: defaultMermaidMaxChannels })
    const overLimit = generateOrganisation({ seed: 7, actors: 500, channels: defaultMermaidMaxChannels + 1 })
    const arrows = (text: string) => text.split('\n').filter((line) => / --> /.test(line)).length
    expect(arrows(toMermaid(atLimit))).toBe(defaultMermaidMaxChannels)
    expect(toMermaid(overLimit)).toMatch(/Too large to draw: 5001 channels, limit 5000/)
    expect(arrows(toMermaid(overLimit, { maxChannels: Number.POSITIVE_INFINITY }))).toBe(defaultMermaidMaxChannels + 1)
    expect(toMermaid(atLimit, { maxChannels: 10 })).toMatch(/Too large to draw: 5000 channels, limit 10/)
  })
})
