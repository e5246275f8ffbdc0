import { type Carriage, compileCarriage } from '../graph/carriage.js'
import type { CompiledGraph } from '../graph/compile.js'
import { type Provenance, compileProvenance } from '../graph/provenance.js'
import { isSourceAsset } from '../graph/trace.js'
import type { AssetKind } from '../model/vocabulary.js'

/** What making an asset of a kind counts as (see {@link ItemPaths.madeClass}). @internal */
export const madeOther = 0
/** @internal */
export const madeInsight = 1
/** @internal */
export const madeDecision = 2
/** @internal */
export const madeChange = 3
/** @internal */
export const madeResponse = 4
/** @internal */
export const madeLesson = 5

const classOfKind: Readonly<Record<AssetKind, number>> = {
  experience: madeOther,
  evidence: madeOther,
  data: madeOther,
  insight: madeInsight,
  decision: madeDecision,
  plan: madeDecision,
  strategy: madeDecision,
  change: madeChange,
  experiment: madeChange,
  response: madeResponse,
  lesson: madeLesson,
}

/** Chain levels an item carries, as in `TracedLoop.outcome`: what lies between its source and where it is. @internal */
export const levelHeard = 0
/** @internal */
export const levelDecided = 1
/** @internal */
export const levelDid = 2

const levelOfClass = [levelHeard, levelHeard, levelDecided, levelDid, levelHeard, levelHeard]

/**
 * Where an item can be, compiled once per run from the graph's one carriage and
 * provenance (the same the diagnosis traces): a *state* is (asset, actor that has it),
 * numbered as in the carriage (`reachOffsets[a] + position`), so the holder of asset `a`
 * is state `reachOffsets[a]`. From state `s` the asset travels over carrier entries
 * `outStart[s] .. outEnd[s]-1` (edge `entryEdge[i]`, arriving as state `entryTarget[i]`),
 * and is made into the derived assets `derivedAsset[derivedOffsets[s] .. derivedOffsets[s+1]-1]`
 * that its actor holds (arriving as those assets' holder states). Flat typed arrays, so
 * the engine reads integers only.
 * @internal
 */
export interface ItemPaths {
  readonly carriage: Carriage
  readonly provenance: Provenance
  readonly stateAsset: Int32Array
  /** The actor of each state (the carriage's `reachActors`). */
  readonly stateActor: Int32Array
  readonly outStart: Int32Array
  readonly outEnd: Int32Array
  readonly entryEdge: Int32Array
  readonly entryTarget: Int32Array
  readonly derivedOffsets: Int32Array
  readonly derivedAsset: Int32Array
  /** Per asset: {@link madeOther} … {@link madeLesson}. */
  readonly madeClass: Uint8Array
  /** Per asset: the chain level its own kind gives (`did` for a change or experiment, `decided` for a decision, plan or strategy). */
  readonly ownLevel: Uint8Array
  /** Per actor: the states of the sources it holds (the assets it raises items of) are `sourceStates[sourceOffsets[v] .. sourceOffsets[v+1]-1]`. */
  readonly sourceOffsets: Int32Array
  readonly sourceStates: Int32Array
}

/**
 * Compile the item paths of `graph` (compiled with active channels only). O(carried
 * pairs + provenance links + states).
 * @internal
 */
export const compileItemPaths = (graph: CompiledGraph): ItemPaths => {
  const carriage = compileCarriage(graph)
  const provenance = compileProvenance(carriage)
  const { reachOffsets, reachActors, assetCount } = carriage
  const states = reachActors.length
  const stateAsset = new Int32Array(states)
  for (let a = 0; a < assetCount; a++) stateAsset.fill(a, reachOffsets[a]!, reachOffsets[a + 1]!)

  const outStart = new Int32Array(states)
  const outEnd = new Int32Array(states)
  const entries = carriage.carrierEdges.length
  const entryTarget = new Int32Array(entries)
  for (let a = 0; a < assetCount; a++) {
    const base = reachOffsets[a]!
    for (let i = carriage.carrierOffsets[a]!; i < carriage.carrierOffsets[a + 1]!; i++) {
      // A sender's entries are contiguous: the carrier list is in edge order, edges in sender order.
      const s = base + carriage.carrierFrom[i]!
      if (outEnd[s] === 0) outStart[s] = i
      outEnd[s] = i + 1
      entryTarget[i] = base + carriage.carrierTo[i]!
    }
  }

  const derivedOffsets = new Int32Array(states + 1)
  const linkState = (p: number, i: number): number => reachOffsets[p]! + provenance.childAt[i]!
  const usable = (i: number): boolean => provenance.rank[provenance.children[i]!]! >= 0
  for (let p = 0; p < assetCount; p++) {
    if (provenance.rank[p]! < 0) continue
    for (let i = provenance.childOffsets[p]!; i < provenance.childOffsets[p + 1]!; i++) if (usable(i)) derivedOffsets[linkState(p, i) + 1]!++
  }
  for (let s = 0; s < states; s++) derivedOffsets[s + 1]! += derivedOffsets[s]!
  const derivedAsset = new Int32Array(derivedOffsets[states]!)
  const cursor = derivedOffsets.slice(0, states)
  for (let p = 0; p < assetCount; p++) {
    if (provenance.rank[p]! < 0) continue
    for (let i = provenance.childOffsets[p]!; i < provenance.childOffsets[p + 1]!; i++) {
      if (usable(i)) derivedAsset[cursor[linkState(p, i)]!++] = provenance.children[i]!
    }
  }

  const assets = graph.model.assets
  const madeClass = new Uint8Array(assetCount)
  const ownLevel = new Uint8Array(assetCount)
  for (let a = 0; a < assetCount; a++) {
    madeClass[a] = classOfKind[assets[a]!.kind]
    ownLevel[a] = levelOfClass[madeClass[a]!]!
  }
  const sourceOffsets = new Int32Array(graph.actorCount + 1)
  const isSource = (a: number): boolean => carriage.holder[a]! >= 0 && carriage.assetIndex.get(assets[a]!.id) === a && isSourceAsset(assets[a]!)
  for (let a = 0; a < assetCount; a++) if (isSource(a)) sourceOffsets[carriage.holder[a]! + 1]!++
  for (let v = 0; v < graph.actorCount; v++) sourceOffsets[v + 1]! += sourceOffsets[v]!
  const sourceStates = new Int32Array(sourceOffsets[graph.actorCount]!)
  const sourceCursor = sourceOffsets.slice(0, graph.actorCount)
  for (let a = 0; a < assetCount; a++) if (isSource(a)) sourceStates[sourceCursor[carriage.holder[a]!]!++] = reachOffsets[a]!

  return {
    carriage,
    provenance,
    stateAsset,
    stateActor: reachActors,
    outStart,
    outEnd,
    entryEdge: carriage.carrierEdges,
    entryTarget,
    derivedOffsets,
    derivedAsset,
    madeClass,
    ownLevel,
    sourceOffsets,
    sourceStates,
  }
}
