import type { KnowledgeAsset } from '../model/codecs.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import { traceStageOf } from '../graph/provenance.js'
import type { DiagnosisContext } from './context.js'

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

/**
 * What the model says someone makes next of `stopped`, which stopped with `actor`, in a
 * loop of `holder`'s: the first asset (in model order) declared to be made from it, of a
 * later stage, held by someone other than the two of them (a quality lead's improvement
 * made from the stories that pile up with the experience team), or `undefined`. The one
 * choice that `open-loop`'s repair and `stories-stop` both make, so the story one passes
 * on is the one the other answers. O(declared children of `stopped`). @internal
 */
export const declaredMaker = (context: DiagnosisContext, actor: ActorId, stopped: AssetId, holder: ActorId): KnowledgeAsset | undefined => {
  const stage = traceStageOf(context.asset(stopped)?.kind ?? 'lesson')
  for (const next of declaredChildren(context).get(stopped) ?? []) {
    const asset = context.asset(next)
    if (asset !== undefined && asset.holder !== actor && asset.holder !== holder && traceStageOf(asset.kind) > stage) return asset
  }
  return undefined
}
