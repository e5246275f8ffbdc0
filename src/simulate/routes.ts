import { type SimulationNetwork, replyLane } from './network.js'
import { RouteCache } from './route-cache.js'

/**
 * Reply routes. A reply travels towards the actor who raised the experience by a
 * shortest route (fewest channels, at most a limit) over open channels that carry a
 * `response`, between actors still present: a reply goes only where a channel exists
 * for replies, never over care delivery or a report that carries something else.
 * Each route is found when the reply is sent, by bidirectional breadth-first search
 * (Pohl 1971) from the sender forwards and from the raiser backwards, expanding the
 * smaller frontier one whole layer at a time; where one actor can be reached by two
 * equally short steps, the earlier channel in model order wins. O(V + E) at worst, and
 * typically far less (two balls of half the route's length); only the actors a search
 * reached are reset after it. Routes are kept in a pool of edge lists that replies
 * walk, and cached by (sender, raiser) in a typed-array table until an intervention
 * changes the network. Iterative.
 * @internal
 */
export class ReplyRoutes {
  private readonly forward: Side
  private readonly backward: Side
  private readonly cache = new RouteCache()
  /** Routes: at a handle, the route's length L, then L edges. */
  pool = new Int32Array(1024)
  private poolSize = 0

  /** Edge `k` of the forward index is edge `k` itself, so both directions expand alike. */
  private readonly forwardEdges: Int32Array
  /** Per entry of the forward and the reverse index: 1 while its edge is open and carries replies, else 0; read in index order. */
  private readonly forwardArcs: Uint8Array
  private readonly backwardArcs: Uint8Array

  constructor(private readonly network: SimulationNetwork) {
    const { actorCount, edgeCount } = network.graph
    this.forwardEdges = Int32Array.from({ length: edgeCount }, (_, k) => k)
    this.forwardArcs = new Uint8Array(edgeCount)
    this.backwardArcs = new Uint8Array(edgeCount)
    this.forward = newSide(actorCount)
    this.backward = newSide(actorCount)
    this.markArcs()
  }

  /** Forget cached routes (after the network changes); routes already in the pool stay readable. */
  clear(): void {
    this.cache.clear()
    this.markArcs()
  }

  /** Copy whether each edge is open to replies into both indexes' order. O(E). */
  private markArcs(): void {
    const { enabled, lanes, graph } = this.network
    for (let e = 0; e < graph.edgeCount; e++) this.forwardArcs[e] = enabled[e] === 0 || (lanes[e]! & replyLane) === 0 ? 0 : 1
    for (let k = 0; k < graph.edgeCount; k++) this.backwardArcs[k] = this.forwardArcs[graph.reverseEdge[k]!]!
  }

  /** Find a route of at most `limit` channels from `from` to `raiser`; returns its handle in {@link pool}, or -1 when there is none. */
  find(from: number, raiser: number, limit: number): number {
    const cached = this.cache.get(from, raiser)
    if (cached !== undefined) return cached
    const handle = this.search(from, raiser, limit)
    this.cache.set(from, raiser, handle)
    return handle
  }

  private search(from: number, raiser: number, limit: number): number {
    const { removed } = this.network
    if (removed[raiser] === 1 || removed[from] === 1 || from === raiser) return -1
    const f = start(this.forward, from)
    const b = start(this.backward, raiser)
    let meetingEdge = -1
    let forwardDepth = 0
    let backwardDepth = 0
    while (meetingEdge === -1 && f.tail > f.head && b.tail > b.head && forwardDepth + backwardDepth < limit) {
      if (f.tail - f.head <= b.tail - b.head) {
        forwardDepth++
        meetingEdge = this.expandForward()
      } else {
        backwardDepth++
        meetingEdge = this.expandBackward()
      }
    }
    const handle = meetingEdge === -1 ? -1 : this.store(from, raiser, meetingEdge)
    reset(f)
    reset(b)
    return handle
  }

