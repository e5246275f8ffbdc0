import type { AssetId } from '../../model/primitives.js'
import type { DiagnosisContext } from '../context.js'

const known = new WeakMap<DiagnosisContext, ReadonlyMap<AssetId, ReadonlyArray<AssetId>>>()

/**
 * For each asset id, the assets the model declares (`derivedFrom`) are made from it,
 * whether or not channels bring them together: worked out once per diagnosis. O(declared
 * links).
 * @internal
 */
export const declaredChildren = (context: DiagnosisContext): ReadonlyMap<AssetId, ReadonlyArray<AssetId>> => {
  let children = known.get(context) as Map<AssetId, AssetId[]> | undefined
  if (children !== undefined) return children
  children = new Map()
  for (const asset of context.model.assets) {
    for (const parent of asset.derivedFrom ?? []) {
      const list = children.get(parent)
      if (list === undefined) children.set(parent, [asset.id])
      else list.push(asset.id)
    }
  }
  known.set(context, children)
  return children
}
