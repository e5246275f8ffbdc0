import type { CompiledGraph } from '../graph/compile.js'
import { type Level, levels } from '../model/vocabulary.js'
import type { Tally } from './tally.js'

/** What came back to the person who raised an experience (see `SimulationMetrics`). @category Simulation */
export type SimulationOutcome = 'did' | 'decided' | 'heard' | 'open'

const outcomeNames: ReadonlyArray<SimulationOutcome> = ['open', 'heard', 'decided', 'did']

/**
 * One experience of a run, for your own analysis (for instance a survival model of
 * your choosing): who raised it and when, its level, its outcome, and when a reply and
 * a reply after a change first reached its raiser (`null`: not during the run).
 * @category Simulation
 */
export interface SimulationItem {
  readonly raisedBy: string
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
      raisedAt: tally.raisedAt[x]!,
      level: levels[tally.level[x]!]!,
      outcome: outcomeNames[tally.outcome[x]!]!,
      heardBackAt: Number.isNaN(heard) ? null : heard,
      closedAt: Number.isNaN(closed) ? null : closed,
    })
  }
  return items
}
