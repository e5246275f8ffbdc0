import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { portableExp, portableLog, portablePow } from '../../src/stats/portable-math.js'

const close = (value: number, expected: number, relative = 2e-15): boolean =>
  Math.abs(value - expected) <= Math.max(relative * Math.abs(expected), 1e-300)

describe('portable exponential and power (basic arithmetic only)', () => {
  it('agrees with Math.exp to about one part in 10^15 over the whole range', () => {
    fc.assert(fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => close(portableExp(x), Math.exp(x))), { numRuns: 2000 })
    expect(close(portableExp(1), Math.E)).toBe(true)
    expect([portableExp(0), portableExp(-Infinity), portableExp(Infinity)]).toEqual([1, 0, Infinity])
    expect(portableExp(Number.NaN)).toBeNaN()
  })

  it('agrees with ** for the powers of survival a Kaplan–Meier interval takes', () => {
    const base = fc.double({ min: 1e-6, max: 1, noNaN: true })
    const exponent = fc.double({ min: 0.01, max: 100, noNaN: true })
    // e^(y ln x) carries the logarithm's rounding times |y ln x|; results near underflow lose precision anyway.
    const agrees = (x: number, y: number): boolean => x ** y < 1e-290 || close(portablePow(x, y), x ** y, 2e-15 * (1 + Math.abs(y * Math.log(x))))
    fc.assert(fc.property(base, exponent, agrees), { numRuns: 5000 })
    expect([portablePow(0, 2), portablePow(1, 7), portablePow(0.5, 0), portablePow(0, -1)]).toEqual([0, 1, 1, Infinity])
  })

  it('gives the logarithm of 0, of negatives and of infinity their limits instead of looping', () => {
    expect(portableLog(0)).toBe(-Infinity)
    expect(portableLog(-1)).toBeNaN()
    expect(portableLog(Infinity)).toBe(Infinity)
  })
})
