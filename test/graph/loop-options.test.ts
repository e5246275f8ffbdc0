import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findLoops, parseModel } from '../../src/index.js'

const ward = (() => {
  const result = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
  if (result._tag === 'Left') throw new Error('the ward example must decode')
  return result.right
})()

describe('findLoops options at their edges', () => {
  const all = findLoops(ward, { maxLength: ward.actors.length })

  it('treats maxLength: Infinity as no length bound', () => {
    expect(all.loops.length).toBe(3)
    expect(findLoops(ward, { maxLength: Number.POSITIVE_INFINITY })).toEqual(all)
  })

  it('treats NaN bounds as absent and rounds fractional ones down', () => {
    expect(findLoops(ward, { maxLength: Number.NaN, maxLoops: Number.NaN, budget: Number.NaN })).toEqual(findLoops(ward))
    expect(findLoops(ward, { maxLength: 4.9 })).toEqual(findLoops(ward, { maxLength: 4 }))
  })

  it('finds nothing, and says so, with a negative or zero count', () => {
    expect(findLoops(ward, { maxLoops: -1 })).toEqual({ loops: [], truncated: true })
    expect(findLoops(ward, { maxLength: 0 }).loops).toEqual([])
  })
})
