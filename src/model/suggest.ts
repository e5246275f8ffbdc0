/**
 * "Did you mean": the known name closest to a misspelt one. Shared by every reader of
 * untrusted input (model documents, and any layer above that refuses unknown names).
 * @packageDocumentation
 */

import { quoteId } from './errors.js'

/** Names longer than this are not compared: a key of a million characters is no typo. */
const longestCompared = 64

/** Rows of the edit distance table, reused by every comparison of one finder. */
interface DistanceRows {
  before: Int32Array
  previous: Int32Array
  current: Int32Array
}

/** Rows for comparisons with strings of up to `length` characters. */
const distanceRows = (length: number): DistanceRows => ({
  before: new Int32Array(length + 2),
  previous: new Int32Array(length + 2),
  current: new Int32Array(length + 2),
})

/**
 * Edit distance (insertions, deletions, substitutions and swaps of two neighbours)
 * between two short strings, or `limit + 1` once it is certain to exceed `limit`. Only
 * the band of cells within `limit` of the diagonal is computed (Ukkonen 1985), in rows
 * that are reused, so a comparison allocates nothing: O(a·limit) time.
 */
const editDistance = (a: string, b: string, limit: number, rows: DistanceRows): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  const far = limit + 1
  let { before, previous, current } = rows
  const firstEnd = Math.min(b.length, limit)
  for (let j = 0; j <= firstEnd; j++) previous[j] = j
  if (firstEnd < b.length) previous[firstEnd + 1] = far
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - limit)
    const high = Math.min(b.length, i + limit)
    // The cells just outside the band count as too far.
    current[low - 1] = low === 1 ? i : far
    if (high < b.length) current[high + 1] = far
    let smallest = low === 1 ? i : far
    const ai = a.charCodeAt(i - 1)
    for (let j = low; j <= high; j++) {
      const bj = b.charCodeAt(j - 1)
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) best = Math.min(best, before[j - 2]! + 1)
      current[j] = best
      if (best < smallest) smallest = best
    }
    if (smallest > limit) return far
    ;[before, previous, current] = [previous, current, before]
  }
  return Math.min(previous[b.length]!, far)
}

/** A candidate prepared once: its name in lower case and its place in the list. */
interface PreparedName {
  readonly name: string
  readonly lower: string
  readonly order: number
}

/**
 * A finder of the candidate closest to a name (see {@link closestName}), prepared once
 * for many look-ups: the candidates are put in lower case and grouped by length once,
 * O(candidates), and each look-up compares only candidates whose length is within the
 * edits allowed, O(those × length). The same answers as `closestName`, until it has
 * compared `maxComparisons` names in all: a look-up that would compare more than remain
 * answers `undefined`, so that a document with thousands of ids that name nothing, in
 * a model of a million, costs a bounded time.
 * @internal
 */
export const closestNameFinder = (
  candidates: Iterable<string>,
  maxComparisons = Number.POSITIVE_INFINITY,
): ((name: string) => string | undefined) => {
  const byLength = new Map<number, PreparedName[]>()
  let order = 0
  for (const name of candidates) {
    const lower = name.toLowerCase()
    const group = byLength.get(lower.length)
    const prepared = { name, lower, order: order++ }
    if (group === undefined) byLength.set(lower.length, [prepared])
    else group.push(prepared)
  }
  let rows = distanceRows(longestCompared + 3)
  let comparisonsLeft = maxComparisons
  return (name) => {
    if (name.length === 0 || name.length > longestCompared) return undefined
    const lower = name.toLowerCase()
    const limit = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3
    let comparisons = 0
    for (let length = lower.length - limit; length <= lower.length + limit; length++) comparisons += byLength.get(length)?.length ?? 0
    if (comparisons > comparisonsLeft) return undefined
    comparisonsLeft -= comparisons
    // A few characters grow in lower case ('İ' is two): the candidates compared are at most `limit` longer.
    if (rows.current.length < lower.length + limit + 2) rows = distanceRows(lower.length + limit)
    let best: PreparedName | undefined
    let bestDistance = limit + 1
    // Nearest lengths first: a candidate whose length differs by more than the best
    // distance so far is further away, so the search stops there.
    for (let offset = 0; offset <= Math.min(limit, bestDistance); offset++) {
      for (const length of offset === 0 ? [lower.length] : [lower.length - offset, lower.length + offset]) {
        for (const candidate of byLength.get(length) ?? []) {
          // Ties are computed too, so that they go to the earlier candidate.
          const distance = editDistance(lower, candidate.lower, Math.min(limit, bestDistance), rows)
          if (distance < bestDistance || (distance === bestDistance && distance <= limit && candidate.order < best!.order)) {
            best = candidate
            bestDistance = distance
          }
        }
      }
    }
    return best?.name
  }
}

/**
 * The candidate closest to `name`, ignoring case, if one is close enough to be a
 * likely typo: at most one edit for names of up to four characters, two up to eight,
 * three beyond (`Status` → `status`, `reliabilty` → `reliability`, `Patient` →
 * `patient`; an exact match is distance 0). Ties go to the earlier candidate.
 * `undefined` when none is close. For many look-ups in one list, prepare it once with
 * {@link closestNameFinder}.
 * @internal
 */
export const closestName = (name: string, candidates: Iterable<string>): string | undefined =>
  name.length === 0 || name.length > longestCompared ? undefined : closestNameFinder(candidates)(name)

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
