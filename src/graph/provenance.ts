import type { ActorKind, AssetKind, Level } from '../model/vocabulary.js'
import type { LearningOrder } from './types.js'
import type { Carriage } from './carriage.js'
import { componentsOf } from './components.js'
import { type GroupedLinks, keepLinks, linksByParent, topologicalRank } from './provenance-links.js'

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

/**
 * For each actor that holds an asset with inferred provenance, the assets it has (holds
 * or receives), sorted, and its position in each one's reach list. Other actors get an
 * empty list: only an inferred link needs everything an actor has.
 */
const assetsHad = (carriage: Carriage, needed: Uint8Array) => {
  const n = carriage.graph.actorCount
  const offsets = new Int32Array(n + 1)
  for (let i = 0; i < carriage.reachActors.length; i++) if (needed[carriage.reachActors[i]!] === 1) offsets[carriage.reachActors[i]! + 1]!++
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!
  const assets = new Int32Array(offsets[n]!)
  const at = new Int32Array(offsets[n]!)
  const cursor = offsets.slice(0, n)
  for (let a = 0; a < carriage.assetCount; a++) {
    const start = carriage.reachOffsets[a]!
    for (let i = start; i < carriage.reachOffsets[a + 1]!; i++) {
      const v = carriage.reachActors[i]!
      if (needed[v] !== 1) continue
      const k = cursor[v]!++
      assets[k] = a
      at[k] = i - start
    }
  }
  return { offsets, assets, at }
}

/**
 * Whether an asset is a regulator's plan or strategy (NHS England's planning guidance, a
 * national long-term plan): national policy, not made from what one organisation sends
 * the regulator (its returns are answered, in an assessment or oversight letter, but the
 * guidance is not remade from them). Unless the model declares what it is made from, it is
 * made from nothing of the model, rather than inferred from what its holder receives.
 * @internal
 */
export const isNationalPolicy = (kind: AssetKind, holderKind: ActorKind): boolean => holderKind === 'regulator' && (kind === 'plan' || kind === 'strategy')

/** Whether an asset's provenance is inferred from what its holder has: it declares none and is made (a later stage than a source, or a lesson). */
const infers = (undeclared: Uint8Array, stage: Int8Array, d: number): boolean => undeclared[d] === 1 && stage[d]! !== 0

/**
 * Work out the provenance links of every asset. O(A + declared links + Σ over parents
 * of their reach + Σ over assets with inferred provenance of what their holder has).
 * @category Loops
 */
export const compileProvenance = (carriage: Carriage): Provenance => {
  const assets = carriage.graph.model.assets
  const count = carriage.assetCount
  const stage = new Int8Array(count)
  const undeclared = new Uint8Array(count)
  const actors = carriage.graph.actors
  for (let a = 0; a < count; a++) {
    stage[a] = traceStageOf(assets[a]!.kind)
    const h = carriage.holder[a]!
    if (assets[a]!.derivedFrom === undefined && !(h >= 0 && isNationalPolicy(assets[a]!.kind, actors[h]!.kind))) undeclared[a] = 1
  }
  // What an actor has is listed only for actors whose assets infer their provenance from it.
  const needed = new Uint8Array(carriage.graph.actorCount)
  let inferring = false
  for (let d = 0; d < count; d++) {
    if (carriage.holder[d]! >= 0 && infers(undeclared, stage, d)) ((needed[carriage.holder[d]!] = 1), (inferring = true))
  }
  const had = inferring ? assetsHad(carriage, needed) : undefined
  // At most one link per declared parent, or per asset an inferring asset's holder has.
  let capacity = 0
  for (let d = 0; d < count; d++) {
    const h = carriage.holder[d]!
    const declared = assets[d]!.derivedFrom
    if (h < 0) continue
    if (declared !== undefined) capacity += declared.length
    else if (had !== undefined && infers(undeclared, stage, d)) capacity += had.offsets[h + 1]! - had.offsets[h]!
  }
  // Links in asset order of the child; a declared link's position is found once its parent's links are grouped (-1 until then).
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
    const declared = assets[d]!.derivedFrom
    if (declared !== undefined) {
      for (const id of declared) {
        const p = carriage.assetIndex.get(id)
        if (p !== undefined && p !== d) link(p, d, 0, -1)
      }
    } else if (had !== undefined && infers(undeclared, stage, d)) {
      const own = stage[d]!
      for (let k = had.offsets[h]!; k < had.offsets[h + 1]!; k++) {
        const p = had.assets[k]!
        const earlier = own < 0 ? stage[p]! >= 0 : stage[p]! >= 0 && stage[p]! < own
        if (earlier && p !== d) link(p, d, 1, had.at[k]!)
      }
    }
  }
  let built = placeDeclared(carriage, linksByParent(count, { parent, child, inferred, at, count: links }))
  let rank = topologicalRank(count, built.childOffsets, built.children)
  // An inferred link must not close a cycle with declared ones (a decision inferred from a
  // score that is itself declared to be made from that decision): such a cycle would stop
  // every trace through it. Inferred links inside a cycle are dropped; declared cycles are
  // refused when a model is decoded.
  if (rank.includes(-1)) {
    const { componentOf } = componentsOf({ actorCount: count, offsets: built.childOffsets, targets: built.children })
    const kept = keepLinks(built, (p, i) => built.childInferred[i] === 0 || componentOf[p] !== componentOf[built.children[i]!])
    if (kept.children.length < built.children.length) {
      built = kept
      rank = topologicalRank(count, built.childOffsets, built.children)
    }
  }
  return { stage, ...built, undeclared, rank }
}

/**
 * Place each declared link: the position of the child's holder in the parent's reach
 * list, found by marking the parent's reach once for all its children. A declared link
 * whose parent never reaches the child's holder is dropped. O(links + Σ over parents
 * with declared children of their reach).
 */
const placeDeclared = (carriage: Carriage, links: GroupedLinks): GroupedLinks => {
  const n = carriage.graph.actorCount
  const position = new Int32Array(n)
  const stamp = new Int32Array(n).fill(-1)
  const { children, childInferred, childAt } = links
  let marked = -1
  return keepLinks(links, (p, i) => {
    if (childInferred[i] === 1) return true
    if (marked !== p) {
      marked = p
      for (let k = carriage.reachOffsets[p]!; k < carriage.reachOffsets[p + 1]!; k++) {
        const v = carriage.reachActors[k]!
        stamp[v] = p
        position[v] = k - carriage.reachOffsets[p]!
      }
    }
    const h = carriage.holder[children[i]!]!
    if (stamp[h] !== p) return false
    childAt[i] = position[h]!
    return true
  })
}

/**
 * The learning order an asset stands for, the one definition of a rule the organisation
 * works by: `triple` for a strategy or an experiment held at strategy level, `double` for
 * a plan, else `single`. @internal
 */
export const orderOfAsset = (kind: AssetKind, holderLevels: ReadonlyArray<Level>): LearningOrder =>
  kind === 'strategy' || (kind === 'experiment' && holderLevels.includes('strategy')) ? 'triple' : kind === 'plan' ? 'double' : 'single'
