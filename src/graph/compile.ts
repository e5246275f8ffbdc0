import type { Actor, Channel, Model } from '../model/codecs.js'
import type { ActorId, AssetId } from '../model/primitives.js'
import { type Level, isLayVoice } from '../model/vocabulary.js'

/**
 * Which part of a model to compile. By default: every actor and every active channel.
 * @category Graph
 */
export interface GraphScope {
  /** Only channels at this level, and only actors that take part in it or are the end of such a channel. */
  readonly level?: Level
  /** Keep channels whose status is not `active` too (default `false`). */
  readonly includeInactive?: boolean
  /** A further test a channel must pass to be kept. */
  readonly channelFilter?: (channel: Channel) => boolean
}

/**
 * A model compiled once into a compressed sparse row (CSR) index over typed arrays.
 * Actors are numbered `0..actorCount-1` in model order; edges are numbered in the
 * order of their channels in the model. Parallel channels are kept as parallel edges,
 * and a channel from an actor to itself is a self-loop edge.
 *
 * Out-edges of actor `v` are `offsets[v] .. offsets[v+1]-1`; `targets[e]` is the
 * receiving actor of edge `e` and `edgeChannel[e]` the index of its channel in
 * `model.channels`. In-edges of `v` are `reverseOffsets[v] .. reverseOffsets[v+1]-1`;
 * `sources[r]` is the sending actor of in-edge `r` and `reverseEdge[r]` its edge number.
 * @category Graph
 */
export interface CompiledGraph {
  readonly model: Model
  readonly scope: GraphScope
  readonly actorCount: number
  readonly edgeCount: number
  /** Index → actor (the model's own object). */
  readonly actors: ReadonlyArray<Actor>
  /** Actor id → index (a `Map`, so ids such as `__proto__` are safe). */
  readonly indexOf: ReadonlyMap<ActorId, number>
  readonly offsets: Int32Array
  readonly targets: Int32Array
  readonly edgeChannel: Int32Array
  readonly reverseOffsets: Int32Array
  readonly sources: Int32Array
  readonly reverseEdge: Int32Array
  /** `1` where the actor is a lay voice: its perspective is lay, or mixed (a forum). */
  readonly lay: Uint8Array
  /** `1` where the actor's perspective is mixed: a lay voice and a professional one. */
  readonly mixed: Uint8Array
}

/**
 * Compile a decoded model into a {@link CompiledGraph}. Channels whose ends are not
 * actors of the model are skipped (a decoded model has none); of actors sharing an id
 * the first is kept. Actor ids are interned into one `Map` once, each channel costs
 * two lookups, and the rest is counting sorts over typed arrays. O(V + E) time and
 * memory.
 * @category Graph
 */
export const compileGraph = (model: Model, scope: GraphScope = {}): CompiledGraph => compileReading(model, scope, false)

/**
 * What a compile read of the channels besides their ends, for a trace to use without
 * reading a million channel objects again in edge order (each read misses the cache):
 * what each edge's channel carries, by edge, and the model positions of the channels
 * that are not active, with the index of each one's sender (`-1` when it is not an actor).
 * @internal
 */
export interface ChannelReading {
  readonly carried: ReadonlyArray<ReadonlyArray<AssetId>>
  readonly idle: ReadonlyArray<number>
  readonly idleSenders: ReadonlyArray<number>
  /** The channels compiled, and the model positions (`kept`) and ends of those that became edges, in model order: what a later compile of a model that shares them can reuse. */
  readonly ends: { readonly channels: ReadonlyArray<Channel>; readonly kept: Int32Array; readonly from: Int32Array; readonly to: Int32Array }
}

const readings = new WeakMap<CompiledGraph, ChannelReading>()

/** The reading {@link compileGraphReading} kept for a graph, if it was compiled so. @internal */
export const channelReadingOf = (graph: CompiledGraph): ChannelReading | undefined => readings.get(graph)

/**
 * {@link compileGraph} of the default scope that keeps a {@link ChannelReading} of the
 * channels too (see `channelReadingOf`). Given the graph of an earlier model with the same
 * actors (the same array, no id repeated), such as the model before repairs were applied,
 * its channel objects that this model still lists, in the same order, keep their ends
 * without two id lookups each. @internal
 */
export const compileGraphReading = (model: Model, earlier?: CompiledGraph): CompiledGraph => {
  const reading = earlier === undefined ? undefined : readings.get(earlier)
  const reuse = reading !== undefined && earlier!.model.actors === model.actors && earlier!.indexOf.size === model.actors.length
  return compileReading(model, {}, true, reuse ? { indexOf: earlier!.indexOf, ends: reading.ends } : undefined)
}

