import { describe, expect, it } from 'vitest'
import { closestName } from '../../src/model/suggest.js'

const channelFields = ['id', 'from', 'to', 'carries', 'level', 'status', 'latencyDays', 'reliability', 'polarity']

describe('closestName', () => {
  it('finds a field written in the wrong case', () => {
    expect(closestName('Status', channelFields)).toBe('status')
    expect(closestName('LATENCYDAYS', channelFields)).toBe('latencyDays')
  })

  it('finds a misspelt field: a letter left out, added, changed or swapped', () => {
    expect(closestName('reliabilty', channelFields)).toBe('reliability')
    expect(closestName('carriess', channelFields)).toBe('carries')
    expect(closestName('polarty', channelFields)).toBe('polarity')
    expect(closestName('lveel', channelFields)).toBe('level')
  })

  it('suggests nothing for a name that is not close to any', () => {
    expect(closestName('notes', channelFields)).toBeUndefined()
    expect(closestName('x', ['id', 'to'])).toBeUndefined()
    expect(closestName('', channelFields)).toBeUndefined()
  })

  it('allows fewer edits in short names', () => {
    expect(closestName('ix', ['id'])).toBe('id')
    expect(closestName('xy', ['id'])).toBeUndefined()
  })

  it('prefers the closer candidate, then the earlier one', () => {
    expect(closestName('stat', ['state', 'status'])).toBe('state')
    expect(closestName('ab', ['ac', 'ad'])).toBe('ac')
  })

  it('does not compare very long names (no typo is a million characters long)', () => {
    expect(closestName('s'.repeat(1_000_000), channelFields)).toBeUndefined()
  })
})
