import type { Channel } from '../model/codecs.js'
import type { ActorId, ChannelId } from '../model/primitives.js'
import { type AssetKind, type Capability, type Level, assetKinds, capabilities, capabilityOf, levels } from '../model/vocabulary.js'
import { edgeAttributesOf } from './edge-data.js'
import { isNationalPolicy, traceStageOf } from './provenance.js'
import type { LoopMeasure } from './loop-measure.js'
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
  /**
   * Per actor index: the plans and strategies it holds, each with its governing bit and
   * what it is made from (`undefined`: inferred, from anything of an earlier stage it
   * receives); built when first needed.
   */
  governing: ReadonlyArray<ReadonlyArray<GoverningHeld> | undefined> | undefined
  /** Per edge: the kinds its channel carries (the graph's `carriedKinds`); read when first needed. */
  carriedKinds: Uint16Array | undefined
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
  /** Whether actor ids ascend with their index (so a loop's smallest index is its canonical start); read when first needed. */
  idsAscending: boolean | undefined
  /** Scratch prefixes for describing one loop at a time (`describeCycle`). */
  measure: LoopMeasure | undefined
}

/** A plan or strategy an actor holds, for the order of the loops through it. @internal */
export interface GoverningHeld {
  readonly bit: number
  readonly parents: ReadonlySet<string> | undefined
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
  const arcs = steps.targets.length
  const figures: StepFigures = {
    steps,
    ids: graph.actors.map((actor) => actor.id),
    governing: undefined,
    carriedKinds: undefined,
    arcBits: new Int32Array(arcs),
    fastest: new Float64Array(arcs),
    passes: new Float64Array(arcs),
    sign: new Int8Array(arcs),
    channelIds: new Array<ReadonlyArray<ChannelId>>(arcs),
    comparisons: 0,
    rank: undefined,
    idsAscending: undefined,
    measure: undefined,
  }
  figureCache.set(steps, figures)
  return figures
}

const kindWord = (kind: AssetKind): number => 1 << (stageShift + capabilities.indexOf(capabilityOf(kind)))

/** Kinds a plan or strategy whose provenance is inferred is made from: those of an earlier stage (sense, make sense). */
const earlierThanDeciding = assetKinds.reduce((mask, kind, bit) => (traceStageOf(kind) === 0 || traceStageOf(kind) === 1 ? mask | (1 << bit) : mask), 0)

/** Each actor's plans and strategies (see {@link StepFigures.governing}). O(assets). */
const governingOf = (figures: StepFigures): ReadonlyArray<ReadonlyArray<GoverningHeld> | undefined> => {
  const graph = figures.steps.graph
  const held: Array<GoverningHeld[] | undefined> = new Array(graph.actorCount)
  for (const asset of graph.model.assets) {
    const bit = asset.kind === 'plan' ? holdsPlan : asset.kind === 'strategy' ? holdsStrategy : 0
    const holder = bit === 0 ? undefined : graph.indexOf.get(asset.holder)
    if (holder === undefined) continue
    // A regulator's national policy is made from nothing in the model unless declared (see `isNationalPolicy`).
    const declared = asset.derivedFrom ?? (isNationalPolicy(asset.kind, graph.actors[holder]!.kind) ? [] : undefined)
    ;(held[holder] ??= []).push({ bit: bit << governingShift, parents: declared === undefined ? undefined : new Set(declared) })
  }
  return held
}

/**
 * The governing bits of what the receiver of edge `edge` makes from what it carries: a
 * plan (or strategy) made from something on the channel, declared, or inferred from
 * anything of an earlier stage it carries. A loop is double where, at some step, a plan
 * is made from what came round, not where someone on it merely holds one: a board and
 * NHS England exchanging returns and guidance make nothing of each other's.
 */
const madeFromWord = (figures: StepFigures, channel: Channel, edge: number, carriedKinds: Uint16Array): number => {
  const held = (figures.governing ??= governingOf(figures))[figures.steps.graph.targets[edge]!]
  if (held === undefined) return 0
  let word = 0
  for (const { bit, parents } of held) {
    if (parents === undefined ? (carriedKinds[edge]! & earlierThanDeciding) !== 0 : channel.carries.some((id) => parents.has(id))) word |= bit
  }
  return word
}

/** Figure word (stage and governing bits) of every set of asset kinds, indexed by its carried-kinds mask. */
const wordOfKinds: Int32Array = Int32Array.from({ length: 1 << assetKinds.length }, (_, mask) =>
  assetKinds.reduce((word, kind, bit) => ((mask & (1 << bit)) !== 0 ? word | kindWord(kind) : word), 0),
)

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
  if (end - first === 1) return figureChannel(figures, a, steps.arcEdges[first]!)
  const ids: ChannelId[] = []
  let fastest = Number.POSITIVE_INFINITY
  let allFail = 1
  let sign: '+' | '-' | undefined
  let unknown = false
  let word = readyBit
  for (let k = first; k < end; k++) {
    const edge = steps.arcEdges[k]!
    const channel = channelOf(figures, edge)
    ids.push(channel.id)
    word |= channelWord(figures, channel, edge)
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

/** The channel behind edge `edge` of the steps' graph. */
const channelOf = (figures: StepFigures, edge: number): Channel => {
  const graph = figures.steps.graph
  return graph.model.channels[graph.edgeChannel[edge]!]!
}

/** A channel's level bit, and the stage and governing bits of the assets it (edge `edge`) carries. */
const channelWord = (figures: StepFigures, channel: Channel, edge: number): number => {
  const word = 1 << levels.indexOf(channel.level)
  if (channel.carries.length === 0) return word
  const carriedKinds = (figures.carriedKinds ??= edgeAttributesOf(figures.steps.graph).carriedKinds)
  return word | wordOfKinds[carriedKinds[edge]!]! | madeFromWord(figures, channel, edge, carriedKinds)
}

/** {@link figureArc} for an arc of one channel (most are), with the same arithmetic. */
const figureChannel = (figures: StepFigures, a: number, edge: number): number => {
  const channel = channelOf(figures, edge)
  const word = readyBit | channelWord(figures, channel, edge)
  const polarity = channel.polarity
  figures.channelIds[a] = Object.freeze([channel.id])
  figures.fastest[a] = channel.latencyDays ?? 0
  figures.passes[a] = 1 - (1 - (channel.reliability ?? 1))
  figures.sign[a] = polarity === undefined ? 0 : polarity === '-' ? -1 : 1
  figures.arcBits[a] = word
  return word
}