  /** Expand the forward frontier by one layer; returns the best meeting edge found, or -1. */
  private expandForward(): number {
    const { offsets, targets } = this.network.graph
    return expandLayer(this.forward, this.backward.distance, offsets, targets, this.forwardEdges, this.forwardArcs)
  }

  /** Expand the backward frontier by one layer (over reversed channels); returns the best meeting edge found, or -1. */
  private expandBackward(): number {
    const { reverseOffsets, sources, reverseEdge } = this.network.graph
    return expandLayer(this.backward, this.forward.distance, reverseOffsets, sources, reverseEdge, this.backwardArcs)
  }

  /** Write the route through `meetingEdge` into the pool. */
  private store(from: number, raiser: number, meetingEdge: number): number {
    const { targets } = this.network.graph
    const f = this.forward
    const b = this.backward
    const meetingFrom = this.network.edgeSource[meetingEdge]!
    const meetingTo = targets[meetingEdge]!
    const length = f.distance[meetingFrom]! + 1 + b.distance[meetingTo]!
    this.reserve(length + 1)
    const handle = this.poolSize
    this.pool[handle] = length
    let position = handle + f.distance[meetingFrom]!
    for (let u = meetingFrom; u !== from; position--) {
      const e = f.link[u]!
      this.pool[position] = e
      u = this.network.edgeSource[e]!
    }
    position = handle + 1 + f.distance[meetingFrom]!
    this.pool[position++] = meetingEdge
    for (let u = meetingTo; u !== raiser; ) {
      const e = b.link[u]!
      this.pool[position++] = e
      u = targets[e]!
    }
    this.poolSize += length + 1
    return handle
  }

  private reserve(extra: number): void {
    if (this.poolSize + extra <= this.pool.length) return
    const next = new Int32Array(Math.max(this.pool.length * 2, this.poolSize + extra))
    next.set(this.pool.subarray(0, this.poolSize))
    this.pool = next
  }
}

/** One direction of the search: distances from its start (-1: not reached), the edge each actor was reached by, and a queue. */
interface Side {
  readonly distance: Int32Array
  readonly link: Int32Array
  readonly queue: Int32Array
  head: number
  tail: number
}

const newSide = (n: number): Side => ({
  distance: new Int32Array(n).fill(-1),
  link: new Int32Array(n),
  queue: new Int32Array(n),
  head: 0,
  tail: 0,
})

const start = (side: Side, actor: number): Side => {
  side.distance[actor] = 0
  side.link[actor] = -1
  side.queue[0] = actor
  side.head = 0
  side.tail = 1
  return side
}

/** Mark every actor the search reached as not reached again (the queue holds them all). */
const reset = (side: Side): void => {
  for (let i = 0; i < side.tail; i++) side.distance[side.queue[i]!] = -1
  side.tail = 0
}

/**
 * Expand one side of the bidirectional search by one whole layer over an index
 * (`offsets`, the actor at the far end of entry `k`, the channel edge of entry `k`, and
 * its arc state): the forward index for the sender's side, the reverse index for the
 * raiser's. Returns the best edge where the two sides meet, or -1.
 */
const expandLayer = (side: Side, other: Int32Array, offsets: Int32Array, ends: Int32Array, edgeAt: Int32Array, arcs: Uint8Array): number => {
  const { distance, link, queue } = side
  let best = Number.POSITIVE_INFINITY
  let meetingEdge = -1
  const layerEnd = side.tail
  while (side.head < layerEnd) {
    const w = queue[side.head++]!
    const next = distance[w]! + 1
    for (let k = offsets[w]!, end = offsets[w + 1]!; k < end; k++) {
      if (arcs[k] === 0) continue
      const u = ends[k]!
      const beyond = other[u]!
      if (beyond >= 0) {
        if (next + beyond < best) {
          best = next + beyond
          meetingEdge = edgeAt[k]!
        }
        continue
      }
      if (distance[u]! >= 0) continue
      distance[u] = next
      link[u] = edgeAt[k]!
      queue[side.tail++] = u
    }
  }
  return meetingEdge
}
