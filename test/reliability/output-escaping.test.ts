/**
 * Every output format escapes hostile ids and names (issue 8): the model whose every id
 * is hostile (prototype keys, bidi marks, diagram keywords, markup, quotes) is written
 * in each format; XML stays well-formed, diagrams render with no live markup, and the
 * formats that read back give back the same ids.
 */
import { instance } from '@viz-js/viz'
import { renderMermaidSVG } from 'beautiful-mermaid'
import { XMLValidator } from 'fast-xml-parser'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { fromCsv, fromGraphML, toCsv, toCytoscape, toDot, toGexf, toGraphML, toKumu, toMermaid } from '../../src/io/index.js'
import { type Model, decodeModel } from '../../src/index.js'
import { adversarialIds, adversarialNames } from './hostile-text.js'

const liveMarkup = /<script|<img|<iframe|<foreignObject|javascript:|\son[a-z]+\s*=/i

const hostile = (): Model => {
  const result = decodeModel({
    schema: 'orgintel/v2',
    id: '__proto__',
    name: adversarialNames[0],
    description: '<script>alert("description")</script>',
    actors: adversarialIds.map((id, i) => ({ id, name: adversarialNames[i % adversarialNames.length], kind: i % 2 === 0 ? 'patient' : 'clinician', levels: ['delivery'], tags: ['<b>tag</b>'] })),
    assets: adversarialIds.map((id, i) => ({ id, name: adversarialNames[i % adversarialNames.length], kind: 'experience', holder: id })),
    channels: adversarialIds.map((id, i) => ({ id, from: id, to: adversarialIds[(i + 1) % adversarialIds.length], carries: [id], level: 'delivery', polarity: '+' })),
    loops: [{ id: 'constructor', name: adversarialNames[2], level: 'delivery', through: [...adversarialIds, adversarialIds[0]] }],
  })
  if (!E.isRight(result)) throw new Error('the hostile model does not decode')
  return result.right
}

describe('output formats with hostile ids and names', () => {
  const model = hostile()

  it('GraphML and GEXF are well-formed XML and GraphML reads back the same ids', () => {
    for (const xml of [toGraphML(model), toGexf(model)]) {
      expect(XMLValidator.validate(xml)).toBe(true)
      expect(xml).not.toMatch(liveMarkup)
    }
    const back = fromGraphML(toGraphML(model))
    expect(E.isRight(back) && back.right.actors.map((actor) => actor.id)).toEqual(adversarialIds)
    expect(E.isRight(back) && back.right.channels.map((channel) => [channel.from, channel.to])).toEqual(model.channels.map((c) => [c.from, c.to]))
  })

  it('CSV reads back the same ids', () => {
    const back = fromCsv(toCsv(model))
    expect(E.isRight(back) && back.right.actors.map((actor) => actor.id)).toEqual(adversarialIds)
  })

  it('Mermaid renders to SVG with no live markup, labelled by names or by ids', () => {
    for (const label of ['name', 'id'] as const) {
      const svg = renderMermaidSVG(toMermaid(model, { label }))
      expect(svg).toMatch(/^<svg/)
      expect(svg).not.toMatch(liveMarkup)
    }
  })

  it('DOT renders with Graphviz (viz.js) with no live markup', async () => {
    const viz = await instance()
    const result = viz.render(toDot(model), { format: 'svg' })
    expect(result.errors.filter((error) => error.level === 'error')).toEqual([])
    expect(result.status === 'success' && result.output).toMatch(/<svg/)
    expect(result.status === 'success' ? result.output : '').not.toMatch(liveMarkup)
  })

  it('Cytoscape.js and Kumu JSON keep every id as plain data', () => {
    for (const json of [toCytoscape(model), toKumu(model)]) {
      const text = JSON.stringify(json)
      for (const id of ['__proto__', 'constructor', '\u202e']) expect(text).toContain(JSON.stringify(id).slice(1, -1))
      expect(JSON.parse(text)).toEqual(json)
    }
  })
})
