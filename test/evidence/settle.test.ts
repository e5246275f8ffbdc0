import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { LogEvent } from '../../src/evidence/events.js'
import { summariseEvents } from '../../src/evidence/summarise.js'
import { wardMapping, wardModel } from './ward-log.js'

const model = wardModel()
const mapping = wardMapping(model)

/** 40,000 stories a day apart in groups, each with up to four events over at most six days, in time order. */
const longLog = (): LogEvent[] => {
  const events: Array<LogEvent & { day: number }> = []
  for (let item = 0; item < 40_000; item++) {
    const start = Math.floor(item / 40)
    const add = (offset: number, activity: string, resource: string) =>
      events.push({ row: 0, day: start + offset, item: `i${item}`, activity, timestamp: '', resource })
    add(0, 'Story posted', 'ward-7-patients')
    if (item % 4 !== 0) add(1, 'Alert sent', 'story-platform')
    if (item % 3 === 0) add(3, 'Action agreed', 'ward-manager')
    if (item % 2 === 0) add(item % 5 === 0 ? 6 : 4, 'Reply published', 'ward-manager')
  }
  events.sort((a, b) => a.day - b.day)
  const day0 = Date.UTC(2020, 0, 1)
  return events.map(({ day, ...event }, index) => ({ ...event, row: index + 2, timestamp: new Date(day0 + day * 86_400_000).toISOString() }))
}

describe('settling items as the log moves on', () => {
  it('gives the same summary as keeping every item to the end, when items fall silent for less than settleDays', async () => {
    const events = longLog()
    expect(events.length).toBeGreaterThan(65_536 * 1.5)
    const run = async (settleDays: number | undefined) => {
      const result = await summariseEvents(model, events, mapping, { items: false, ...(settleDays === undefined ? {} : { settleDays }) })
      if (E.isLeft(result)) throw new Error('unexpected')
      return result.right.summary
    }
    const kept = await run(undefined)
    expect(kept.overall.items).toBe(40_000)
    expect(await run(10)).toEqual(kept)
    // Settling sooner than an item's silence splits it: its late reply has no raise.
    const early = await run(0.5)
    expect(early.badInput.find((entry) => entry.reason === 'missing-raise')!.count).toBeGreaterThan(0)
  })
})
