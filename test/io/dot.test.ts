import { spawnSync } from 'node:child_process'
import { instance } from '@viz-js/viz'
import { describe, expect, it } from 'vitest'
import { toDot } from '../../src/io/index.js'
import type { ActorId, ChannelId } from '../../src/model/primitives.js'
import { exampleModels, expectGolden, hostileIds, hostileModel, wardModel } from './fixtures.js'

const liveMarkup = /<script|<img|<iframe|<foreignObject|javascript:|\son[a-z]+\s*=/i
const hasDot = spawnSync('dot', ['-V']).status === 0

const render = async (text: string) => {
  const viz = await instance()
  const result = viz.render(text, { format: 'svg' })
  expect(result.errors.filter((error) => error.level === 'error')).toEqual([])
  expect(result.status).toBe('success')
  const json = viz.renderJSON(text) as { objects?: ReadonlyArray<{ name: string }>; edges?: ReadonlyArray<unknown> }
  return { svg: result.status === 'success' ? result.output : '', json }
}

describe('toDot', () => {
  it.each(exampleModels())('matches the golden graph for %s and renders with viz.js', async (name, model) => {
    const text = toDot(model)
    expectGolden(`${name}.dot`, text)
    const { svg, json } = await render(text)
    expect(svg).toMatch(/<svg/)
    expect(json.objects!.filter((object) => /^n\d+$/.test(object.name))).toHaveLength(model.actors.length)
    expect(json.edges).toHaveLength(model.channels.length)
  })

  it('draws highlighted channels red and proposed channels dashed', async () => {
    const text = toDot(wardModel(), {
      highlight: {
        channels: ['pals-letter' as ChannelId],
        actors: ['pals' as ActorId],
        proposed: [{ from: 'pals' as ActorId, to: 'carers' as ActorId, level: 'delivery', carries: [], reason: 'close the loop' }],
      },
    })
    expectGolden('ward-you-said-we-did.highlighted.dot', text)
    // pals-letter is inactive: red, and still dotted, so it never looks like an active channel.
    expect(text).toContain('  n5 -> n1 [color="#d62728", penwidth=3, style=dotted];')
    expect(toDot(wardModel())).toContain('  n5 -> n1 [color="#9e9e9e", style=dotted];')
    expect(text).toContain('  n5 -> n1 [style=dashed, color="#2e7d32"];')
    await render(text)
  })

  it('keeps hostile ids and names out of the syntax and out of the markup', async () => {
    const model = hostileModel()
    for (const label of ['name', 'id'] as const) {
      const text = toDot(model, { label, highlight: { channels: [...hostileIds] as ChannelId[] } })
      expect(text.replace(/ -> /g, ' ')).not.toMatch(/[<>\u202e]/)
      const { svg, json } = await render(text)
      expect(json.objects!.filter((object) => /^n\d+$/.test(object.name))).toHaveLength(model.actors.length)
      expect(json.edges).toHaveLength(model.channels.length)
      expect(svg).not.toMatch(liveMarkup)
    }
    expectGolden('hostile.dot', toDot(model))
  })

  // A missing dot fails rather than skips: .ci/run installs Debian's graphviz.
  it('renders with the Graphviz dot command (installed by .ci/run from Debian)', () => {
    expect(hasDot, 'the dot command is missing: apt-get install -y graphviz').toBe(true)
    for (const [, model] of [...exampleModels(), ['hostile', hostileModel()] as const]) {
      const result = spawnSync('dot', ['-Tsvg'], { input: toDot(model), encoding: 'utf8' })
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).not.toMatch(liveMarkup)
    }
  })
})
