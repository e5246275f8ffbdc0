import type { Channel } from '../model/codecs.js'
import type { ActorId, AssetId, ChannelId } from '../model/primitives.js'
import { type AssetKind, type Capability, type Level, capabilities, capabilityOf, levels } from '../model/vocabulary.js'
import type { LoopSteps } from './steps.js'

/** Governing bit of a `plan` (before shifting by {@link governingShift}). @category Loops */
export const holdsPlan = 1
/** Governing bit of a `strategy` (before shifting by {@link governingShift}). @category Loops */
export const holdsStrategy = 2
/** Where the stage bits (one per capability rank) start in a figure word. @category Loops */
export const stageShift = 4
/** Where the governing bits ({@link holdsPlan}, {@link holdsStrategy}) start in a figure word. @category Loops */
export const governingShift = 12
/** Set in an arc's figure word once its channels have been read, so a read word is never 0. @category Loops */
const readyBit = 1 << 15

/**
 * Per-arc figures of one {@link LoopSteps} (what describing a loop needs from each step),
 * each filled in the first time a loop uses the arc, plus per-actor figures. A figure
 * word packs bit sets: levels (bit per level rank) from bit 0, stages from
 * {@link stageShift}, governing assets from {@link governingShift}; OR-ing the words of
 * a loop's actors and arcs gives the loop's sets at once.
 * @category Loops
 */
export interface StepFigures {
  readonly steps: LoopSteps
  readonly ids: ReadonlyArray<ActorId>
  /** Per actor: the figure word of the governing assets it holds. */
  readonly actorBits: Int32Array
  /** Asset id → figure word of its kind (stage and governing bits); built when first needed. */
  kindBits: ReadonlyMap<AssetId, number> | undefined
  /** Per arc: its figure word, `0` until the arc's channels are read. */
  readonly arcBits: Int32Array
  readonly fastest: Float64Array
  /** Chance that at least one of the arc's channels gets through. */
  readonly passes: Float64Array
  /** `1` all `+`, `-1` all `-`, `0` unknown or mixed. */
  readonly sign: Int8Array
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
  const actorBits = new Int32Array(graph.actorCount)
  for (const asset of graph.model.assets) {
    const bit = asset.kind === 'plan' ? holdsPlan : asset.kind === 'strategy' ? holdsStrategy : 0
    if (bit === 0) continue
    const holder = graph.indexOf.get(asset.holder)
    if (holder !== undefined) actorBits[holder]! |= bit << governingShift
  }
  const arcs = steps.targets.length
  const figures: StepFigures = {
    steps,
    ids: graph.actors.map((actor) => actor.id),
    actorBits,
    kindBits: undefined,
    arcBits: new Int32Array(arcs),
    fastest: new Float64Array(arcs),
    passes: new Float64Array(arcs),
    sign: new Int8Array(arcs),
    channelIds: new Array<ReadonlyArray<ChannelId>>(arcs),
    comparisons: 0,
    rank: undefined,
  }
  figureCache.set(steps, figures)
  return figures
}

const kindWord = (kind: AssetKind): number =>
  (1 << (stageShift + capabilities.indexOf(capabilityOf(kind)))) |
  ((kind === 'plan' ? holdsPlan : kind === 'strategy' ? holdsStrategy : 0) << governingShift)

/** Asset id → figure word of its kind; of assets sharing an id the first counts. */
const kindBitsOf = (figures: StepFigures): ReadonlyMap<AssetId, number> => {
  if (figures.kindBits !== undefined) return figures.kindBits
  const words = new Map<AssetKind, number>()
  const kindBits = new Map<AssetId, number>()
  for (const asset of figures.steps.graph.model.assets) {
    if (kindBits.has(asset.id)) continue
    let word = words.get(asset.kind)
    if (word === undefined) words.set(asset.kind, (word = kindWord(asset.kind)))
    kindBits.set(asset.id, word)
  }
  figures.kindBits = kindBits
  return kindBits
}

