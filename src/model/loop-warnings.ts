import type { DeclaredLoop, KnowledgeAsset } from './codecs.js'
import { type ModelWarning, quoteId, toPointer } from './errors.js'
import { isSourceAsset, kindWithArticle, sourcesMadeInto } from './source-assets.js'

/** "an insight", or for a kind that sources have, "an experience made from other assets". */
const describeKind = (asset: KnowledgeAsset): string => {
  const kind = kindWithArticle(asset.kind)
  // Of a kind sources have, so not a source only because of its provenance.
  return isSourceAsset({ kind: asset.kind }) ? `${kind} made from other assets` : kind
}

/**
 * What is probably not meant in a declared loop that names its `source`, as the
 * declared-loop rules read it (they follow the source round the loop, and check its
 * promise, only from the source's holder as the loop's first actor):
 *
 * - `loop-source-not-a-source` (`/loops/i/source`): the asset is not a source
 *   (`experience`, `evidence` or `data` made from nothing): no traced loop is about it,
 *   so its source, promise and budget name nothing. Suggests the source it is made from,
 *   when its provenance says.
 * - `loop-without-source-holder` (`/loops/i/through`): the source's holder is not on
 *   the loop, so nothing on it comes back to the people it came from (a loop between an
 *   intermediary and a committee about residents' stories).
 * - `loop-not-from-source-holder` (`/loops/i/through/0`): the holder is on the loop but
 *   does not start it; the same steps written from the holder would be followed.
 *
 * At most one of these per loop. O(length of the loop + the source's ancestry).
 * @internal
 */
export const declaredLoopSourceWarnings = (
  loop: DeclaredLoop,
  position: number,
  assetById: ReadonlyMap<string, KnowledgeAsset>,
): ModelWarning | undefined => {
  const source = loop.source === undefined ? undefined : assetById.get(loop.source)
  if (source === undefined) return undefined
  const subject = `Declared loop ${quoteId(loop.id)}`
  if (!isSourceAsset(source)) {
    const origin = sourcesMadeInto(source, assetById, 1)[0]
    return {
      code: 'loop-source-not-a-source',
      path: toPointer(['loops', position, 'source']),
      message: `${subject} is about asset ${quoteId(source.id)}, ${describeKind(source)}, but a loop follows a source: experience, evidence or data made from nothing. No traced loop is about ${quoteId(source.id)}, so the diagnosis checks only that the loop's steps have active channels, not its promise or its budget.${origin === undefined ? '' : ` Did you mean ${quoteId(origin.id)}, which it is made from?`}`,
    }
  }
  const first = loop.through[0]
  if (first === source.holder) return undefined
  if (!loop.through.includes(source.holder)) {
    return {
      code: 'loop-without-source-holder',
      path: toPointer(['loops', position, 'through']),
      message: `${subject} is about asset ${quoteId(source.id)}, but its holder ${quoteId(source.holder)} is not on the loop: nothing on it comes back to the people it came from, and the diagnosis checks only that its steps have active channels, not that ${quoteId(source.id)} travels round it or that its promise is kept. Start the loop with ${quoteId(source.holder)}, or leave its source out.`,
    }
  }
  return {
    code: 'loop-not-from-source-holder',
    path: toPointer(['loops', position, 'through', 0]),
    message: `${subject} is about asset ${quoteId(source.id)}, held by ${quoteId(source.holder)}, but starts with ${quoteId(first ?? '')}: the diagnosis follows ${quoteId(source.id)} round a loop, and checks its promise, only from its holder, so here it checks only that the steps have active channels. Start the loop with ${quoteId(source.holder)}: the same steps, from the holder.`,
  }
}
