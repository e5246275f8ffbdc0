import type { TracedLoop } from '../../graph/trace-types.js'
import type { AssetId } from '../../model/primitives.js'
import type { AssetKind } from '../../model/vocabulary.js'
import type { DiagnosisContext } from '../context.js'

/** What the best chain from a source to an asset has passed through: 0 nothing (heard), 1 a decision, 2 a change (did). @internal */
export type ChainLevel = 0 | 1 | 2

/** Rank of an outcome or promise: open -1, heard 0, decided 1, did 2. @internal */
export const outcomeRank = (outcome: TracedLoop['outcome']): number => ['heard', 'decided', 'did'].indexOf(outcome)

/** The chain level an asset of this kind starts with. @internal */
export const ownChainLevel = (kind: AssetKind): ChainLevel =>
  kind === 'change' || kind === 'experiment' ? 2 : kind === 'decision' || kind === 'plan' || kind === 'strategy' ? 1 : 0

/**
 * The chain level of every asset of a traced loop (its source and what was made from
 * it), over the trace's provenance links, declared or inferred: a reply made from a
 * change is 2, from a decision only 1. `derived` is in provenance order, so one pass
 * suffices. O(the trace's assets and links).
 * @internal
 */
export const chainLevels = (context: DiagnosisContext, loop: TracedLoop): Map<AssetId, ChainLevel> => {
  const { carriage, provenance } = context.traceIndex()
  const assets = carriage.graph.model.assets
  const members = [loop.source, ...loop.derived]
  const level = new Map<AssetId, ChainLevel>(members.map((id) => [id, ownChainLevel(context.asset(id)!.kind)]))
  for (const id of members) {
    const a = carriage.assetIndex.get(id)!
    const own = level.get(id)!
    for (let i = provenance.childOffsets[a]!; i < provenance.childOffsets[a + 1]!; i++) {
      const child = assets[provenance.children[i]!]!.id
      const before = level.get(child)
      if (before !== undefined && before < own) level.set(child, own)
    }
  }
  return level
}
