import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../src/model/codecs.js'
import { canonicalModel, compareIds } from '../../src/model/canonical.js'

const item = (id: string, tag: number) => ({ id, tag })
const modelOf = (channels: ReadonlyArray<{ id: string; tag: number }>): Model =>
  ({ schema: 'orgintel/v2', id: 'm', name: 'M', actors: [], assets: [], channels, loops: [] }) as unknown as Model

describe('canonicalModel', () => {
  it('orders items by id exactly as a stable sort of the whole list, however much of it is already sorted', () => {
    const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'c10', 'c2', 'repair-1', 'repair-10', 'repair-2', 'z'), { maxLength: 30 })
    fc.assert(
      fc.property(ids, ids, (sortedPart, appended) => {
        // A sorted model with items appended, as applying repairs makes it, and arbitrary orders alike.
        const channels = [...[...sortedPart].sort(compareIds), ...appended].map(item)
        const expected = [...channels].sort((a, b) => compareIds(a.id, b.id))
        expect(canonicalModel(modelOf(channels)).channels).toEqual(expected)
      }),
      { numRuns: 500, seed: 5 },
    )
  })

  it('returns the model itself when everything is already in order', () => {
    const model = modelOf(['a', 'b', 'b', 'c'].map(item))
    expect(canonicalModel(model)).toBe(model)
  })
})
