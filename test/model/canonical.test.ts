import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../src/model/codecs.js'
import { canonicalModel, compareIds, inCanonicalOrder, mergeById, positionAfter, positionOfId, positionsOfIds } from '../../src/model/canonical.js'

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

  it('finds positions by id as a scan of the list does, and merges as sorting does', () => {
    const pool = ['', 'a', 'b', 'c', 'c10', 'c2', 'repair-', 'repair-1', 'repair-10', 'repair-2', 'repair.', 'z']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 30 }), fc.array(fc.constantFrom(...pool), { maxLength: 8 }), fc.nat(), (ids, asked, start) => {
        const sorted = [...ids].sort(compareIds).map(item)
        // Positions, from any start before which no id comes after the one asked for.
        for (const id of asked) {
          const after = sorted.findIndex((entry) => compareIds(entry.id, id) > 0)
          const expected = after < 0 ? sorted.length : after
          const from = Math.min(start % (sorted.length + 1), expected)
          expect(positionAfter(sorted, id, from)).toBe(expected)
          expect(positionOfId(sorted, id)).toBe(sorted.map((entry) => entry.id).lastIndexOf(id))
        }
        const found = positionsOfIds(sorted, asked)
        const expected = new Map(asked.filter((id) => ids.includes(id)).map((id) => [id, sorted.map((entry) => entry.id).lastIndexOf(id)]))
        expect(found).toEqual(expected)
        // Merged: ids the list does not have, as a stable sort of the list followed by them puts them.
        const added = [...new Set(asked)].filter((id) => !ids.includes(id)).map((id) => item(id, 1))
        expect(mergeById(sorted, added)).toEqual([...sorted, ...added].sort((a, b) => compareIds(a.id, b.id)))
      }),
      { numRuns: 500, seed: 9 },
    )
  })

  it('takes a model noted as built in canonical order as it is, without checking it again', () => {
    // Trusted, not checked: noting a model out of order (which the library never does) shows it.
    expect(canonicalModel(modelOf(['b', 'a'].map(item))).channels.map((entry) => entry.id)).toEqual(['a', 'b'])
    const noted = inCanonicalOrder(modelOf(['b', 'a'].map(item)))
    expect(canonicalModel(noted)).toBe(noted)
  })
})
