import { describe, expect, it } from 'vitest'
import { decodeModel, parseModel } from '../../src/model/decode.js'
import { codesAndPaths, errorsOf, validDocument, withChange } from './fixtures.js'





describe('ids that no writer can carry are refused (invalid-id)', () => {
  it.each([
    ['a C0 control character', 'ward\n7', 'U+000A', 5],
    ['a NUL', '\u0000', 'U+0000', 1],
    ['U+FFFE', 'a\ufffe', 'U+FFFE', 2],
    ['U+FFFF', '\uffffb', 'U+FFFF', 1],
    ['a lone high surrogate', 'ward\ud83c', 'U+D83C', 5],
    ['a lone low surrogate', '\udfe5ward', 'U+DFE5', 1],
  ])('%s, named by its code point', (_, id, codePoint, position) => {
    const errors = errorsOf(withChange((d) => (d['actors'][2]['id'] = id)))
    expect(errors[0]).toMatchObject({ code: 'invalid-id', path: '/actors/2/id' })
    expect(errors[0]?.message).toContain(`${codePoint} at position ${position}`)
    // The label does not quote the refused id, and counts as the path does.
    expect(errors[0]?.message.startsWith("Actor at /actors/2: 'id' must be a non-empty id, but it contains ")).toBe(true)
    expect(errors[0]?.message).not.toMatch(/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/)
  })

  it('in every collection and every reference', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['assets'][0]['id'] = 's\t'
        d['assets'][1]['holder'] = 'n\r'
        d['channels'][0]['id'] = 'c\u001f'
        d['channels'][1]['carries'] = ['x\u0001']
        d['loops'][0]['id'] = 'l\ud800'
        d['loops'][0]['through'] = ['patients', 'p\u0002', 'patients']
      }),
    )
    expect(codesAndPaths(errors).filter(([code]) => code === 'invalid-id')).toEqual([
      ['invalid-id', '/assets/0/id'],
      ['invalid-id', '/assets/1/holder'],
      ['invalid-id', '/channels/0/id'],
      ['invalid-id', '/channels/1/carries/0'],
      ['invalid-id', '/loops/0/id'],
      ['invalid-id', '/loops/0/through/1'],
    ])
  })

  it('ids differing only in a refused character can no longer decode as two actors', () => {
    const document = withChange((d) => d['actors'].push({ id: 'patients\u0000', name: 'Twin', kind: 'patient', levels: ['delivery'] }))
    expect(codesAndPaths(errorsOf(document))).toEqual([['invalid-id', '/actors/3/id']])
  })

  it('an empty id stays an invalid value, not an invalid id', () => {
    expect(codesAndPaths(errorsOf(withChange((d) => (d['actors'][0]['id'] = ''))))[0]).toEqual(['invalid-value', '/actors/0/id'])
  })

  it('accepts every other character: emoji pairs, bidi marks, C1 controls, quotes, spaces', () => {
    const ids = ['🏥 ward', '\u202eward', 'a\u0085b', 'x\u007fy', `it's "quoted"`, ' ', '\u200b']
    const document = withChange((d) => {
      d['actors'] = ids.map((id) => ({ id, name: 'N', kind: 'patient', levels: ['delivery'] }))
      d['assets'] = []
      d['channels'] = []
      d['loops'] = []
    })
    expect(decodeModel(document)._tag).toBe('Right')
  })

  it('reads a refused id from JSON text, where it is written as an escape', () => {
    const text = JSON.stringify(validDocument()).replace('"id":"nurses"', '"id":"nurses\\u0007"')
    const result = parseModel(text)
    expect(result._tag === 'Left' && codesAndPaths(result.left)[0]).toEqual(['invalid-id', '/actors/1/id'])
  })
})

describe('text: names, tags and descriptions', () => {
  it('may hold control characters and any complete character', () => {
    const document = withChange((d) => {
      d['name'] = 'Line one\nline two\ttab \u0007 🏥'
      d['description'] = 'a\u0000b\ufffe'
      d['actors'][0]['tags'] = ['tab\there', '\uffff']
    })
    expect(decodeModel(document)._tag).toBe('Right')
  })

  it('refuses a lone surrogate anywhere, with its code point and without quoting the text', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['name'] = 'Mrs Example \ud800'
        d['description'] = '\udc00 notes'
        d['actors'][0]['name'] = 'Name\ud83c'
        d['actors'][1]['tags'] = ['ok', 'bad\udfff']
        d['assets'][0]['name'] = '\ud800'
        d['loops'][0]['name'] = 'x\udbff'
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-value', '/name'],
      ['invalid-value', '/description'],
      ['invalid-value', '/actors/0/name'],
      ['invalid-value', '/actors/1/tags/1'],
      ['invalid-value', '/assets/0/name'],
      ['invalid-value', '/loops/0/name'],
    ])
    expect(errors[0]?.message).toBe(
      "The model: 'name' must be non-empty text, but it contains a lone surrogate (half of a character pair) U+D800 at position 13, which UTF-8 cannot carry.",
    )
    for (const error of errors) expect(error.message).not.toMatch(/Example|notes|Name|bad/)
  })
})
