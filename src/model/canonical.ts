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

/**
 * The same model with actors, assets, channels and declared loops in id order, so that
 * everything computed from it — compiled indices, component numbers, which loops a
 * bounded search finds, which repairs are chosen — is the same whatever order the
 * document listed them in. The input is not changed. O(n log n), O(n) when already
 * sorted (then the model itself is returned).
 * @category Model
 */
export const canonicalModel = (model: Model): Model => {
  const actors = sortById(model.actors)
  const assets = sortById(model.assets)
  const channels = sortById(model.channels)
  const loops = sortById(model.loops)
  if (actors === model.actors && assets === model.assets && channels === model.channels && loops === model.loops) {
    return model
  }
  return { ...model, actors, assets, channels, loops }
}
