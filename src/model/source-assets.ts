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
