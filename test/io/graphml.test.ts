import { describe, expect, it } from 'vitest'
import { fromGraphML, toGraphML } from '../../src/io/index.js'
import { exampleModels, expectGolden, hostileModel, wardModel } from './fixtures.js'

describe('toGraphML and fromGraphML', () => {
  it.each(exampleModels())('round-trips %s without loss', (name, model) => {
    const text = toGraphML(model)
    expectGolden(`${name}.graphml`, text)
    const back = fromGraphML(text)
    expect(back).toEqual({ _tag: 'Right', right: model })
    if (back._tag === 'Right') expect(toGraphML(back.right)).toBe(text)
  })

  it('round-trips hostile ids, names and descriptions', () => {
    const model = hostileModel()
    expect(fromGraphML(toGraphML(model))).toEqual({ _tag: 'Right', right: model })
  })

  it('declares a key for every attribute it writes', () => {
    const text = toGraphML(wardModel())
    const declared = new Set([...text.matchAll(/<key id="([^"]+)"/g)].map((match) => match[1]))
    const used = new Set([...text.matchAll(/<data key="([^"]+)"/g)].map((match) => match[1]))
    for (const key of used) expect(declared.has(key)).toBe(true)
    expect(text).toContain('attr.name="latencyDays" attr.type="double"')
    expect(text).toContain('edgedefault="directed"')
  })

  it('reads keys by attribute name, whatever their ids', () => {
    const text = toGraphML(wardModel()).replace(/"a_kind"/g, '"d7"')
    expect(fromGraphML(text)._tag).toBe('Right')
  })

  it('refuses DOCTYPEs and entity declarations (no entity expansion)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><graphml><graph>&lol2;</graph></graphml>`
    expect(fromGraphML(bomb)).toEqual({ _tag: 'Left', left: [expect.objectContaining({ code: 'unsupported-xml' })] })
  })

  it('reports malformed XML, non-GraphML, bad JSON and model errors without throwing', () => {
    expect(fromGraphML('<graphml><graph>')).toEqual({ _tag: 'Left', left: [expect.objectContaining({ code: 'invalid-xml' })] })
    expect(fromGraphML('<svg/>')).toEqual({ _tag: 'Left', left: [expect.objectContaining({ code: 'invalid-graphml' })] })
    expect(fromGraphML('<graphml><__proto__/><graph/></graphml>')._tag).toBe('Left')
    const badJson = toGraphML(wardModel()).replace(/<data key="g_assets">[^<]*<\/data>/, '<data key="g_assets">[{</data>')
    expect(fromGraphML(badJson)).toEqual({ _tag: 'Left', left: [expect.objectContaining({ code: 'invalid-graphml', path: '/assets' })] })
    const badKind = toGraphML(wardModel()).replace('<data key="a_kind">carer</data>', '<data key="a_kind">alien</data>')
    expect(fromGraphML(badKind)).toEqual({ _tag: 'Left', left: [expect.objectContaining({ code: 'invalid-value', path: '/actors/1/kind' })] })
  })

  it('imports a minimal foreign GraphML (no assets, unnamed nodes, edges without ids)', () => {
    const text = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="k" for="node" attr.name="kind" attr.type="string"/><key id="l" for="all" attr.name="levels" attr.type="string"/>
      <key id="e" for="edge" attr.name="level" attr.type="string"/>
      <graph id="G" edgedefault="directed">
        <node id="a"><data key="k">patient</data><data key="l">delivery</data></node>
        <node id="b"><data key="k">clinician</data><data key="l">delivery</data></node>
        <edge source="a" target="b"><data key="e">delivery</data></edge>
      </graph></graphml>`
    const result = fromGraphML(text)
    expect(result._tag).toBe('Right')
    if (result._tag === 'Right') {
      expect(result.right.actors.map((actor) => actor.name)).toEqual(['a', 'b'])
      expect(result.right.channels[0]).toMatchObject({ id: 'e0', from: 'a', to: 'b', carries: [] })
    }
  })

  const foreign = (edgedefault: string, edges: string): string => `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="k" for="node" attr.name="kind" attr.type="string"/><key id="l" for="all" attr.name="levels" attr.type="string"/>
      <key id="v" for="edge" attr.name="level" attr.type="string"/>
      <graph id="G" edgedefault="${edgedefault}">
        <node id="a"><data key="k">patient</data><data key="l">delivery</data></node>
        <node id="b"><data key="k">clinician</data><data key="l">delivery</data></node>
        <node id="c"><data key="k">manager</data><data key="l">delivery</data></node>
        ${edges}
      </graph></graphml>`
  const links = (text: string) => {
    const result = fromGraphML(text)
    if (result._tag === 'Left') throw new Error(JSON.stringify(result.left))
    return result.right.channels.map((channel) => [channel.id, channel.from, channel.to])
  }

  it('reads an undirected edge as a channel each way, with a reverse id that clashes with none', () => {
    const edges = `<edge id="x" source="a" target="b"><data key="v">delivery</data></edge>
        <edge id="x~reverse" source="b" target="c" directed="true"><data key="v">delivery</data></edge>
        <edge id="y" source="c" target="a" directed="false"><data key="v">delivery</data></edge>`
    expect(links(foreign('undirected', edges))).toEqual([
      ['x', 'a', 'b'],
      ['x~reverse', 'b', 'c'],
      ['y', 'c', 'a'],
      ['x~reverse-2', 'b', 'a'],
      ['y~reverse', 'a', 'c'],
    ])
    // In a directed graph only the edge marked directed="false" runs both ways.
    expect(links(foreign('directed', edges))).toEqual([
      ['x', 'a', 'b'],
      ['x~reverse', 'b', 'c'],
      ['y', 'c', 'a'],
      ['y~reverse', 'a', 'c'],
    ])
  })

  it('reports an error in an undirected edge once, at the edge', () => {
    const text = foreign('undirected', `<edge id="x" source="a" target="nobody"><data key="v">delivery</data></edge>`)
    expect(fromGraphML(text)).toEqual({ _tag: 'Left', left: [expect.objectContaining({ code: 'unknown-reference', path: '/channels/0/to' })] })
  })

  it('gives edges without ids ids that no edge in the file has', () => {
    const edges = `<edge source="a" target="b"><data key="v">delivery</data></edge>
        <edge id="e0" source="b" target="c"><data key="v">delivery</data></edge>
        <edge source="c" target="a"><data key="v">delivery</data></edge>
        <edge id="e2-2" source="a" target="c"><data key="v">delivery</data></edge>
        <edge id="e2" source="c" target="b"><data key="v">delivery</data></edge>`
    expect(links(foreign('directed', edges)).map(([id]) => id)).toEqual(['e0-2', 'e0', 'e2-3', 'e2-2', 'e2'])
  })
})
