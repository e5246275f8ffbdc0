import { describe, expect, it } from 'vitest'
import { MeasurementCollector } from '../../src/evidence/collect.js'
import { MeasureContext } from '../../src/evidence/context.js'
import { type LogEvent, parseTimestamp } from '../../src/evidence/events.js'
import { measureItem } from '../../src/evidence/item.js'
import { GroupBuilder, stageTransitions } from '../../src/evidence/summary.js'
import { createRandom } from '../../bench/generate.js'
import { wardMapping, wardModel } from './ward-log.js'

const model = wardModel()
const mapping = wardMapping(model)

/** Items whose events come from a random mix of activities and resources, so that they fall in many groups. */
const randomEvents = (seed: number, items: number): LogEvent[] => {
  const random = createRandom(seed)
  const pick = <T>(list: ReadonlyArray<T>): T => list[Math.floor(random() * list.length)]!
  const events: LogEvent[] = []
  for (let item = 0; item < items; item++) {
    const day = Math.floor(random() * 300)
    events.push({ row: events.length + 2, item: `i${item}`, activity: pick(['Story posted', 'Concern raised']), timestamp: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(), resource: pick(['Ward 7 patient', 'Carer']) })
    for (let step = Math.floor(random() * 5); step > 0; step--) {
      events.push({
        row: events.length + 2,
        item: `i${item}`,
        activity: pick(['Alert sent', 'Concern passed', 'Themed', 'Action agreed', 'Practice changed', 'Reply published', 'PALS letter']),
        timestamp: new Date(Date.UTC(2026, 0, 1 + day + Math.floor(random() * 30))).toISOString(),
        resource: pick(['Platform', 'Manager', 'Team', 'PALS', 'Carer', 'Ward 7 patient']),
      })
    }
  }
  return events
}

describe('MeasurementCollector', () => {
  it('counts the same whether it keeps one kind of item apart at a time or many', () => {
    const context = new MeasureContext(model, mapping)
    const byItem = new Map<string, number[]>()
    for (const event of randomEvents(7, 600)) {
      const time = parseTimestamp(event.timestamp)!
      const type = context.typeOf(event, []) as number
      const list = byItem.get(event.item)
      if (list === undefined) byItem.set(event.item, [time, time, event.row, type])
      else list.push(time, event.row, type)
    }
    const results = [...byItem.values()].flatMap((list) => measureItem(context, list, () => undefined) ?? [])
    const summaryWith = (kindsKept: number) => {
      const collector = new MeasurementCollector(context, 0.01, kindsKept)
      for (const result of results) collector.add(result)
      return collector.toSummary(20_800)
    }
    const many = summaryWith(1024)
    expect(many.overall.items).toBe(results.length)
    expect(new Set(results.map((result) => `${result.level} ${result.raiser} ${result.actors} ${result.channels}`)).size).toBeGreaterThan(20)
    // Items added one by one, as the groups were before they were counted by kind.
    const direct = new GroupBuilder(mapping.resolutionDays, 0.01)
    for (const result of results) direct.add(result, stageTransitions(result, 0.01))
    expect(many.overall).toEqual(direct.toSummary('all', context.actorIds, 20_800))
    expect(summaryWith(1)).toEqual(many)
    expect(summaryWith(7)).toEqual(many)
  })
})
