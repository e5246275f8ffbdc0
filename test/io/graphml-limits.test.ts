/**
 * GraphML reading stays linear and its limits are named (issue 14, item 14): fresh ids
 * for many edges sharing one id are found without rescanning, and XML nested deeper
 * than the reader accepts is refused with the limit in the message.
 */
import { describe, expect, it } from 'vitest'
import { fromGraphML } from '../../src/io/index.js'
import { freshIds } from '../../src/io/graphml-edges.js'
import { maxXmlDepth } from '../../src/io/xml.js'

/** A set that counts its lookups. */
class CountingSet extends Set<string> {
  lookups = 0
  override has(value: string): boolean {
    this.lookups++
    return super.has(value)
  }
}

describe('GraphML limits', () => {
  it('gives 20,000 fresh ids from one base with a linear number of lookups', () => {
    const taken = new CountingSet(['x'])
    const fresh = freshIds(taken)
    const ids = Array.from({ length: 20_000 }, () => fresh('x'))
    expect(new Set(ids).size).toBe(20_000)
    expect(ids.slice(0, 3)).toEqual(['x-2', 'x-3', 'x-4'])
    expect(taken.lookups).toBeLessThan(3 * 20_000)
  })

  it('skips ids the file already has', () => {
    const fresh = freshIds(new Set(['e0', 'e0-2', 'e0-4']))
    expect([fresh('e0'), fresh('e0'), fresh('e0'), fresh('e1')]).toEqual(['e0-3', 'e0-5', 'e0-6', 'e1'])
  })

  it('reads 20,000 undirected edges sharing one id, each reverse with its own id', () => {
    const edges = Array.from({ length: 20_000 }, (_, i) => `<edge id="x" source="a${i % 2}" target="a${(i + 1) % 2}"><data key="c_level">delivery</data></edge>`)
    const node = (id: string): string => `<node id="${id}"><data key="a_kind">patient</data><data key="a_levels">delivery</data></node>`
    const text = `<graphml><graph edgedefault="undirected">${node('a0')}${node('a1')}${edges.join('')}</graph></graphml>`
    const result = fromGraphML(text)
    // The shared id is an error of the model, reported at the edges; the reverse
    // channels got distinct ids, so none of them is a duplicate.
    expect(result._tag).toBe('Left')
    const errors = result._tag === 'Left' ? result.left : []
    expect(new Set(errors.map((error) => error.code))).toEqual(new Set(['duplicate-id', 'too-many-errors']))
    // 19,999 repeats of the edge id and no more: no reverse channel repeats an id.
    const listed = errors.filter((error) => error.code === 'duplicate-id').length
    expect(errors.at(-1)?.message).toContain(`${19_999 - listed} more errors`)
  })

  it('reads GraphML nested 100 deep inside another document', () => {
    const graph = '<graphml><graph><node id="a"/></graph></graphml>'
    const result = fromGraphML(`${'<wrap>'.repeat(100)}${graph}${'</wrap>'.repeat(100)}`)
    // Not a GraphML root, so refused as such, not as badly formed XML.
    expect(result._tag === 'Left' && result.left.map((error) => error.code)).toEqual(['invalid-graphml'])
  })

  it('refuses XML nested deeper than the limit, naming the limit', () => {
    const depth = maxXmlDepth + 5
    const result = fromGraphML(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`)
    expect(result._tag === 'Left' && result.left).toEqual([
      { code: 'invalid-xml', path: '', message: 'The XML nests elements more than 1,000 deep, the most this reader accepts.' },
    ])
  })
})
