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
 * Who the model says makes the next thing of `stopped`, which stopped with `actor`: the
 * assets declared to be made from it, of a later stage, held by someone else (a quality
 * lead's improvement made from the stories that pile up with the experience team). In
 * model order. O(declared children of `stopped`). @internal
 */
export const declaredMakers = (context: DiagnosisContext, actor: ActorId, stopped: AssetId): ReadonlyArray<KnowledgeAsset> => {
  const stage = traceStageOf(context.asset(stopped)?.kind ?? 'lesson')
  const makers: KnowledgeAsset[] = []
  for (const next of declaredChildren(context).get(stopped) ?? []) {
    const asset = context.asset(next)
    if (asset !== undefined && asset.holder !== actor && traceStageOf(asset.kind) > stage) makers.push(asset)
  }
  return makers
}
