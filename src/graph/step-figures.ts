import type { ActorId, AssetId, ChannelId } from '../model/primitives.js'
import { type AssetKind, type Capability, type Level, capabilities, capabilityOf, levels } from '../model/vocabulary.js'
import { compareIds } from './components.js'
import type { LoopSteps } from './steps.js'

/** Governing bit of a `plan` in {@link StepFigures}. @category Loops */
export const holdsPlan = 1
/** Governing bit of a `strategy` in {@link StepFigures}. @category Loops */
export const holdsStrategy = 2

/**
 * Per-arc figures of one {@link LoopSteps} (what describing a loop needs from each step),
 * each filled in the first time a loop uses the arc, plus per-actor figures.
 * @category Loops
 */
export interface StepFigures {
  readonly steps: LoopSteps
  readonly ids: ReadonlyArray<ActorId>
  /** Per actor: bit 1 holds a `plan`, bit 2 holds a `strategy`. */
  readonly governing: Uint8Array
  readonly kindOf: ReadonlyMap<AssetId, AssetKind>
  readonly ready: Uint8Array
  readonly fastest: Float64Array
  /** Chance that at least one of the arc's channels gets through. */
  readonly passes: Float64Array
  /** `1` all `+`, `-1` all `-`, `0` unknown or mixed. */
  readonly sign: Int8Array
  readonly levelBits: Uint8Array
  readonly stageBits: Uint8Array
  readonly governingBits: Uint8Array
  readonly channelIds: Array<ReadonlyArray<ChannelId>>
  /** Id comparisons made so far while finding canonical rotations. */
  comparisons: number
  /** Each actor's position in id order, built once comparisons would have paid for the sort. */
  rank: Int32Array | undefined
}

const figureCache = new WeakMap<LoopSteps, StepFigures>()

/**
 * The {@link StepFigures} of `steps`, created empty on first use and cached (a `WeakMap`
 * keyed by the steps, which are cached per graph). O(V + A) once.
 * @category Loops
 */
export const figuresOf = (steps: LoopSteps): StepFigures => {
  const known = figureCache.get(steps)
  if (known !== undefined) return known
  const graph = steps.graph
  const kindOf = new Map<AssetId, AssetKind>()
  const governing = new Uint8Array(graph.actorCount)
  for (const asset of graph.model.assets) {
    if (!kindOf.has(asset.id)) kindOf.set(asset.id, asset.kind)
    const holder = graph.indexOf.get(asset.holder)
    if (holder === undefined) continue
    if (asset.kind === 'plan') governing[holder]! |= holdsPlan
    if (asset.kind === 'strategy') governing[holder]! |= holdsStrategy
  }
  const arcs = steps.targets.length
  const figures: StepFigures = {
    steps,
    ids: graph.actors.map((actor) => actor.id),
    governing,
    kindOf,
    ready: new Uint8Array(arcs),
    fastest: new Float64Array(arcs),
    passes: new Float64Array(arcs),
    sign: new Int8Array(arcs),
    levelBits: new Uint8Array(arcs),
    stageBits: new Uint8Array(arcs),
    governingBits: new Uint8Array(arcs),
    channelIds: new Array<ReadonlyArray<ChannelId>>(arcs),
    comparisons: 0,
    rank: undefined,
  }
  figureCache.set(steps, figures)
  return figures
}

const capabilityBit = new Map<Capability, number>(capabilities.map((capability, rank) => [capability, 1 << rank]))
const levelBit = new Map<Level, number>(levels.map((level, rank) => [level, 1 << rank]))
const fromBits = <T>(all: ReadonlyArray<T>, bits: number): ReadonlyArray<T> =>
  Object.freeze(all.filter((_, rank) => (bits & (1 << rank)) !== 0))
/** Frozen level lists indexed by a bit set of level ranks. @category Loops */
export const levelsByBits = Array.from({ length: 1 << levels.length }, (_, bits) => fromBits(levels, bits))
/** Frozen capability lists indexed by a bit set of capability ranks. @category Loops */
export const stagesByBits = Array.from({ length: 1 << capabilities.length }, (_, bits) => fromBits(capabilities, bits))

/**
 * Where the cycle `path[0..length-1]` starts in canonical rotation: at the actor whose
 * id sorts first. Compares ids until as many comparisons as a sort of all ids would
 * take (V log V) have been made, then sorts once and compares integer ranks, so many
 * loops on a small graph and a few loops on a huge one both stay cheap.
 * @category Loops
 */
export const canonicalStart = (figures: StepFigures, path: ArrayLike<number>, length: number): number => {
  let start = 0
  let rank = figures.rank
  if (rank === undefined) {
    const n = figures.ids.length
    figures.comparisons += length
    if (figures.comparisons > n * Math.log2(n + 1) + 64) {
      const byId = Array.from({ length: n }, (_, v) => v).sort((a, b) => compareIds(figures.ids[a]!, figures.ids[b]!))
      rank = new Int32Array(n)
      for (let i = 0; i < n; i++) rank[byId[i]!] = i
      figures.rank = rank
    }
  }
  if (rank !== undefined) {
    let best = rank[path[0]!]!
    for (let i = 1; i < length; i++) {
      const r = rank[path[i]!]!
      if (r < best) {
        start = i
        best = r
      }
    }
    return start
  }
  const ids = figures.ids
  let startId = ids[path[0]!]!
  for (let i = 1; i < length; i++) {
    const id = ids[path[i]!]!
    if (id < startId) {
      start = i
      startId = id
    }
  }
  return start
}

/**
 * Read arc `a`'s channels once into `figures`: O(channels of the arc + assets they carry).
 * @category Loops
 */
export const figureArc = (figures: StepFigures, a: number): void => {
  const { steps, kindOf } = figures
  const channels = steps.graph.model.channels
  const edgeChannel = steps.graph.edgeChannel
  const ids: ChannelId[] = []
  let fastest = Number.POSITIVE_INFINITY
  let allFail = 1
  let sign: '+' | '-' | undefined
  let unknown = false
  let levelBits = 0
  let stageBits = 0
  let governingBits = 0
  for (let k = steps.arcEdgeOffsets[a]!; k < steps.arcEdgeOffsets[a + 1]!; k++) {
    const channel = channels[edgeChannel[steps.arcEdges[k]!]!]!
    ids.push(channel.id)
    levelBits |= levelBit.get(channel.level)!
    fastest = Math.min(fastest, channel.latencyDays ?? 0)
    allFail *= 1 - (channel.reliability ?? 1)
    if (channel.polarity === undefined || (sign !== undefined && sign !== channel.polarity)) unknown = true
    sign = channel.polarity
    for (const assetId of channel.carries) {
      const kind = kindOf.get(assetId)
      if (kind === undefined) continue
      stageBits |= capabilityBit.get(capabilityOf(kind))!
      if (kind === 'plan') governingBits |= holdsPlan
      if (kind === 'strategy') governingBits |= holdsStrategy
    }
  }
  if (ids.length > 1) ids.sort(compareIds)
  figures.channelIds[a] = Object.freeze(ids)
  figures.fastest[a] = fastest === Number.POSITIVE_INFINITY ? 0 : fastest
  figures.passes[a] = 1 - allFail
  figures.sign[a] = unknown || ids.length === 0 ? 0 : sign === '-' ? -1 : 1
  figures.levelBits[a] = levelBits
  figures.stageBits[a] = stageBits
  figures.governingBits[a] = governingBits
  figures.ready[a] = 1
}

