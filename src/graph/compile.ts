import type { Actor, Channel, Model } from '../model/codecs.js'
import type { ActorId } from '../model/primitives.js'
import type { Level } from '../model/vocabulary.js'

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
  /** `1` where the actor's perspective is lay. */
  readonly lay: Uint8Array
}

const keepChannel = (scope: GraphScope, channel: Channel): boolean =>
  (scope.includeInactive === true || channel.status === 'active') &&
  (scope.level === undefined || channel.level === scope.level) &&
  (scope.channelFilter === undefined || scope.channelFilter(channel))

/**
 * Compile a decoded model into a {@link CompiledGraph}. Channels whose ends are not
 * actors of the model are skipped (a decoded model has none). O(V + E) time and memory.
 * @category Graph
 */
export const compileGraph = (model: Model, scope: GraphScope = {}): CompiledGraph => {
  const all = new Map<ActorId, Actor>()
  for (const actor of model.actors) if (!all.has(actor.id)) all.set(actor.id, actor)

  const kept: number[] = []
  const inScope = new Set<ActorId>()
  model.channels.forEach((channel, index) => {
    if (!keepChannel(scope, channel) || !all.has(channel.from) || !all.has(channel.to)) return
    kept.push(index)
    if (scope.level !== undefined) {
      inScope.add(channel.from)
      inScope.add(channel.to)
    }
  })

  const actors: Actor[] = []
  const indexOf = new Map<ActorId, number>()
  for (const actor of all.values()) {
    if (scope.level !== undefined && !actor.levels.includes(scope.level) && !inScope.has(actor.id)) continue
    indexOf.set(actor.id, actors.length)
    actors.push(actor)
  }

  const n = actors.length
  const m = kept.length
  const from = new Int32Array(m)
  const to = new Int32Array(m)
  const offsets = new Int32Array(n + 1)
  const reverseOffsets = new Int32Array(n + 1)
  for (let k = 0; k < m; k++) {
    const channel = model.channels[kept[k]!]!
    from[k] = indexOf.get(channel.from)!
    to[k] = indexOf.get(channel.to)!
    offsets[from[k]! + 1]!++
    reverseOffsets[to[k]! + 1]!++
  }
  for (let v = 0; v < n; v++) {
    offsets[v + 1]! += offsets[v]!
    reverseOffsets[v + 1]! += reverseOffsets[v]!
  }

  // Counting sort by sender keeps each actor's out-edges in channel order.
  const targets = new Int32Array(m)
  const edgeChannel = new Int32Array(m)
  const cursor = offsets.slice(0, n)
  const edgeOfChannel = new Int32Array(m)
  for (let k = 0; k < m; k++) {
    const e = cursor[from[k]!]!++
    targets[e] = to[k]!
    edgeChannel[e] = kept[k]!
    edgeOfChannel[k] = e
  }
  const sources = new Int32Array(m)
  const reverseEdge = new Int32Array(m)
  const reverseCursor = reverseOffsets.slice(0, n)
  for (let k = 0; k < m; k++) {
    const r = reverseCursor[to[k]!]!++
    sources[r] = from[k]!
    reverseEdge[r] = edgeOfChannel[k]!
  }

  const lay = new Uint8Array(n)
  for (let v = 0; v < n; v++) lay[v] = actors[v]!.perspective === 'lay' ? 1 : 0

  return { model, scope, actorCount: n, edgeCount: m, actors, indexOf, offsets, targets, edgeChannel, reverseOffsets, sources, reverseEdge, lay }
}

/**
 * The channel behind edge `e` of a compiled graph.
 * @category Graph
 */
export const channelOfEdge = (graph: CompiledGraph, edge: number): Channel =>
  graph.model.channels[graph.edgeChannel[edge]!]!
