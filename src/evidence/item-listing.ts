import type { ActorId, AssetId } from '../model/primitives.js'
import { type Level, levels, type LoopOutcomePromise } from '../model/vocabulary.js'
import type { MeasureContext } from './context.js'
import type { ItemResult } from './item.js'
import { type Stage, stages } from './mapping.js'

/**
 * One feedback item as measured: its pseudonymised id, the day it was raised, who
 * raised it, the stages it reached (days after it was raised) and its outcome.
 * @category Evidence
 */
export interface ItemMeasurement {
  /** `item/` and the first 12 bytes of HMAC-SHA-256 in hex (with a key), else `item/<case id>`. */
  readonly item: string
  /** The day it was raised, `YYYY-MM-DD` (UTC). */
  readonly raisedOn: string
  readonly raisedBy?: ActorId
  readonly source?: AssetId
  readonly level?: Level
  readonly outcome: 'open' | LoopOutcomePromise
  readonly stages: Readonly<Partial<Record<Stage, number>>>
  /** For an open item, the last actor it reached. */
  readonly stopsAt?: ActorId
}

/** `YYYY-MM-DD` for a day number since 1970-01-01 (Hinnant's civil-from-days). @internal */
export const isoDate = (days: number): string => {
  const z = Math.floor(days) + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

// Stage times to the minute: enough for a report, and no finer than a log needs.
const toMinute = (days: number): number => Math.round(days * 1440) / 1440

/** The listing of one measured item. @internal */
export const itemMeasurement = (context: MeasureContext, item: string, result: ItemResult, outcome: ItemMeasurement['outcome']): ItemMeasurement => {
  const reached: Partial<Record<Stage, number>> = {}
  result.stageDays.forEach((days, index) => {
    if (!Number.isNaN(days)) reached[stages[index]!] = toMinute(days)
  })
  return {
    item,
    raisedOn: isoDate(result.origin),
    ...(result.raiser >= 0 ? { raisedBy: context.actorIds[result.raiser]! as ActorId } : {}),
    ...(result.source >= 0 ? { source: context.assetIds[result.source]! as AssetId } : {}),
    ...(result.level >= 0 ? { level: levels[result.level]! } : {}),
    outcome,
    stages: reached,
    ...(result.stopsAt >= 0 ? { stopsAt: context.actorIds[result.stopsAt]! as ActorId } : {}),
  }
}
