import type { Model } from './codecs.js'

/**
 * Compare ids by UTF-16 code units, the same in every locale and runtime (not
 * `localeCompare`), so sorted output is byte-identical everywhere.
 * @category Model
 */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Length of the longest prefix already in id order. */
const sortedPrefix = (items: ReadonlyArray<{ readonly id: string }>): number => {
  for (let i = 1; i < items.length; i++) if (compareIds(items[i - 1]!.id, items[i]!.id) > 0) return i
  return items.length
}

const byId = (a: { readonly id: string }, b: { readonly id: string }): number => compareIds(a.id, b.id)

/**
 * First position in `sorted` (in id order), from `from` on, whose id comes after `id`,
 * where every id before `from` does not: a gallop from `from`, then a binary search,
 * O(log distance), so that ids looked up in order cost little more than a walk. @internal
 */
export const positionAfter = (sorted: ReadonlyArray<{ readonly id: string }>, id: string, from = 0): number => {
  let lo = from
  let hi = from
  for (let step = 1; hi < sorted.length && compareIds(sorted[hi]!.id, id) <= 0; step *= 2) ((lo = hi + 1), (hi += step))
  hi = Math.min(hi, sorted.length)
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compareIds(sorted[mid]!.id, id) <= 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Position in `sorted` (in id order) of the item with an id, the last of repeated ids; `-1` for none. O(log n). @internal */
export const positionOfId = (sorted: ReadonlyArray<{ readonly id: string }>, id: string): number => {
  const after = positionAfter(sorted, id)
  return after > 0 && sorted[after - 1]!.id === id ? after - 1 : -1
}

/**
 * Positions in `sorted` (in id order) of the items with some ids (the last of repeated
 * ids), for those it has: the ids looked up in order, each from where the last was found.
 * O(k log k + k log(n / k)). @internal
 */
export const positionsOfIds = (sorted: ReadonlyArray<{ readonly id: string }>, ids: Iterable<string>): Map<string, number> => {
  const positions = new Map<string, number>()
  let after = 0
  for (const id of [...new Set(ids)].sort(compareIds)) {
    after = positionAfter(sorted, id, after)
    if (after > 0 && sorted[after - 1]!.id === id) positions.set(id, after - 1)
  }
  return positions
}

/**
 * `sorted` (in id order) with `added` (ids `sorted` does not have, in any order) put in
 * their places: what {@link sortById} gives for `sorted` followed by `added`, in
 * O(n + k log k) with no comparison of most of the items that stay.
 * @internal
 */
export const mergeById = <T extends { readonly id: string }>(sorted: ReadonlyArray<T>, added: ReadonlyArray<T>): ReadonlyArray<T> => {
  if (added.length === 0) return sorted
  const merged: T[] = new Array(sorted.length + added.length)
  let i = 0
  let k = 0
  for (const item of [...added].sort(byId)) {
    for (const end = positionAfter(sorted, item.id, i); i < end; ) merged[k++] = sorted[i++]!
    merged[k++] = item
  }
  while (i < sorted.length) merged[k++] = sorted[i++]!
  return merged
}

/**
 * `items` in id order (a stable sort by {@link compareIds}); `items` itself when already
 * in that order. A sorted prefix is kept and only the rest sorted and merged in, so a
 * sorted list with a few items appended (as repairs append channels) costs
 * O(n + k log k), not O(n log n).
 * @category Model
 */
export const sortById = <T extends { readonly id: string }>(items: ReadonlyArray<T>): ReadonlyArray<T> => {
  const split = sortedPrefix(items)
  if (split === items.length) return items
  const tail = items.slice(split).sort(byId)
  const merged: T[] = new Array(items.length)
  let i = 0
  let j = 0
  for (let k = 0; k < merged.length; k++) {
    merged[k] = j >= tail.length || (i < split && compareIds(items[i]!.id, tail[j]!.id) <= 0) ? items[i++]! : tail[j++]!
  }
  return merged
}

/** Models built in canonical order by this library, so that {@link canonicalModel} need not check them again. */
const canonical = new WeakSet<Model>()

/** `model`, noted as built in canonical order (every list in id order) so that {@link canonicalModel} returns it as it is. @internal */
export const inCanonicalOrder = (model: Model): Model => {
  canonical.add(model)
  return model
}

/**
 * The same model with actors, assets, channels and declared loops in id order, so that
 * everything computed from it — compiled indices, component numbers, which loops a
 * bounded search finds, which repairs are chosen — is the same whatever order the
 * document listed them in. The input is not changed. O(n log n), O(n) when already
 * sorted (then the model itself is returned).
 * @category Model
 */
export const canonicalModel = (model: Model): Model => {
  if (canonical.has(model)) return model
  const actors = sortById(model.actors)
  const assets = sortById(model.assets)
  const channels = sortById(model.channels)
  const loops = sortById(model.loops)
  if (actors === model.actors && assets === model.assets && channels === model.channels && loops === model.loops) {
    return model
  }
  return { ...model, actors, assets, channels, loops }
}
