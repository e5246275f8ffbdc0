/**
 * `orgintel render --to svg` draws what a reader needs (issue 15, item 14): a direction,
 * channel labels naming what each carries, a legend for red, dotted and dashed lines,
 * levels as clusters, real names in hover titles, and a 600-actor, 2,400-channel model
 * drawn with a layout that scales, with progress on stderr. (The time is measured and
 * reported, not asserted.)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { XMLValidator } from 'fast-xml-parser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lines, runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

const ward = JSON.parse(readFileSync(wardModel, 'utf8')) as {
  actors: ReadonlyArray<{ name: string }>
  assets: ReadonlyArray<{ id: string; name: string }>
  channels: ReadonlyArray<{ carries: ReadonlyArray<string> }>
}

const render = async (...options: string[]) => {
  const out = folder.file('out')
  const result = await runInProcess(['render', wardModel, ...options, '-o', out])
  return { ...result, text: result.code === 0 ? readFileSync(out, 'utf8') : '' }
}

/** A model of `actors` actors and `channels` channels, from a fixed-seed generator. */
const largeModel = (actors: number, channels: number): object => {
  let state = 12_345
  const next = (limit: number): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return Math.floor((state / 2_147_483_648) * limit)
  }
  return {
    schema: 'orgintel/v2',
    id: 'large',
    name: 'Large',
    actors: Array.from({ length: actors }, (_, i) => ({ id: `a${i}`, name: `Actor number ${i} of a large organisation`, kind: i % 3 === 0 ? 'patient' : 'clinician', levels: ['delivery'] })),
    assets: [],
    channels: Array.from({ length: channels }, (_, i) => {
      const from = next(actors)
      return { id: `c${i}`, from: `a${from}`, to: `a${(from + 1 + next(actors - 1)) % actors}`, carries: [], level: 'delivery', status: i % 10 === 0 ? 'inactive' : 'active' }
    }),
    loops: [],
  }
}

describe('orgintel render --to svg and dot', () => {
  it('sets the direction of dot, svg and mermaid drawings', async () => {
    expect((await render('--to', 'dot', '--direction', 'TB')).text).toContain('rankdir=TB')
    expect((await render('--to', 'mermaid', '--direction', 'TB')).text).toMatch(/^flowchart TB/)
    const svg = await render('--to', 'svg', '--direction', 'TB')
    expect(svg.code).toBe(0)
    const wrong = await render('--to', 'svg', '--direction', 'up')
    expect(wrong.code).toBe(2)
    expect((await render('--to', 'graphml', '--direction', 'TB')).stderr).toContain('--direction works with mermaid, dot and svg')
  })

  it('labels channels with the names of what they carry, with --labels', async () => {
    const carried = ward.assets.find((asset) => ward.channels.some((channel) => channel.carries.includes(asset.id)))!
    const plain = await render('--to', 'svg')
    const labelled = await render('--to', 'svg', '--labels')
    expect(labelled.code).toBe(0)
    expect(labelled.text).toContain(`>${carried.name}</text>`)
    expect(plain.text).not.toContain(`>${carried.name}</text>`)
    expect((await render('--to', 'dot', '--labels')).text).toContain(`label="${carried.name}`)
    expect((await render('--to', 'gexf', '--labels')).stderr).toContain('--labels works with dot and svg')
  })

  it('adds a legend for the shapes and for the line styles it uses', async () => {
    const { text } = await render('--to', 'svg', '--highlight')
    expect(text).toContain('<title>Legend</title>')
    for (const entry of ['lay voice', 'professional', 'problem (highlighted)', 'proposed repair']) expect(text).toContain(`>${entry}</text>`)
    const plain = await render('--to', 'svg')
    expect(plain.text).toContain('>lay voice</text>')
    expect(plain.text).not.toContain('problem (highlighted)')
  })

  it('draws levels as clusters and titles nodes and edges by name, not n0 or n0->n2', async () => {
    const { text } = await render('--to', 'svg', '--highlight')
    expect(XMLValidator.validate(text)).toBe(true)
    expect(text).toContain('<title>Delivery</title>')
    expect(text).not.toMatch(/<title>(n\d+|cluster_\w+|n\d+&#45;&gt;n\d+)<\/title>/)
    for (const actor of ward.actors) expect(text).toContain(`<title>${actor.name}</title>`)
    expect(text).toContain(`<title>${ward.actors[0]!.name} \u2192 `)
    // Eight actors are eight nodes: the legend's entries are not taken for actors.
    expect(text.match(/<g id="node\d+" class="node/g)).toHaveLength(8)
  })

  it('draws a 600-actor, 2,400-channel model with a layout that scales, saying so on stderr', async () => {
    writeFileSync(folder.file('large.json'), JSON.stringify(largeModel(600, 2_400)))
    const result = await runInProcess(['render', folder.file('large.json'), '--to', 'svg', '-o', folder.file('large.svg')])
    expect(result.code).toBe(0)
    expect(lines(result.stderr)).toEqual([
      "orgintel render: drawing 600 actors and 2400 channels with Graphviz's sfdp layout (a large model: no level clusters)...",
      expect.stringMatching(/^orgintel render: drawn in \d+\.\d s$/),
    ])
    const svg = readFileSync(folder.file('large.svg'), 'utf8')
    expect(svg.match(/<g id="node\d+" class="node/g)).toHaveLength(600)
    expect(svg.match(/<g id="edge\d+" class="edge/g)!.length).toBeGreaterThanOrEqual(2_400)
  })

  it('says nothing on stderr for a small model', async () => {
    expect((await render('--to', 'svg')).stderr).toBe('')
  })
})
