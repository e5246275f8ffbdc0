import type { KnowledgeAsset } from './codecs.js'
import type { AssetId } from './primitives.js'
import type { AssetKind } from './vocabulary.js'

/**
 * Whether an asset is a source: `experience`, `evidence` or `data` that derives from
 * nothing (no `derivedFrom`, or an empty one). A % score counted from ratings is part of
 * the ratings' loop, not a loop of its own. The one definition that traced loops,
 * declared loops and their validation read.
 * @category Loops
 */
export const isSourceAsset = (asset: { readonly kind: AssetKind; readonly derivedFrom?: ReadonlyArray<AssetId> | undefined }): boolean =>
  (asset.kind === 'experience' || asset.kind === 'evidence' || asset.kind === 'data') &&
  (asset.derivedFrom === undefined || asset.derivedFrom.length === 0)

/**
 * The sources an asset is made from, however far back (following `derivedFrom` breadth
 * first), in the order first met, at most `most`: for a "did you mean". O(the asset's ancestry).
 * @internal
 */
export const sourcesMadeInto = (asset: KnowledgeAsset, assetById: ReadonlyMap<string, KnowledgeAsset>, most: number): KnowledgeAsset[] => {
  const seen = new Set<string>([asset.id])
  const queue: KnowledgeAsset[] = [asset]
  const found: KnowledgeAsset[] = []
  for (let head = 0; head < queue.length && found.length < most; head++) {
    for (const parentId of queue[head]!.derivedFrom ?? []) {
      const parent = assetById.get(parentId)
      if (parent === undefined || seen.has(parentId)) continue
      seen.add(parentId)
      if (isSourceAsset(parent)) found.push(parent)
      else queue.push(parent)
    }
  }
  return found.slice(0, most)
}

/** An asset kind with its article: "an insight", "a plan". @internal */
export const kindWithArticle = (kind: AssetKind): string => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`
