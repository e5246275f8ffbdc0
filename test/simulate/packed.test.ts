import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { internRows } from '../../src/simulate/packed.js'

/** The rows as strings of their numbers (Object.is tells 0 from -0), for comparing with a Map-based oracle. */
const rowKey = (rows: Float64Array, width: number, row: number): string =>
  Array.from(rows.subarray(row * width, row * width + width), (value) => (Object.is(value, -0) ? '-0' : String(value))).join(',')

describe('internRows', () => {
  it('numbers distinct rows in order of first appearance and copies them exactly', () => {
    // Few distinct values, so rows repeat often; -0, NaN and infinities are rows too.
    const value = fc.constantFrom(0, -0, 0.25, 1 / 3, 1, Number.NaN, Number.POSITIVE_INFINITY, 1e-300)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(value, { maxLength: 120 }), (width, values) => {
        const count = Math.floor(values.length / width)
        const rows = Float64Array.from(values.slice(0, count * width))
        const { index, table } = internRows(rows, width, count)
        const oracle = new Map<string, number>()
        for (let row = 0; row < count; row++) {
          const key = rowKey(rows, width, row)
          if (!oracle.has(key)) oracle.set(key, oracle.size)
          expect(index[row]).toBe(oracle.get(key))
          expect(rowKey(table, width, index[row]!)).toBe(key)
        }
        expect(table.length).toBe(oracle.size * width)
      }),
      { numRuns: 300 },
    )
  })
})