const fromBits = <T>(all: ReadonlyArray<T>, bits: number): ReadonlyArray<T> =>
  Object.freeze(all.filter((_, rank) => (bits & (1 << rank)) !== 0))
/** Frozen level lists indexed by a bit set of level ranks. @category Loops */
export const levelsByBits: ReadonlyArray<ReadonlyArray<Level>> = Array.from({ length: 1 << levels.length }, (_, bits) => fromBits(levels, bits))
/** Frozen capability lists indexed by a bit set of capability ranks. @category Loops */
export const stagesByBits: ReadonlyArray<ReadonlyArray<Capability>> = Array.from({ length: 1 << capabilities.length }, (_, bits) => fromBits(capabilities, bits))

/**
 * Read arc `a`'s channels once into `figures` and return its figure word:
 * O(channels of the arc + assets they carry).
 * @category Loops
 */
export const figureArc = (figures: StepFigures, a: number): number => {
  const steps = figures.steps
  const first = steps.arcEdgeOffsets[a]!
  const end = steps.arcEdgeOffsets[a + 1]!
  if (end - first === 1) return figureChannel(figures, a, channelOfArcEdge(figures, first))
  const ids: ChannelId[] = []
  let fastest = Number.POSITIVE_INFINITY
  let allFail = 1
  let sign: '+' | '-' | undefined
  let unknown = false
  let word = readyBit
  for (let k = first; k < end; k++) {
    const channel = channelOfArcEdge(figures, k)
    ids.push(channel.id)
    word |= channelWord(figures, channel)
    fastest = Math.min(fastest, channel.latencyDays ?? 0)
    allFail *= 1 - (channel.reliability ?? 1)
    if (channel.polarity === undefined || (sign !== undefined && sign !== channel.polarity)) unknown = true
    sign = channel.polarity
  }
  sortIds(ids)
  figures.channelIds[a] = Object.freeze(ids)
  figures.fastest[a] = fastest === Number.POSITIVE_INFINITY ? 0 : fastest
  figures.passes[a] = 1 - allFail
  figures.sign[a] = unknown || ids.length === 0 ? 0 : sign === '-' ? -1 : 1
  figures.arcBits[a] = word
  return word
}

/** Sort a few ids in place in code-unit order (insertion sort: an arc has few channels). */
const sortIds = (ids: ChannelId[]): void => {
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i]!
    let j = i - 1
    for (; j >= 0 && ids[j]! > id; j--) ids[j + 1] = ids[j]!
    ids[j + 1] = id
  }
}

/** The channel behind position `k` of the steps' `arcEdges`. */
const channelOfArcEdge = (figures: StepFigures, k: number): Channel => {
  const graph = figures.steps.graph
  return graph.model.channels[graph.edgeChannel[figures.steps.arcEdges[k]!]!]!
}

/** A channel's level bit, and the stage and governing bits of the assets it carries. */
const channelWord = (figures: StepFigures, channel: Channel): number => {
  let word = 1 << levels.indexOf(channel.level)
  const carries = channel.carries
  if (carries.length === 0) return word
  const kindBits = kindBitsOf(figures)
  for (let c = 0; c < carries.length; c++) word |= kindBits.get(carries[c]!) ?? 0
  return word
}

/** {@link figureArc} for an arc of one channel (most are), with the same arithmetic. */
const figureChannel = (figures: StepFigures, a: number, channel: Channel): number => {
  const word = readyBit | channelWord(figures, channel)
  const polarity = channel.polarity
  figures.channelIds[a] = Object.freeze([channel.id])
  figures.fastest[a] = channel.latencyDays ?? 0
  figures.passes[a] = 1 - (1 - (channel.reliability ?? 1))
  figures.sign[a] = polarity === undefined ? 0 : polarity === '-' ? -1 : 1
  figures.arcBits[a] = word
  return word
}
