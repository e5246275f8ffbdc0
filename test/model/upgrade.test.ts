import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeModel, decodeModelDocument, encodeModel, parseModel, parseModelDocument } from '../../src/model/decode.js'
import { formatModelErrors } from '../../src/model/errors.js'
import { validDocument } from './fixtures.js'

const modelsFolder = new URL('../../examples/models/', import.meta.url)
const bundled = readdirSync(modelsFolder).filter((file) => file.endsWith('.json'))
const asVersion1 = (document: Record<string, unknown>): Record<string, unknown> => ({ ...document, schema: 'orgintel/v1' })

describe('reading orgintel/v1 documents', () => {
  it.each(bundled)('%s written as v1 decodes to exactly the model its v2 form does', (file) => {
    const document = JSON.parse(readFileSync(new URL(file, modelsFolder), 'utf8')) as Record<string, unknown>
    const fromVersion2 = decodeModel(document)
    expect(fromVersion2._tag).toBe('Right')
    expect(decodeModel(asVersion1(document))).toEqual(fromVersion2)
  })

  it('says that it upgraded, alongside the model, without changing decodeModel', () => {
    const result = decodeModelDocument(asVersion1(validDocument()))
    expect(result._tag).toBe('Right')
    if (result._tag === 'Left') return
    expect(result.right.model.schema).toBe('orgintel/v2')
    expect(result.right.notices).toEqual([
      {
        code: 'upgraded-from-v1',
        path: '/schema',
        message: expect.stringContaining("'orgintel/v1' and was read as 'orgintel/v2'"),
      },
    ])
    expect(formatModelErrors(result.right.notices)).toMatch(/^\/schema: .* \[upgraded-from-v1\]$/)
    expect(decodeModel(asVersion1(validDocument()))).toEqual({ _tag: 'Right', right: result.right.model })
  })

  it('gives no notice for a v2 document, and the same model decodeModel gives', () => {
    const result = decodeModelDocument(validDocument())
    expect(result._tag === 'Right' && result.right.notices).toEqual([])
    expect(decodeModel(validDocument())).toEqual({ _tag: 'Right', right: result._tag === 'Right' && result.right.model })
  })

  it('parses v1 text with a notice too, and reports errors in v1 documents as in v2 ones', () => {
    const text = JSON.stringify(asVersion1(validDocument()))
    const parsed = parseModelDocument(text)
    expect(parsed._tag === 'Right' && parsed.right.notices.map((notice) => notice.code)).toEqual(['upgraded-from-v1'])
    expect(parseModel(text)).toEqual(decodeModel(asVersion1(validDocument())))
    const broken = asVersion1({ ...validDocument(), Name: 'x' })
    const errors = decodeModelDocument(broken)
    expect(errors._tag === 'Left' && errors.left.map((error) => [error.code, error.path])).toEqual([['unknown-field', '/Name']])
  })

  it('does not change its input', () => {
    const document = asVersion1(validDocument())
    const before = JSON.stringify(document)
    decodeModelDocument(document)
    expect(JSON.stringify(document)).toBe(before)
  })

  it('refuses a format it does not know', () => {
    const result = decodeModelDocument({ ...validDocument(), schema: 'orgintel/v0' })
    expect(result._tag === 'Left' && result.left.map((error) => error.code)).toEqual(['unsupported-schema'])
  })
})

describe('encodeModel', () => {
  it('writes orgintel/v2, also for a model read from a v1 document, and the v2 form reads back without a notice', () => {
    const decoded = decodeModel(asVersion1(validDocument()))
    if (decoded._tag === 'Left') throw new Error('expected the fixture to decode')
    const encoded = encodeModel(decoded.right) as Record<string, unknown>
    expect(encoded['schema']).toBe('orgintel/v2')
    const again = decodeModelDocument(JSON.parse(JSON.stringify(encoded)))
    expect(again._tag === 'Right' && again.right).toEqual({ model: decoded.right, notices: [] })
  })
})
