import type { AssetKind } from '../model/vocabulary.js'
import type { Carriage } from './carriage.js'
import { componentsOf } from './components.js'

/**
 * The capability stage of an asset kind on the way from a source to its reply: sense
 * `0` (experience, evidence, data), make sense `1` (insight), decide `2` (decision,
 * plan, strategy), act `3` (change, experiment), feedback `4` (response). A `lesson` is
 * memory made along the way and has no stage (`-1`): it never stands between a source
 * and its reply.
 * @category Loops
 */
export const traceStageOf = (kind: AssetKind): number => stageOfKind[kind]

const stageOfKind: Readonly<Record<AssetKind, number>> = {
  experience: 0,
  evidence: 0,
  data: 0,
  insight: 1,
  decision: 2,
  plan: 2,
  strategy: 2,
  change: 3,
  experiment: 3,
  response: 4,
  lesson: -1,
}

/**
 * Provenance links between the assets of a carriage: for each asset, what it was made
 * from, declared by `derivedFrom` or, where an asset declares none, inferred (an asset
 * of a later stage derives from every asset of an earlier stage its holder holds or
 * receives; a lesson from every staged asset its holder has). A link from `p` to `d`
 * counts only where `p` reaches `d`'s holder.
 *
 * Children of asset `p` are `children[childOffsets[p] .. childOffsets[p+1]-1]`, with
 * `childInferred` (1 for an inferred link) and `childAt` (the position of the child's
 * holder in `p`'s reach list). `rank` is a topological order of the links (`-1` for an
 * asset on a cycle of declared links, which a decoded model cannot have; such assets
 * continue no trace). An inferred link that would close a cycle is not made.
 * @category Loops
 */
export interface Provenance {
  readonly stage: Int8Array
  readonly childOffsets: Int32Array
  readonly children: Int32Array
  readonly childInferred: Uint8Array
  readonly childAt: Int32Array
  /** `1` for an asset whose `derivedFrom` is absent. */
  readonly undeclared: Uint8Array
  readonly rank: Int32Array
}

/** For each actor, the assets it has (holds or receives) and its position in each one's reach list. */
const assetsHad = (carriage: Carriage) => {
  const n = carriage.graph.actorCount
  const offsets = new Int32Array(n + 1)
  for (let i = 0; i < carriage.reachActors.length; i++) offsets[carriage.reachActors[i]! + 1]!++
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!
  const assets = new Int32Array(carriage.reachActors.length)
  const at = new Int32Array(carriage.reachActors.length)
  const cursor = offsets.slice(0, n)
  for (let a = 0; a < carriage.assetCount; a++) {
    const start = carriage.reachOffsets[a]!
    for (let i = start; i < carriage.reachOffsets[a + 1]!; i++) {
      const k = cursor[carriage.reachActors[i]!]!++
      assets[k] = a
      at[k] = i - start
    }
  }
  return { offsets, assets, at }
}

/** Position of `asset` among `assets[lo..hi)` (sorted), or -1. */
const find = (assets: Int32Array, lo: number, hi: number, asset: number): number => {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (assets[mid]! < asset) lo = mid + 1
    else hi = mid
  }
  return lo < assets.length && assets[lo] === asset ? lo : -1
}

/**
 * Work out the provenance links of every asset. O(declared links · log A + Σ over
 * undeclared derived assets of what their holder has + A).
 * @category Loops
 */
