import * as E from 'fp-ts/lib/Either.js'
import type { EvidenceError } from './errors.js'
import { type BadInputCount, type GroupSummary, mergeBadInput, mergeGroupLists, mergeGroups } from './summary.js'

/** The format tag of a {@link MeasurementSummary}. @category Evidence */
export const measurementFormat = 'orgintel-measurement/v1' as const

/**
 * Everything a measurement counted, before it is turned into a report: exact,
 * unsuppressed, and mergeable across shards with {@link mergeMeasurements} (split a log
 * by item, so every event of an item lies in one shard). Times are days since
 * 1970-01-01 UTC.
 * @category Evidence
 */
export interface MeasurementSummary {
  readonly format: typeof measurementFormat
  /** The model's id: summaries of different models do not merge. */
  readonly model: string
  readonly resolutionDays: number
  readonly relativeAccuracy: number
  readonly events: { readonly read: number; readonly used: number; readonly ignored: number }
  /** The earliest and latest event time (censoring is at `observedUntil`); `null` for an empty log. */
  readonly observedFrom: number | null
  readonly observedUntil: number | null
  readonly badInput: ReadonlyArray<BadInputCount>
  readonly overall: GroupSummary
  readonly groups: {
    readonly levels: ReadonlyArray<GroupSummary>
    /** Every actor an item reached. */
    readonly actors: ReadonlyArray<GroupSummary>
    /** The actor who raised the item. */
    readonly raisers: ReadonlyArray<GroupSummary>
    readonly channels: ReadonlyArray<GroupSummary>
    /** Tags of the actor who raised the item. */
    readonly tags: ReadonlyArray<GroupSummary>
    /** The model source asset the raising activity stands for. */
    readonly sources: ReadonlyArray<GroupSummary>
    /** Declared loops whose first actor raised the item, at the loop's level. */
    readonly loops: ReadonlyArray<GroupSummary>
  }
  /** Flows between actors in the records that no model channel joins. */
  readonly unmodelledFlows: ReadonlyArray<{ readonly from: string; readonly to: string; readonly items: number }>
}

const minimum = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b))
const maximum = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b))

/**
 * Merge the summaries of two shards of one log into the summary of the whole: exact
 * (counts add, risk sets and sketches merge), associative and commutative, except that
 * the row numbers kept for bad input are the first shard's first. Summaries of
 * different models, resolutions or sketch accuracies are refused. Each shard censors
 * its open items at its own last event, so shards should cover the same period.
 * O(size of the summaries).
 * @category Evidence
 */
export const mergeMeasurements = (left: MeasurementSummary, right: MeasurementSummary): E.Either<ReadonlyArray<EvidenceError>, MeasurementSummary> => {
  const errors: EvidenceError[] = []
  for (const field of ['format', 'model', 'resolutionDays', 'relativeAccuracy'] as const) {
    if (left[field] !== right[field]) {
      errors.push({ code: 'mismatched-shards', path: `/${field}`, message: `The summaries differ in ${field} (${JSON.stringify(left[field])} and ${JSON.stringify(right[field])}), so they cannot be merged.` })
    }
  }
  if (errors.length > 0) return E.left(errors)
  const flows = new Map<string, { from: string; to: string; items: number }>()
  for (const flow of [...left.unmodelledFlows, ...right.unmodelledFlows]) {
    const key = `${flow.from}\u0000${flow.to}`
    const known = flows.get(key)
    flows.set(key, known === undefined ? flow : { ...known, items: known.items + flow.items })
  }
  const groups = Object.fromEntries(
    (Object.keys(left.groups) as Array<keyof MeasurementSummary['groups']>).map((name) => [name, mergeGroupLists(left.groups[name], right.groups[name])]),
  ) as unknown as MeasurementSummary['groups']
  return E.right({
    ...left,
    events: { read: left.events.read + right.events.read, used: left.events.used + right.events.used, ignored: left.events.ignored + right.events.ignored },
    observedFrom: minimum(left.observedFrom, right.observedFrom),
    observedUntil: maximum(left.observedUntil, right.observedUntil),
    badInput: mergeBadInput(left.badInput, right.badInput),
    overall: mergeGroups(left.overall, right.overall),
    groups,
    unmodelledFlows: [...flows.values()].sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1)),
  })
}
