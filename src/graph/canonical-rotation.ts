import { compareIds } from './components.js'
import type { StepFigures } from './step-figures.js'

/**
 * Each actor's position in id order (code-unit order): one native sort of the ids, mapped
 * back through the graph's id index (or, should that index not match the ids, a sort of
 * indices by id). O(V log V).
 */
const rankActors = (figures: StepFigures): Int32Array => {
  const ids = figures.ids
  const n = ids.length
  const indexOf = figures.steps.graph.indexOf
  const rank = new Int32Array(n)
  // Default sort orders strings by code units, as `compareIds` does.
  const sorted = ids.slice().sort()
  let consistent = true
  for (let i = 0; i < n && consistent; i++) {
    const v = indexOf.get(sorted[i]!)
    if (v === undefined || ids[v] !== sorted[i]) consistent = false
    else rank[v] = i
  }
  if (consistent) return rank
  const byId = Array.from({ length: n }, (_, v) => v).sort((a, b) => compareIds(ids[a]!, ids[b]!))
  for (let i = 0; i < n; i++) rank[byId[i]!] = i
  return rank
}

/**
 * Where the cycle `path[0..length-1]` starts in canonical rotation: at the actor whose
 * id sorts first. Compares ids until about as much time has gone on comparisons as
 * ranking all actors would take (V log V / 4 comparisons: a comparison inside the
 * native sort costs about a quarter of one here), then ranks the actors once and
 * compares integers, so many loops on a small graph and a few loops on a huge one both
 * stay cheap.
 * @category Loops
 */
export const canonicalStart = (figures: StepFigures, path: ArrayLike<number>, length: number): number => {
  let start = 0
  let rank = figures.rank
  if (rank === undefined) {
    const n = figures.ids.length
    figures.comparisons += length
    if (figures.comparisons > (n * Math.log2(n + 1)) / 4 + 64) rank = figures.rank = rankActors(figures)
  }
  if (rank !== undefined) {
    let best = rank[path[0]!]!
    for (let i = 1; i < length; i++) {
      const r = rank[path[i]!]!
      if (r < best) {
        start = i
        best = r
      }
    }
    return start
  }
  const ids = figures.ids
  let startId = ids[path[0]!]!
  for (let i = 1; i < length; i++) {
    const id = ids[path[i]!]!
    if (id < startId) {
      start = i
      startId = id
    }
  }
  return start
}

/**
 * Whether the figures' actor ids ascend strictly with their index (code-unit order), as
 * in a graph compiled from a canonical model: then a cycle's smallest index is its
 * canonical start, so a cycle found from its smallest actor (no `through`) starts at 0.
 * O(V) once, then cached.
 * @category Loops
 */
export const idsAscending = (figures: StepFigures): boolean => {
  if (figures.idsAscending !== undefined) return figures.idsAscending
  const ids = figures.ids
  let ascending = true
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1]! < ids[i]!
  return (figures.idsAscending = ascending)
}
