import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { emptySketch, mergeSketches, QuantileSketchBuilder, sketchBucket, sketchQuantile, sketchValues, smallestIndexableValue } from '../../src/stats/index.js'

const exactQuantile = (values: ReadonlyArray<number>, q: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(q * (sorted.length - 1))]!
}

describe('quantile sketch', () => {
  const value = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true }))
  const values = fc.array(value, { minLength: 1, maxLength: 200 })

  it('answers every quantile within the stated relative error of the value of that rank', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.01, 0.05), (list, q, alpha) => {
        const answer = sketchQuantile(sketchValues(list, alpha), q)!
        const exact = exactQuantile(list, q)
        expect(Math.abs(answer - exact)).toBeLessThanOrEqual(alpha * exact + smallestIndexableValue)
      }),
    )
  })

  it('merges exactly: the merge of two shards is the sketch of their union', () => {
    fc.assert(
      fc.property(fc.array(value), fc.array(value), (left, right) => {
        expect(mergeSketches(sketchValues(left), sketchValues(right))).toEqual(sketchValues([...left, ...right]))
        expect(mergeSketches(sketchValues(left), emptySketch())).toEqual(sketchValues(left))
      }),
    )
  })

  it('a builder given a sketch then holds the union', () => {
    fc.assert(
      fc.property(fc.array(value), fc.array(value), (left, right) => {
        const builder = new QuantileSketchBuilder()
        for (const each of left) builder.add(each)
        builder.addSketch(sketchValues(right))
        expect(builder.toSketch()).toEqual(sketchValues([...left, ...right]))
      }),
    )
    expect(() => new QuantileSketchBuilder(0.01).addSketch(emptySketch(0.05))).toThrow(RangeError)
  })

  it('gives a hand-checked median and p90 of latencies', () => {
    // Days 1..10: rank ⌊0.5 · 9⌋ = 4 is 5 days; rank ⌊0.9 · 9⌋ = 8 is 9 days.
    const sketch = sketchValues([3, 1, 4, 10, 5, 9, 2, 6, 8, 7])
    expect(sketchQuantile(sketch, 0.5)).toBeCloseTo(5, 1)
    expect(Math.abs(sketchQuantile(sketch, 0.5)! - 5)).toBeLessThanOrEqual(0.05)
    expect(Math.abs(sketchQuantile(sketch, 0.9)! - 9)).toBeLessThanOrEqual(0.09)
    expect(sketchQuantile(sketch, 0)).toBe(1)
    expect(sketchQuantile(sketch, 1)).toBe(10)
  })

  it('is empty without values and refuses bad input', () => {
    expect(sketchQuantile(emptySketch(), 0.5)).toBeUndefined()
    expect(sketchValues([0, 0]).zeros).toBe(2)
    expect(sketchQuantile(sketchValues([0, 0, 4]), 0.5)).toBe(0)
    expect(() => new QuantileSketchBuilder().add(-1)).toThrow(RangeError)
    expect(() => new QuantileSketchBuilder(0)).toThrow(RangeError)
    expect(() => mergeSketches(emptySketch(0.01), emptySketch(0.02))).toThrow(RangeError)
    expect(() => sketchQuantile(emptySketch(), 2)).toThrow(RangeError)
  })
})

describe('quantile sketch: the same bytes in every engine', () => {
  it('finds buckets and answers quantiles without the engine-dependent Math.log and Math.exp', () => {
    // Math.log may differ in the last bit between engines; a value on a bucket's
    // edge would then land in a different bucket in a browser than in Node.
    const log = vi.spyOn(Math, 'log')
    const exp = vi.spyOn(Math, 'exp')
    try {
      const builder = new QuantileSketchBuilder(0.01)
      for (const value of [0.5, 1, 2, 3.25, 17, 365]) builder.add(value)
      const sketch = builder.toSketch()
      expect(sketchQuantile(sketch, 0.5)).toBeCloseTo(2, 1)
      expect(sketchBucket(1.0201, 0.01)).toBe(1)
      expect(log).not.toHaveBeenCalled()
      expect(exp).not.toHaveBeenCalled()
    } finally {
      log.mockRestore()
      exp.mockRestore()
    }
  })
})
