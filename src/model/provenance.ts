import { type ModelError, quoteId, toPointer } from './errors.js'
import type { AssetReferences, DecodedCollection } from './references.js'

/** How many assets of a circle a message names before it says how many more there are. */
const namedInCircle = 5

/** "'a' -> 'b' -> 'a'", or the first few of a long circle and how many it holds. */
const describeCircle = (first: ReadonlyArray<string>, length: number): string => {
  const shown = first.slice(0, namedInCircle).map(quoteId)
  return length > namedInCircle ? `${shown.join(' -> ')} -> ... (${length} assets in all)` : [...shown, shown[0]!].join(' -> ')
}

const white = 0
const grey = 1
const black = 2

/**
 * Every circle in the provenance of assets (`derivedFrom`), as `cyclic-provenance`
 * errors at the link that closes it (`/assets/i/derivedFrom/j`), naming the circle. An
 * asset that derives from itself is reported as such. `assets` holds the provenance of
 * each asset as far as it decoded, with the id it was written with, and `positionOf`
 * the position of each asset id; links to unknown ids are left to the reference check.
 *
 * Iterative depth-first search with an edge cursor per asset: each asset and each link
 * is visited once, O(assets + links), and a chain of a million derivations cannot
 * overflow the stack. Every circle found closes at a distinct link, so each is reported
 * once; a tangle of circles is reported by as many links as the search finds closing one.
 * @internal
 */
export const provenanceCycleErrors = (
  decoded: DecodedCollection<AssetReferences>,
  positionOf: ReadonlyMap<string, number>,
): ReadonlyArray<ModelError> => {
  const errors: ModelError[] = []
  const assets = decoded.items
  const count = assets.length
  const state = new Uint8Array(count)
  const cursor = new Int32Array(count)
  const depthOf = new Int32Array(count)
  const stack: number[] = []
  for (let root = 0; root < count; root++) {
    if (state[root] !== white || assets[root]?.derivedFrom === undefined) continue
    state[root] = grey
    depthOf[root] = 0
    stack.push(root)
    while (stack.length > 0) {
      const asset = stack[stack.length - 1]!
      const links = assets[asset]?.derivedFrom ?? []
      if (cursor[asset]! >= links.length) {
        state[asset] = black
        stack.pop()
        continue
      }
      const link = cursor[asset]!
      cursor[asset] = link + 1
      const linked = links[link]
      const target = linked === undefined ? undefined : positionOf.get(linked)
      if (target === undefined || assets[target] === undefined) continue
      // An asset on a circle is reached by its id, so it has one.
      const id = decoded.idAt(asset)!
      const path = (): string => toPointer(['assets', asset, 'derivedFrom', link])
      if (target === asset || linked === id) {
        errors.push({ code: 'cyclic-provenance', path: path(), message: `Asset ${quoteId(id)} derives from itself.` })
      } else if (state[target] === grey) {
        const first = stack.slice(depthOf[target]!, depthOf[target]! + namedInCircle).map((position) => decoded.idAt(position)!)
        errors.push({
          code: 'cyclic-provenance',
          path: path(),
          message: `Asset ${quoteId(id)} derives from asset ${quoteId(linked!)}, which derives from it in turn: provenance must not go round in a circle (${describeCircle(first, stack.length - depthOf[target]!)}).`,
        })
      } else if (state[target] === white) {
        state[target] = grey
        depthOf[target] = stack.length
        stack.push(target)
      }
    }
  }
  return errors
}
