import type { CompiledGraph } from '../graph/compile.js'
import { type Level, levels } from '../model/vocabulary.js'
import { share } from './result.js'
import { type Tally, outcomeDid, outcomeOpen, responded } from './tally.js'

/**
 * What one group of people who raise experiences got back: an actor, everyone with a
 * tag, or everyone whose lowest level is a level. Raising rates are per person (an actor
 * raises for everyone it `represents`), so each share counts every person alike: a
 * forum that stands for 400 people weighs 400 times one patient.
 * @category Simulation
 */
export interface SimulationGroup {
  /** The actor's id, the tag or the level. */
  readonly group: string
  /** People the group stands for: the sum of `represents` (default 1) over its actors that raise experiences. */
  readonly people: number
  /** Experiences its actors raised from `warmUpDays` on. */
  readonly experiencesRaised: number
  /** Share of them that someone replied to. */
  readonly responseRate: number | null
  /** Share of them for which a reply reached the person who raised them. */
  readonly heardBackRate: number | null
  /** Share of them closed with outcome `did` (see `SimulationMetrics.closureRate`). */
  readonly closureRate: number | null
}

/** Results by who raised the experiences: who is and who is not heard back. @category Simulation */
export interface SimulationGroups {
  /** One row per actor that raises experiences, in model order. */
  readonly actors: ReadonlyArray<SimulationGroup>
  /** One row per tag of such actors, in order of first appearance. */
  readonly tags: ReadonlyArray<SimulationGroup>
  /** One row per level that such actors have as their lowest, lowest first. */
  readonly levels: ReadonlyArray<SimulationGroup>
}

/** Counts per group: people, raised, answered, heard back, closed. */
const width = 5

const row = (group: string, counts: Float64Array, at: number): SimulationGroup => {
  const raised = counts[at + 1]!
  return {
    group,
    people: counts[at]!,
    experiencesRaised: raised,
    responseRate: share(counts[at + 2]!, raised),
    heardBackRate: share(counts[at + 3]!, raised),
    closureRate: share(counts[at + 4]!, raised),
  }
}

/**
 * Results per actor, tag and level for the actors that raise experiences (a positive
 * raising rate at the start), counting experiences raised from `warmUpDays` on.
 * O(V + tags + experiences).
 * @internal
 */
export const groupResults = (
  tally: Tally,
  graph: CompiledGraph,
  raiseRate: Float64Array,
  actorLevel: Uint8Array,
  warmUpDays: number,
): SimulationGroups => {
  const n = graph.actorCount
  const perActor = new Float64Array(n * width)
  for (let v = 0; v < n; v++) perActor[v * width] = graph.actors[v]!.represents ?? 1
  for (let x = 0; x < tally.count; x++) {
    if (tally.raisedAt[x]! < warmUpDays) continue
    const at = tally.raisedBy[x]! * width
    const outcome = tally.outcome[x]!
    perActor[at + 1]!++
    if ((tally.flags[x]! & responded) !== 0) perActor[at + 2]!++
    if (outcome !== outcomeOpen) perActor[at + 3]!++
    if (outcome === outcomeDid) perActor[at + 4]!++
  }
  const tagIndex = new Map<string, number>()
  const tagCounts: number[] = []
  const levelCounts = new Float64Array(levels.length * width)
  const actors: SimulationGroup[] = []
  const add = (target: Float64Array | number[], to: number, from: number): void => {
    for (let i = 0; i < width; i++) target[to + i] = (target[to + i] ?? 0) + perActor[from + i]!
  }
  const raising = new Uint8Array(levels.length)
  for (let v = 0; v < n; v++) {
    if (!(raiseRate[v]! > 0)) continue
    const actor = graph.actors[v]!
    actors.push(row(actor.id, perActor, v * width))
    add(levelCounts, actorLevel[v]! * width, v * width)
    raising[actorLevel[v]!] = 1
    for (const tag of actor.tags ?? []) {
      let index = tagIndex.get(tag)
      if (index === undefined) {
        index = tagIndex.size
        tagIndex.set(tag, index)
      }
      add(tagCounts, index * width, v * width)
    }
  }
  const tagArray = Float64Array.from(tagCounts)
  return {
    actors,
    tags: [...tagIndex].map(([tag, index]) => row(tag, tagArray, index * width)),
    levels: levels.flatMap((level: Level, index) => (raising[index] === 1 ? [row(level, levelCounts, index * width)] : [])),
  }
}