const compileReading = (
  model: Model,
  scope: GraphScope,
  read: boolean,
  earlier?: { readonly indexOf: ReadonlyMap<ActorId, number>; readonly ends: ChannelReading['ends'] },
): CompiledGraph => {
  const modelActors = model.actors
  const channels = model.channels
  const level = scope.level
  const includeInactive = scope.includeInactive === true
  const channelFilter = scope.channelFilter

  // Intern ids once: model position of the first actor with each id.
  // (The earlier compile's, when it is reused: the same actors, no id repeated.)
  const firstIndex = earlier === undefined ? new Map<ActorId, number>() : (earlier.indexOf as Map<ActorId, number>)
  let duplicates = false
  for (let a = 0; a < modelActors.length && earlier === undefined; a++) {
    const id = modelActors[a]!.id
    if (firstIndex.has(id)) duplicates = true
    else firstIndex.set(id, a)
  }

  const total = channels.length
  let from = new Int32Array(total)
  let to = new Int32Array(total)
  const kept = new Int32Array(total)
  // Read while each channel is in the cache: by kept position, placed by edge below.
  const carriedKept: Array<ReadonlyArray<AssetId>> = []
  const idle: number[] = []
  const idleSenders: number[] = []
  // Walking the earlier model's channels alongside: `p` its position, `q` its next edge.
  const ends = earlier?.ends
  let p = 0
  let q = 0
  let m = 0
  for (let c = 0; c < total; c++) {
    const channel = channels[c]!
    let known = -1
    if (ends !== undefined && p < ends.channels.length) {
      // The same channel object keeps its ends; one put in its place (the same id) is read afresh; another is new here.
      const same = ends.channels[p] === channel
      if (same || ends.channels[p]!.id === channel.id) {
        if (ends.kept[q] === p) {
          if (same) known = q
          q++
        }
        p++
      }
    }
    if (!includeInactive && channel.status !== 'active') {
      if (read) (idle.push(c), idleSenders.push(firstIndex.get(channel.from) ?? -1))
      continue
    }
    if (level !== undefined && channel.level !== level) continue
    if (channelFilter !== undefined && !channelFilter(channel)) continue
    const sender = known >= 0 ? ends!.from[known]! : firstIndex.get(channel.from)
    if (sender === undefined) continue
    const receiver = known >= 0 ? ends!.to[known]! : firstIndex.get(channel.to)
    if (receiver === undefined) continue
    if (read) carriedKept.push(channel.carries)
    from[m] = sender
    to[m] = receiver
    kept[m++] = c
  }

  // Number the actors in scope; `local` maps model positions to indices when that differs.
  let actors: Actor[]
  let indexOf: Map<ActorId, number>
  if (level === undefined && !duplicates) {
    actors = modelActors.slice()
    indexOf = firstIndex
  } else {
    const touched = new Uint8Array(modelActors.length)
    if (level !== undefined) for (let k = 0; k < m; k++) touched[from[k]!] = touched[to[k]!] = 1
    const local = new Int32Array(modelActors.length).fill(-1)
    actors = []
    indexOf = new Map()
    for (let a = 0; a < modelActors.length; a++) {
      const actor = modelActors[a]!
      if (firstIndex.get(actor.id) !== a) continue
      if (level !== undefined && touched[a] === 0 && !actor.levels.includes(level)) continue
      local[a] = actors.length
      indexOf.set(actor.id, actors.length)
      actors.push(actor)
    }
    for (let k = 0; k < m; k++) {
      from[k] = local[from[k]!]!
      to[k] = local[to[k]!]!
    }
    for (let i = 0; i < idleSenders.length; i++) if (idleSenders[i]! >= 0) idleSenders[i] = local[idleSenders[i]!]!
  }
  from = from.subarray(0, m)
  to = to.subarray(0, m)

  const n = actors.length
  const offsets = new Int32Array(n + 1)
  const reverseOffsets = new Int32Array(n + 1)
  for (let k = 0; k < m; k++) {
    offsets[from[k]! + 1]!++
    reverseOffsets[to[k]! + 1]!++
  }
  for (let v = 0; v < n; v++) {
    offsets[v + 1]! += offsets[v]!
    reverseOffsets[v + 1]! += reverseOffsets[v]!
  }

  // Counting sorts by sender and by receiver keep each actor's edges in channel order.
  const targets = new Int32Array(m)
  const edgeChannel = new Int32Array(m)
  const sources = new Int32Array(m)
  const reverseEdge = new Int32Array(m)
  const cursor = offsets.slice(0, n)
  const reverseCursor = reverseOffsets.slice(0, n)
  const carried: Array<ReadonlyArray<AssetId>> = read ? new Array(m) : []
  for (let k = 0; k < m; k++) {
    const sender = from[k]!
    const receiver = to[k]!
    const e = cursor[sender]!++
    targets[e] = receiver
    edgeChannel[e] = kept[k]!
    const r = reverseCursor[receiver]!++
    sources[r] = sender
    reverseEdge[r] = e
    if (read) carried[e] = carriedKept[k]!
  }

  const lay = new Uint8Array(n)
  const mixed = new Uint8Array(n)
  for (let v = 0; v < n; v++) {
    const perspective = actors[v]!.perspective
    if (isLayVoice(perspective)) lay[v] = 1
    if (perspective === 'mixed') mixed[v] = 1
  }

  const graph: CompiledGraph = { model, scope, actorCount: n, edgeCount: m, actors, indexOf, offsets, targets, edgeChannel, reverseOffsets, sources, reverseEdge, lay, mixed }
  if (read) readings.set(graph, { carried, idle, idleSenders, ends: { channels, kept: kept.subarray(0, m), from, to } })
  return graph
}

/**
 * The channel behind edge `e` of a compiled graph.
 * @category Graph
 */
export const channelOfEdge = (graph: CompiledGraph, edge: number): Channel =>
  graph.model.channels[graph.edgeChannel[edge]!]!
