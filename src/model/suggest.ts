/**
 * "Did you mean": the known name closest to a misspelt one. Shared by every reader of
 * untrusted input (model documents, and any layer above that refuses unknown names).
 * @packageDocumentation
 */

import { quoteId } from './errors.js'

/** Names longer than this are not compared: a key of a million characters is no typo. */
const longestCompared = 64

/**
 * Edit distance (insertions, deletions, substitutions and swaps of two neighbours)
 * between two short strings, or `limit + 1` once it is certain to exceed `limit`.
 * O(a·b) time, O(b) space.
 */
const editDistance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before = new Array<number>(b.length + 1).fill(0)
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  let current = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let smallest = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1)
      current[j] = best
      if (best < smallest) smallest = best
    }
    if (smallest > limit) return limit + 1
    ;[before, previous, current] = [previous, current, before]
  }
  return previous[b.length]!
}

/**
 * The candidate closest to `name`, ignoring case, if one is close enough to be a
 * likely typo: at most one edit for names of up to four characters, two up to eight,
 * three beyond (`Status` → `status`, `reliabilty` → `reliability`, `Patient` →
 * `patient`; an exact match is distance 0). Ties go to the earlier candidate.
 * `undefined` when none is close.
 * @internal
 */
export const closestName = (name: string, candidates: Iterable<string>): string | undefined => {
  if (name.length === 0 || name.length > longestCompared) return undefined
  const lower = name.toLowerCase()
  const limit = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), Math.min(limit, bestDistance - 1))
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
      if (distance === 0) break
    }
  }
  return best
}

/**
 * What follows "this name is wrong" in a message: `" Did you mean 'x'?"` for the
 * candidate closest to `name` (see {@link closestName}), or, when none is close and
 * `intro` is given, every candidate after it (`" Its fields are 'a', 'b'."`), so a wrong
 * name is always followed by one that would do. `""` when there is nothing to say.
 * O(candidates × length²).
 * @internal
 */
export const suggestName = (name: string, candidates: Iterable<string>, intro?: string): string => {
  const names = [...candidates]
  const suggestion = closestName(name, names)
  if (suggestion !== undefined) return ` Did you mean ${quoteId(suggestion)}?`
  return intro === undefined || names.length === 0 ? '' : ` ${intro} ${names.map(quoteId).join(', ')}.`
}