export const compileProvenance = (carriage: Carriage): Provenance => {
  const assets = carriage.graph.model.assets
  const count = carriage.assetCount
  const stage = new Int8Array(count)
  const undeclared = new Uint8Array(count)
  for (let a = 0; a < count; a++) {
    stage[a] = traceStageOf(assets[a]!.kind)
    if (assets[a]!.derivedFrom === undefined) undeclared[a] = 1
  }
  const had = assetsHad(carriage)
  // At most one link per declared parent, or per asset an undeclared one's holder has.
  let capacity = 0
  for (let d = 0; d < count; d++) {
    const h = carriage.holder[d]!
    const declared = assets[d]!.derivedFrom
    if (h >= 0) capacity += declared !== undefined ? declared.length : stage[d]! !== 0 ? had.offsets[h + 1]! - had.offsets[h]! : 0
  }
  const parent = new Int32Array(capacity)
  const child = new Int32Array(capacity)
  const inferred = new Uint8Array(capacity)
  const at = new Int32Array(capacity)
  let links = 0
  const link = (p: number, d: number, isInferred: number, position: number): void => {
    parent[links] = p
    child[links] = d
    inferred[links] = isInferred
    at[links++] = position
  }
  for (let d = 0; d < count; d++) {
    const h = carriage.holder[d]!
    if (h < 0) continue
    const lo = had.offsets[h]!
    const hi = had.offsets[h + 1]!
    const declared = assets[d]!.derivedFrom
    if (declared !== undefined) {
      for (const id of declared) {
        const p = carriage.assetIndex.get(id)
        if (p === undefined || p === d) continue
        const k = find(had.assets, lo, hi, p)
        if (k >= 0) link(p, d, 0, had.at[k]!)
      }
    } else if (stage[d]! !== 0) {
      const own = stage[d]!
      for (let k = lo; k < hi; k++) {
        const p = had.assets[k]!
        const earlier = own < 0 ? stage[p]! >= 0 : stage[p]! >= 0 && stage[p]! < own
        if (earlier && p !== d) link(p, d, 1, had.at[k]!)
      }
    }
  }
  const links0 = { parent, child, inferred, at, count: links }
  let built = linksByParent(count, links0)
  let rank = topologicalRank(count, built.childOffsets, built.children)
  // An inferred link must not close a cycle with declared ones (a decision inferred from a
  // score that is itself declared to be made from that decision): such a cycle would stop
  // every trace through it. Inferred links inside a cycle are dropped; declared cycles are
  // refused when a model is decoded.
  if (rank.includes(-1)) {
    const { componentOf } = componentsOf({ actorCount: count, offsets: built.childOffsets, targets: built.children })
    let kept = 0
    for (let i = 0; i < links; i++) {
      if (inferred[i] === 1 && componentOf[parent[i]!] === componentOf[child[i]!]) continue
      parent[kept] = parent[i]!
      child[kept] = child[i]!
      inferred[kept] = inferred[i]!
      at[kept++] = at[i]!
    }
    if (kept < links) {
      built = linksByParent(count, { ...links0, count: kept })
      rank = topologicalRank(count, built.childOffsets, built.children)
    }
  }
  return { stage, ...built, undeclared, rank }
}

/** The links grouped by parent (counting sort), in link order within a parent. */
const linksByParent = (
  count: number,
  links: { readonly parent: Int32Array; readonly child: Int32Array; readonly inferred: Uint8Array; readonly at: Int32Array; readonly count: number },
) => {
  const { parent, child, inferred, at } = links
  const childOffsets = new Int32Array(count + 1)
  for (let i = 0; i < links.count; i++) childOffsets[parent[i]! + 1]!++
  for (let a = 0; a < count; a++) childOffsets[a + 1]! += childOffsets[a]!
  const children = new Int32Array(links.count)
  const childInferred = new Uint8Array(links.count)
  const childAt = new Int32Array(links.count)
  const cursor = childOffsets.slice(0, count)
  for (let i = 0; i < links.count; i++) {
    const k = cursor[parent[i]!]!++
    children[k] = child[i]!
    childInferred[k] = inferred[i]!
    childAt[k] = at[i]!
  }
  return { childOffsets, children, childInferred, childAt }
}

/** Kahn's algorithm over the links: rank of each asset, `-1` for assets on or after a cycle. O(A + links). */
const topologicalRank = (count: number, offsets: Int32Array, children: Int32Array): Int32Array => {
  const indegree = new Int32Array(count)
  for (let i = 0; i < children.length; i++) indegree[children[i]!]!++
  const queue = new Int32Array(count)
  let tail = 0
  for (let a = 0; a < count; a++) if (indegree[a] === 0) queue[tail++] = a
  const rank = new Int32Array(count).fill(-1)
  for (let head = 0; head < tail; head++) {
    const a = queue[head]!
    rank[a] = head
    for (let i = offsets[a]!; i < offsets[a + 1]!; i++) if (--indegree[children[i]!]! === 0) queue[tail++] = children[i]!
  }
  return rank
}
