import { mergeRiskSets, RiskSetBuilder, type RiskSetSummary } from '../stats/risk-set.js'
import { mergeSketches, type QuantileSketch, QuantileSketchBuilder, sketchBucket } from '../stats/quantile-sketch.js'
import type { BadInputReason } from './events.js'
import { finalOutcome, type ItemResult } from './item.js'
import { type Stage, stages } from './mapping.js'

/**
 * What a measurement counted for one group of items (all items, a level, an actor, a
 * channel, a tag, a declared loop), in a form that merges exactly across shards: counts
 * add, Kaplan–Meier risk sets merge, latency sketches merge. Counts here are exact and
 * unsuppressed: a summary is working data, not a report to publish.
 * @category Evidence
 */
export interface GroupSummary {
  readonly key: string
  readonly items: number
  /** Items by their outcome at the end of the log. */
  readonly outcomes: { readonly open: number; readonly heard: number; readonly decided: number; readonly did: number }
  /** Time from raise to a reply reporting at least each outcome, censored at the log's end. */
  readonly closure: { readonly heard: RiskSetSummary; readonly decided: RiskSetSummary; readonly did: RiskSetSummary }
  /** Items whose furthest stage is each of `stages`, in order. */
  readonly funnel: ReadonlyArray<number>
  /** Days between consecutive stages an item reached. */
  readonly transitions: ReadonlyArray<{ readonly from: Stage; readonly to: Stage; readonly latency: QuantileSketch }>
  /** Where open items stopped: the last actor they reached. */
  readonly stopsAt: ReadonlyArray<{ readonly actor: string; readonly items: number }>
}

/** Collects items into a {@link GroupSummary}. @internal */
export class GroupBuilder {
  private items = 0
  private readonly outcomes = { open: 0, heard: 0, decided: 0, did: 0 }
  private readonly closure = [new RiskSetBuilder(), new RiskSetBuilder(), new RiskSetBuilder()] as const
  private readonly censored = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>()] as const
  private readonly funnel = stages.map(() => 0)
  private readonly transitions = new Map<number, QuantileSketchBuilder>()
  private readonly stopsAt = new Map<number, number>()

  constructor(private readonly resolutionDays: number, private readonly relativeAccuracy: number) {}

  /**
   * Count one item. An outcome not reached is censored at the log's end, known only
   * when the summary is made: until then it is counted by the period it was raised in.
   * `transitions` are the item's {@link stageTransitions}.
   */
  add(result: ItemResult, transitions: ReadonlyArray<number>): void {
    this.items++
    this.outcomes[finalOutcome(result)]++
    const step = this.resolutionDays
    const raisedIn = Math.ceil(result.origin / step - 1e-9)
    for (let outcome = 0; outcome < 3; outcome++) {
      const days = result.closedDays[outcome]!
      if (Number.isNaN(days)) this.censored[outcome]!.set(raisedIn, (this.censored[outcome]!.get(raisedIn) ?? 0) + 1)
      else this.closure[outcome]!.add(Math.max(0, Math.ceil(days / step - 1e-9) * step), true)
    }
    this.funnel[result.furthest]!++
    for (let i = 0; i < transitions.length; i += 3) {
      const key = transitions[i]!
      let sketch = this.transitions.get(key)
      if (sketch === undefined) this.transitions.set(key, (sketch = new QuantileSketchBuilder(this.relativeAccuracy)))
      sketch.addInBucket(transitions[i + 1]!, transitions[i + 2]!)
    }
    if (result.stopsAt >= 0) this.stopsAt.set(result.stopsAt, (this.stopsAt.get(result.stopsAt) ?? 0) + 1)
  }

  /** Count every item another builder counted, as if each were added here too. O(size of `other`). */
  absorb(other: GroupBuilder): void {
    this.items += other.items
    this.outcomes.open += other.outcomes.open
    this.outcomes.heard += other.outcomes.heard
    this.outcomes.decided += other.outcomes.decided
    this.outcomes.did += other.outcomes.did
    for (let outcome = 0; outcome < 3; outcome++) {
      this.closure[outcome]!.addSummary(other.closure[outcome]!.toSummary())
      const censored = this.censored[outcome]!
      for (const [raisedIn, count] of other.censored[outcome]!) censored.set(raisedIn, (censored.get(raisedIn) ?? 0) + count)
    }
    other.funnel.forEach((count, stage) => {
      this.funnel[stage]! += count
    })
    for (const [key, sketch] of other.transitions) {
      let mine = this.transitions.get(key)
      if (mine === undefined) this.transitions.set(key, (mine = new QuantileSketchBuilder(this.relativeAccuracy)))
      mine.addSketch(sketch.toSketch())
    }
    for (const [actor, count] of other.stopsAt) this.stopsAt.set(actor, (this.stopsAt.get(actor) ?? 0) + count)
  }

  /**
   * The summary, with items still open censored at `until` (days since 1970): after
   * the whole periods between the period each was raised in and the one `until` ends.
   */
  toSummary(key: string, actorIds: ReadonlyArray<string>, until: number): GroupSummary {
    const step = this.resolutionDays
    const end = Math.floor(until / step + 1e-9)
    const [heard, decided, did] = this.closure.map((builder, outcome) => {
      const censored = new RiskSetBuilder()
      for (const [raisedIn, count] of this.censored[outcome]!) censored.add(Math.max(0, end - raisedIn) * step, false, count)
      return mergeRiskSets(builder.toSummary(), censored.toSummary())
    }) as [RiskSetSummary, RiskSetSummary, RiskSetSummary]
    return {
      key,
      items: this.items,
      outcomes: { ...this.outcomes },
      closure: { heard, decided, did },
      funnel: [...this.funnel],
      transitions: [...this.transitions.entries()]
        .sort(([a], [b]) => a - b)
        .map(([pair, sketch]) => ({ from: stages[Math.floor(pair / stages.length)]!, to: stages[pair % stages.length]!, latency: sketch.toSketch() })),
      stopsAt: [...this.stopsAt.entries()].map(([actor, items]) => ({ actor: actorIds[actor]!, items })).sort(byKey((entry) => entry.actor)),
    }
  }
}

