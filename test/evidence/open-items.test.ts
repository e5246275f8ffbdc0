import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OpenItems } from '../../src/evidence/open-items.js'

/** What the open items were before they had a pool and a heap: a map of arrays, walked whole at every settling. */
class MapOfArrays {
  private readonly items = new Map<string, number[]>()
  add(id: string, time: number, row: number, type: number): void {
    const list = this.items.get(id)
    if (list === undefined) this.items.set(id, [time, time, row, type])
    else {
      if (time > list[0]!) list[0] = time
      list.push(time, row, type)
    }
  }
  settle(visit: (id: string, events: number[]) => void, cutoff = Infinity): void {
    for (const [id, list] of this.items) {
      if (!(list[0]! < cutoff)) continue
      this.items.delete(id)
      visit(id, list)
    }
  }
}

describe('OpenItems', () => {
  it('settles the same items with the same events in the same order as a map of arrays walked whole', () => {
    const step = fc.oneof(
      fc.record({ add: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '__proto__'), time: fc.integer({ min: 0, max: 60 }), type: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ settleBefore: fc.option(fc.integer({ min: 0, max: 70 })) }),
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const open = new OpenItems()
        const reference = new MapOfArrays()
        const seen: string[] = []
        const expected: string[] = []
        steps.forEach((each, row) => {
          if ('add' in each) {
            open.add(each.add, each.time, row, each.type)
            reference.add(each.add, each.time, row, each.type)
          } else {
            const cutoff = each.settleBefore ?? undefined
            open.settle((id, events) => seen.push(`${id}:${events.join(',')}`), cutoff)
            reference.settle((id, events) => expected.push(`${id}:${events.join(',')}`), cutoff)
          }
        })
        open.settle((id, events) => seen.push(`${id}:${events.join(',')}`))
        reference.settle((id, events) => expected.push(`${id}:${events.join(',')}`))
        expect(seen).toEqual(expected)
        expect(open.size).toBe(0)
      }),
      { numRuns: 500 },
    )
  })
})
