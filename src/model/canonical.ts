import type { Model } from './codecs.js'

/**
 * Compare ids by UTF-16 code units, the same in every locale and runtime (not
 * `localeCompare`), so sorted output is byte-identical everywhere.
 * @category Model
 */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const isSortedById = (items: ReadonlyArray<{ readonly id: string }>): boolean => {
  for (let i = 1; i < items.length; i++) if (compareIds(items[i - 1]!.id, items[i]!.id) > 0) return false
  return true
}

/**
 * `items` in id order (a stable sort by {@link compareIds}); `items` itself when already
 * in that order. O(n log n), O(n) when sorted.
 * @category Model
 */
export const sortById = <T extends { readonly id: string }>(items: ReadonlyArray<T>): ReadonlyArray<T> =>
  isSortedById(items) ? items : [...items].sort((a, b) => compareIds(a.id, b.id))

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
