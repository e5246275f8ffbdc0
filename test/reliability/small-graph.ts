/**
 * Oracles for the algorithm fuzzers: slow, plainly correct answers for models of a
 * dozen actors (brute force over an adjacency matrix), to compare the library with.
 */
import type { Model } from '../../src/index.js'

export interface SmallGraph {
  readonly ids: ReadonlyArray<string>
  readonly indexOf: ReadonlyMap<string, number>
  /** `arc[u][v]`: some kept channel runs from actor u to actor v. */
  readonly arc: ReadonlyArray<ReadonlyArray<boolean>>
  /** `latency[u][v]`: the least `latencyDays` of those channels (absent counts 0), or Infinity. */
  readonly latency: ReadonlyArray<ReadonlyArray<number>>
}

type Channel = Model['channels'][number]

/** The active channels of a model (or those `keep` keeps) as a matrix over its actors. */
export const smallGraph = (model: Model, keep: (channel: Channel) => boolean = (c) => c.status === 'active'): SmallGraph => {
  const ids = model.actors.map((actor) => actor.id as string)
  const indexOf = new Map(ids.map((id, i) => [id, i]))
  const arc = ids.map(() => ids.map(() => false))
  const latency = ids.map(() => ids.map(() => Number.POSITIVE_INFINITY))
  for (const channel of model.channels) {
    if (!keep(channel)) continue
    const u = indexOf.get(channel.from)!
    const v = indexOf.get(channel.to)!
    arc[u]![v] = true
    latency[u]![v] = Math.min(latency[u]![v]!, channel.latencyDays ?? 0)
  }
  return { ids, indexOf, arc, latency }
}

/** `reach[u][v]`: v can be reached from u in zero or more steps (Warshall). */
export const reachability = (graph: SmallGraph): boolean[][] => {
  const n = graph.ids.length
  const reach = graph.arc.map((row, u) => row.map((value, v) => value || u === v))
  for (let k = 0; k < n; k++) for (let u = 0; u < n; u++) if (reach[u]![k]) for (let v = 0; v < n; v++) if (reach[k]![v]) reach[u]![v] = true
  return reach
}

/** Least hops (or least latency) from u to v in one or more steps; Infinity when none (Floyd–Warshall). */
export const distances = (graph: SmallGraph, weight: 'hops' | 'latency'): number[][] => {
  const n = graph.ids.length
  const d = graph.arc.map((row, u) => row.map((value, v) => (value ? (weight === 'hops' ? 1 : graph.latency[u]![v]!) : Number.POSITIVE_INFINITY)))
  for (let k = 0; k < n; k++) for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) d[u]![v] = Math.min(d[u]![v]!, d[u]![k]! + d[k]![v]!)
  return d
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Every elementary cycle of the graph, each as a JSON list of actor ids rotated to start
 * at the id that sorts first: a depth-first search from each start over larger indices.
 */
export const elementaryCycles = (graph: SmallGraph): Set<string> => {
  const n = graph.ids.length
  const cycles = new Set<string>()
  for (let start = 0; start < n; start++) {
    const stack: Array<{ path: number[] }> = [{ path: [start] }]
    while (stack.length > 0) {
      const { path } = stack.pop()!
      const last = path[path.length - 1]!
      for (let next = 0; next < n; next++) {
        if (!graph.arc[last]![next]) continue
        if (next === start) cycles.add(canonicalCycle(path.map((v) => graph.ids[v]!)))
        else if (next > start && !path.includes(next)) stack.push({ path: [...path, next] })
      }
    }
  }
  return cycles
}

/** A cycle of actor ids as JSON, rotated to start at its first id in code-unit order. */
export const canonicalCycle = (actors: ReadonlyArray<string>): string => {
  let first = 0
  for (let i = 1; i < actors.length; i++) if (byCodeUnits(actors[i]!, actors[first]!) < 0) first = i
  return JSON.stringify([...actors.slice(first), ...actors.slice(0, first)])
}

/** Whether actor v lies on some cycle of the graph (one of its arcs leads back to it). */
export const onLoop = (graph: SmallGraph, v: number, reach: boolean[][] = reachability(graph)): boolean =>
  graph.arc[v]!.some((value, u) => value && reach[u]![v]!)