/**
 * The days between consecutive stages an item reached, as flat (stage pair, days,
 * sketch bucket) triples: worked out once per item, then added to each of its groups.
 * @internal
 */
export const stageTransitions = (result: ItemResult, relativeAccuracy: number): number[] => {
  const transitions: number[] = []
  let previous = -1
  result.stageDays.forEach((days, stage) => {
    if (Number.isNaN(days)) return
    if (previous >= 0 && days >= result.stageDays[previous]!) {
      const value = days - result.stageDays[previous]!
      transitions.push(previous * stages.length + stage, value, sketchBucket(value, relativeAccuracy))
    }
    previous = stage
  })
  return transitions
}

const byKey = <T>(key: (value: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)

/** Merge two summaries of the same group. @internal */
export const mergeGroups = (left: GroupSummary, right: GroupSummary): GroupSummary => {
  const transitions = new Map<string, { from: Stage; to: Stage; latency: QuantileSketch }>()
  for (const entry of [...left.transitions, ...right.transitions]) {
    const key = `${stages.indexOf(entry.from)}/${stages.indexOf(entry.to)}`
    const known = transitions.get(key)
    transitions.set(key, known === undefined ? entry : { ...known, latency: mergeSketches(known.latency, entry.latency) })
  }
  const stopsAt = new Map<string, number>()
  for (const entry of [...left.stopsAt, ...right.stopsAt]) stopsAt.set(entry.actor, (stopsAt.get(entry.actor) ?? 0) + entry.items)
  const order = (entry: { from: Stage; to: Stage }): number => stages.indexOf(entry.from) * stages.length + stages.indexOf(entry.to)
  return {
    key: left.key,
    items: left.items + right.items,
    outcomes: {
      open: left.outcomes.open + right.outcomes.open,
      heard: left.outcomes.heard + right.outcomes.heard,
      decided: left.outcomes.decided + right.outcomes.decided,
      did: left.outcomes.did + right.outcomes.did,
    },
    closure: {
      heard: mergeRiskSets(left.closure.heard, right.closure.heard),
      decided: mergeRiskSets(left.closure.decided, right.closure.decided),
      did: mergeRiskSets(left.closure.did, right.closure.did),
    },
    funnel: left.funnel.map((count, index) => count + right.funnel[index]!),
    transitions: [...transitions.values()].sort((a, b) => order(a) - order(b)),
    stopsAt: [...stopsAt.entries()].map(([actor, items]) => ({ actor, items })).sort(byKey((entry) => entry.actor)),
  }
}

/** Merge two lists of groups by key, keeping key order. @internal */
export const mergeGroupLists = (left: ReadonlyArray<GroupSummary>, right: ReadonlyArray<GroupSummary>): ReadonlyArray<GroupSummary> => {
  const byName = new Map<string, GroupSummary>()
  for (const group of [...left, ...right]) {
    const known = byName.get(group.key)
    byName.set(group.key, known === undefined ? group : mergeGroups(known, group))
  }
  return [...byName.values()].sort(byKey((group) => group.key))
}

/**
 * Bad input of one kind: how many rows, and the first 20 row numbers.
 * @category Evidence
 */
export interface BadInputCount {
  readonly reason: BadInputReason
  readonly count: number
  readonly rows: ReadonlyArray<number>
}

/** How many row numbers each bad-input reason keeps. @category Evidence */
export const reportedRows = 20

/** Merge bad-input counts by reason (row numbers of a second shard follow the first's). @internal */
export const mergeBadInput = (left: ReadonlyArray<BadInputCount>, right: ReadonlyArray<BadInputCount>): ReadonlyArray<BadInputCount> => {
  const byReason = new Map<BadInputReason, BadInputCount>()
  for (const entry of [...left, ...right]) {
    const known = byReason.get(entry.reason)
    byReason.set(entry.reason, known === undefined ? entry : { reason: entry.reason, count: known.count + entry.count, rows: [...known.rows, ...entry.rows].slice(0, reportedRows) })
  }
  return [...byReason.values()].sort(byKey((entry) => entry.reason))
}
