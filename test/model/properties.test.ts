import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeModel, parseModel } from '../../src/model/decode.js'
import type { ModelError } from '../../src/model/errors.js'
import { mutatedDocument, parentOf, resolvePointer, validDocument } from './fixtures.js'

/** Every error's path exists in the input; for a missing field, its parent does and the key does not. */
const pathsExistIn = (input: unknown, errors: ReadonlyArray<ModelError>): boolean =>
  errors.every((error) => {
    if (error.code === 'too-many-errors' || error.code === 'invalid-json') return error.path === ''
    if (error.code !== 'missing-field') return resolvePointer(input, error.path).found
    const { parent, key } = parentOf(error.path)
    const owner = resolvePointer(input, parent)
    return (
      owner.found &&
      typeof owner.value === 'object' &&
      owner.value !== null &&
      !Array.isArray(owner.value) &&
      (!Object.hasOwn(owner.value, key) || (owner.value as Record<string, unknown>)[key] === undefined)
    )
  })

const checkDecode = (input: unknown): void => {
  const result = decodeModel(input)
  if (result._tag === 'Right') {
    expect(result.right.schema).toBe('orgintel/v2')
    return
  }
  expect(result.left.length).toBeGreaterThan(0)
  expect(pathsExistIn(input, result.left)).toBe(true)
}

describe('decodeModel on arbitrary input', () => {
  it('never throws on arbitrary JSON values, and every error path exists in the input', () => {
    fc.assert(fc.property(fc.jsonValue(), checkDecode), { numRuns: 500 })
  })

  it('never throws on mutated valid documents, and every error path exists in the input', () => {
    fc.assert(fc.property(mutatedDocument, checkDecode), { numRuns: 1000 })
  })

  it('refuses valid documents with arbitrary extra top-level keys, one unknown-field error per key', () => {
    const known = new Set(Object.keys(validDocument()).concat('description'))
    const withExtra = fc
      .dictionary(fc.string().filter((key) => !known.has(key)), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 3 })
      .map((extra) => ({ extra: Object.keys(extra), document: { ...extra, ...validDocument() } }))
    fc.assert(
      fc.property(withExtra, ({ extra, document }) => {
        const result = decodeModel(document)
        expect(result._tag === 'Left' && result.left.map((error) => [error.code, error.path])).toEqual(
          extra.map((key) => ['unknown-field', `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`]),
        )
      }),
      { numRuns: 200 },
    )
  })
})

describe('parseModel on arbitrary text', () => {
  it('never throws, and invalid JSON gives a line and column inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.json().map((text) => text.slice(0, -1))), (text) => {
        const result = parseModel(text)
        let parsed = true
        try {
          JSON.parse(text)
        } catch {
          parsed = false
        }
        if (parsed) return
        expect(result._tag).toBe('Left')
        if (result._tag === 'Right') return
        const [error] = result.left
        expect(error?.code).toBe('invalid-json')
        const lines = text.split('\n')
        expect(error?.line).toBeGreaterThanOrEqual(1)
        expect(error?.line).toBeLessThanOrEqual(lines.length)
        expect(error?.column).toBeGreaterThanOrEqual(1)
        expect(error?.column).toBeLessThanOrEqual((lines[(error?.line ?? 1) - 1]?.length ?? 0) + 1)
      }),
      { numRuns: 1000 },
    )
  })
})
