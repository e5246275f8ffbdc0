import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { toGexf } from '../../src/io/index.js'
import { exampleModels, expectGolden, hostileModel } from './fixtures.js'

describe('toGexf', () => {
  it.each(exampleModels())('matches the golden GEXF for %s', (name, model) => {
    const text = toGexf(model)
    expectGolden(`${name}.gexf`, text)
    expect(XMLValidator.validate(text)).toBe(true)
    expect(text).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"')
    expect(text.match(/<node /g)).toHaveLength(model.actors.length)
    expect(text.match(/<edge /g) ?? []).toHaveLength(model.channels.length)
  })

  it('writes well-formed XML for hostile ids and names', () => {
    const text = toGexf(hostileModel())
    expect(XMLValidator.validate(text)).toBe(true)
    expect(text).not.toContain('<script')
  })
})
