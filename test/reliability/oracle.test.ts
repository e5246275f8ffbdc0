/**
 * The fuzzers' oracle and pointer helpers must catch what they are there to catch;
 * otherwise a fuzz run could pass by checking nothing.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { ModelError } from '../../src/index.js'
import { checkDecodeResult } from './check-result.js'
import { nameMarker } from './hostile-text.js'
import { pathPointsIntoInput, resolvePointer } from './pointer.js'

const input = { actors: [{ id: 'a', 'x/y~z': 1 }], name: `${nameMarker}1` }
const left = (...errors: ModelError[]) => E.left(errors)

describe('pointer helpers', () => {
  it('resolve own properties and array indices, with ~0 and ~1 escapes', () => {
    expect(resolvePointer(input, '/actors/0/x~1y~0z')).toEqual({ found: true, value: 1 })
    expect(resolvePointer(input, '/actors/1').found).toBe(false)
    expect(resolvePointer(input, '/actors/01').found).toBe(false)
    expect(resolvePointer(input, '/actors/0/toString').found).toBe(false)
    expect(resolvePointer(input, 'actors').found).toBe(false)
  })

  it('accept a missing field only where its parent exists', () => {
    expect(pathPointsIntoInput(input, '/actors/0/kind', 'missing-field')).toBe(true)
    expect(pathPointsIntoInput(input, '/actors/3/kind', 'missing-field')).toBe(false)
    expect(pathPointsIntoInput(input, '/actors/0/id', 'missing-field')).toBe(false)
  })
})

describe('checkDecodeResult', () => {
  it('accepts well-formed errors', () => {
    const result = left({ code: 'invalid-value', path: '/actors/0/id', message: "Actor 'a' is wrong." })
    expect(checkDecodeResult(input, result, { namesPlanted: true })).toEqual([])
  })

  it('flags unknown codes, stray paths, names, raw bidi characters and unmet expectations', () => {
    const result = left(
      { code: 'nonsense' as ModelError['code'], path: '/actors/0/id', message: 'x' },
      { code: 'invalid-type', path: '/channels/0', message: 'x' },
      { code: 'invalid-value', path: '/name', message: `The name ${nameMarker}1 is bad.` },
      { code: 'invalid-value', path: '/actors/0/id', message: 'id \u202e' },
    )
    expect(checkDecodeResult(input, result, { namesPlanted: true, expectation: { kind: 'error', code: 'duplicate-id', path: '/actors/0/id' } })).toEqual([
      'unknown code nonsense',
      "invalid-type: path '/channels/0' does not point into the input",
      'invalid-value at /name: message quotes a name or free text',
      'invalid-value at /actors/0/id: raw control or bidi character in message',
      'expected duplicate-id at /actors/0/id, got nonsense at /actors/0/id; invalid-type at /channels/0; invalid-value at /name',
    ])
  })

  it('flags a decoded model where an error was expected, and a Left without errors', () => {
    expect(checkDecodeResult({}, left(), { namesPlanted: false })).toEqual(['Left without errors'])
    const expectation = { kind: 'error', code: 'out-of-range', path: '/x' } as const
    expect(checkDecodeResult({}, E.right({ schema: 'orgintel/v2', id: 'm', name: 'm', actors: [], assets: [], channels: [], loops: [] }), { namesPlanted: false, expectation })).toEqual([
      'decoded, but expected out-of-range at /x',
    ])
  })
})
