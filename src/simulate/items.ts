import type { CompiledGraph } from '../graph/compile.js'
import { type Level, levels } from '../model/vocabulary.js'
import type { Tally } from './tally.js'

/** What came back to the person who raised an experience (see `SimulationMetrics`). @category Simulation */
export type SimulationOutcome = 'did' | 'decided' | 'heard' | 'open'

const outcomeNames: ReadonlyArray<SimulationOutcome> = ['open', 'heard', 'decided', 'did']

/**
 * One item of a run (an experience, evidence or data raised from its source), for your
 * own analysis (for instance a survival model of your choosing): who raised it, of which
 * source and when, its level, its outcome, and when something made from it first came
 * back to its raiser and when it first came back with outcome `did` (`null`: not during
 * the run).
 * @category Simulation
 */
export interface SimulationItem {
  readonly raisedBy: string
  /** The source asset it is an item of (an `experience`, `evidence` or `data` asset the raiser holds). */
  readonly source: string
  readonly raisedAt: number
  readonly level: Level
  readonly outcome: SimulationOutcome
  readonly heardBackAt: number | null
  readonly closedAt: number | null
}

/** Every experience raised from `warmUpDays` on, in the order raised. O(x). @internal */
export const itemRecords = (tally: Tally, graph: CompiledGraph, warmUpDays: number): ReadonlyArray<SimulationItem> => {
  const items: SimulationItem[] = []
  for (let x = 0; x < tally.count; x++) {
    if (tally.raisedAt[x]! < warmUpDays) continue
    const heard = tally.heardAt[x]!
    const closed = tally.closedAt[x]!
    items.push({
      raisedBy: graph.actors[tally.raisedBy[x]!]!.id,
      source: graph.model.assets[tally.source[x]!]!.id,
      raisedAt: tally.raisedAt[x]!,
      level: levels[tally.level[x]!]!,
      outcome: outcomeNames[tally.outcome[x]!]!,
      heardBackAt: Number.isNaN(heard) ? null : heard,
      closedAt: Number.isNaN(closed) ? null : closed,
    })
  }
  return items
}
