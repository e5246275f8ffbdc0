/**
 * Ids and names that XML cannot carry (issue 14, item 5): a model built in code with ids
 * that differ only in C0 controls, U+FFFE/U+FFFF or lone surrogates is written by every
 * writer without merging two ids into one, and the XML (GraphML, GEXF, SVG) is
 * well-formed for a real, strict XML parser (Python's expat), not only by our own check.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { instance } from '@viz-js/viz'
import { renderMermaidSVG } from 'beautiful-mermaid'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import { fromCsv, fromGraphML, toCsv, toDot, toGexf, toGraphML, toMermaid } from '../../src/io/index.js'
import { xmlUnsafeIds, xmlUnsafeModel } from './fixtures.js'

const python = '/usr/bin/python3'
const folder = mkdtempSync(join(tmpdir(), 'orgintel-unsafe-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

// What neither XML 1.0 nor UTF-8 can carry.
const uncarriable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Parse each file with expat; the error of each, or '' when it is well-formed. */
const expatErrors = (texts: ReadonlyArray<string>): ReadonlyArray<string> => {
  const paths = texts.map((text, index) => {
    const path = join(folder, `file-${index}.xml`)
    writeFileSync(path, text)
    return path
  })
  const script = 'import sys, json, xml.dom.minidom as m\nout=[]\nfor p in sys.argv[1:]:\n  try:\n    m.parse(p); out.append("")\n  except Exception as e:\n    out.append(str(e))\nprint(json.dumps(out))'
  const result = spawnSync(python, ['-c', script, ...paths], { encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
  return JSON.parse(result.stdout) as string[]
}

const model = xmlUnsafeModel()

describe('writers and ids that XML cannot carry', () => {
  it('the fixture holds distinct ids', () => {
    expect(new Set(xmlUnsafeIds).size).toBe(xmlUnsafeIds.length)
  })

  it('GraphML and GEXF are well-formed for expat and carry nothing XML forbids', () => {
    const texts = [toGraphML(model), toGexf(model)]
    for (const text of texts) expect(text).not.toMatch(uncarriable)
    expect(expatErrors(texts)).toEqual(['', ''])
  })

  it('GraphML keeps every actor, channel and asset distinct, and reads back', () => {
    const text = toGraphML(model)
    const nodeIds = [...text.matchAll(/<node id="([^"]*)"/g)].map((match) => match[1])
    const edgeIds = [...text.matchAll(/<edge id="([^"]*)"/g)].map((match) => match[1])
    expect(new Set(nodeIds).size).toBe(xmlUnsafeIds.length)
    expect(new Set(edgeIds).size).toBe(xmlUnsafeIds.length)
    const back = fromGraphML(text)
    expect(E.isRight(back) ? back.right.actors.length : back.left).toBe(xmlUnsafeIds.length)
    if (E.isRight(back)) {
      expect(new Set(back.right.actors.map((actor) => actor.id)).size).toBe(xmlUnsafeIds.length)
      expect(new Set(back.right.assets.map((asset) => asset.id)).size).toBe(xmlUnsafeIds.length)
      // Clean ids are kept as they are; escaped ones show their code units.
      expect(back.right.actors.map((actor) => actor.id)).toEqual(expect.arrayContaining(['a', 'a\\u0001', 'a\\u0001~2', 'a\ud83d\ude00', 'a\u00e9', 'a\ufffd']))
      expect(back.right.actors.map((actor) => actor.id)).toContain('a\\u0001~3')
    }
  })

  it('GEXF read by networkx has every node and edge', () => {
    const path = join(folder, 'unsafe.gexf')
    writeFileSync(path, toGexf(model))
    const result = spawnSync(python, ['-c', 'import sys, networkx as nx\ng = nx.read_gexf(sys.argv[1])\nprint(g.number_of_nodes(), g.number_of_edges())', path], { encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout.trim()).toBe(`${xmlUnsafeIds.length} ${xmlUnsafeIds.length}`)
  })

  it('CSV keeps every id distinct through UTF-8 and reads back', () => {
    const tables = toCsv(model)
    for (const text of Object.values(tables)) expect(text).not.toMatch(uncarriable)
    const utf8 = (text: string): string => Buffer.from(text, 'utf8').toString('utf8')
    const back = fromCsv({ actors: utf8(tables.actors), channels: utf8(tables.channels), assets: utf8(tables.assets), loops: utf8(tables.loops) })
    expect(E.isRight(back) ? new Set(back.right.actors.map((actor) => actor.id)).size : back.left).toBe(xmlUnsafeIds.length)
  })

  it('SVG drawn from DOT and from Mermaid is well-formed for expat, with such names', async () => {
    const viz = await instance()
    const drawn = viz.render(toDot(model), { format: 'svg' })
    expect(drawn.status).toBe('success')
    const svg = drawn.status === 'success' ? drawn.output : ''
    const mermaid = renderMermaidSVG(toMermaid(model))
    for (const text of [svg, mermaid]) expect(text).not.toMatch(uncarriable)
    expect(expatErrors([svg, mermaid])).toEqual(['', ''])
  })
})
