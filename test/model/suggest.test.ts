import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { closestName, closestNameFinder } from '../../src/model/suggest.js'

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

/** The edit distance of `closestName` (insertions, deletions, substitutions, swaps of neighbours), the whole table. */
const referenceDistance = (a: string, b: string): number => {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) table[i]![j] = Math.min(table[i]![j]!, table[i - 2]![j - 2]! + 1)
    }
  }
  return table[a.length]![b.length]!
}

/** `closestName` as documented, comparing every candidate in full. */
const referenceClosest = (name: string, candidates: ReadonlyArray<string>): string | undefined => {
  if (name.length === 0 || name.length > 64) return undefined
  const limit = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    const distance = referenceDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) ((best = candidate), (bestDistance = distance))
  }
  return best
}

describe('closestNameFinder', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-'), maxLength: 12 })

  it('gives the answers of a full comparison with every candidate, for many look-ups in one list', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(word, { maxLength: 10 }), (candidates, names) => {
        const find = closestNameFinder(candidates)
        for (const name of names) expect(find(name)).toBe(referenceClosest(name, candidates))
      }),
      { numRuns: 300 },
    )
  })

  it('finds a missing id among many that look alike', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `complaints-team-${i}`)
    const find = closestNameFinder(ids)
    expect(find('complaint-team-4321')).toBe('complaints-team-4321')
    expect(find('COMPLAINTS-TEAM-77')).toBe('complaints-team-77')
    expect(find('pals')).toBeUndefined()
  })

  it('compares a name that grows in lower case', () => {
    expect(closestName('İİİİİİİİ', ['i̇i̇i̇i̇i̇i̇i̇i̇x'])).toBe('i̇i̇i̇i̇i̇i̇i̇i̇x')
  })
})
