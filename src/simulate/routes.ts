import { type SimulationNetwork, replyLane } from './network.js'

/**
 * Reply routes. A reply travels towards the actor who raised the experience by a
 * shortest route (fewest channels, at most a limit) over open channels between actors
 * still present.
 * Each route is found when the reply is sent, by bidirectional breadth-first search
 * (Pohl 1971) from the sender forwards and from the raiser backwards, expanding the
 * smaller frontier one whole layer at a time; where one actor can be reached by two
 * equally short steps, a channel that carries a `response` asset is preferred, then
 * the earlier channel in model order. O(V + E) at worst, and typically far less (two
 * balls of half the route's length). Generation stamps avoid clearing arrays between
 * searches. Routes are kept in a pool of edge lists that replies walk, and cached by
 * (sender, raiser) until an intervention changes the network. Iterative.
 * @internal
 */
export class ReplyRoutes {
  private readonly forward: Side
  private readonly backward: Side
  private generation = 0
  /** Routes found, by sender × actor count + raiser, until the network changes. */
  private readonly cache = new Map<number, number>()
  /** Routes: at a handle, the route's length L, then L edges. */
  pool = new Int32Array(1024)
  private poolSize = 0

  constructor(private readonly network: SimulationNetwork) {
    this.forward = newSide(network.graph.actorCount)
    this.backward = newSide(network.graph.actorCount)
  }

  /** Forget cached routes (after the network changes); routes already in the pool stay readable. */
  clear(): void {
    this.cache.clear()
  }

  /** Find a route of at most `limit` channels from `from` to `raiser`; returns its handle in {@link pool}, or -1 when there is none. */
  find(from: number, raiser: number, limit: number): number {
    const key = from * this.network.graph.actorCount + raiser
    const cached = this.cache.get(key)
    if (cached !== undefined) return cached
    const handle = this.search(from, raiser, limit)
    this.cache.set(key, handle)
    return handle
  }

  private search(from: number, raiser: number, limit: number): number {
    const { graph, enabled, removed, lanes } = this.network
    const { offsets, targets, reverseOffsets, sources, reverseEdge } = graph
    if (removed[raiser] === 1 || removed[from] === 1 || from === raiser) return -1
    const generation = ++this.generation
    const f = start(this.forward, from, generation)
    const b = start(this.backward, raiser, generation)
    let meetingEdge = -1
    let best = Number.POSITIVE_INFINITY
    let forwardDepth = 0
    let backwardDepth = 0
    while (meetingEdge === -1 && f.tail > f.head && b.tail > b.head && forwardDepth + backwardDepth < limit) {
      const expandForward = f.tail - f.head <= b.tail - b.head
      const side = expandForward ? f : b
      const other = expandForward ? b : f
      if (expandForward) forwardDepth++
      else backwardDepth++
      const layerEnd = side.tail
      while (side.head < layerEnd) {
        const w = side.queue[side.head++]!
        const low = expandForward ? offsets[w]! : reverseOffsets[w]!
        const high = expandForward ? offsets[w + 1]! : reverseOffsets[w + 1]!
        for (let k = low; k < high; k++) {
          const e = expandForward ? k : reverseEdge[k]!
          const u = expandForward ? targets[k]! : sources[k]!
          if (enabled[e] === 0 || removed[u] === 1) continue
          if (other.stamp[u] === generation) {
            const total = side.distance[w]! + 1 + other.distance[u]!
            if (total < best) {
              best = total
              meetingEdge = e
            }
            continue
          }
          if (side.stamp[u] === generation) {
            // An equally short step that carries a reply wins over the one found first.
            if (side.distance[u] === side.distance[w]! + 1 && (lanes[e]! & replyLane) !== 0 && (lanes[side.link[u]!]! & replyLane) === 0) {
              side.link[u] = e
            }
            continue
          }
          side.stamp[u] = generation
          side.distance[u] = side.distance[w]! + 1
          side.link[u] = e
          side.queue[side.tail++] = u
        }
      }
    }
    if (meetingEdge === -1) return -1
    return this.store(from, raiser, meetingEdge)
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

/** One direction of the search: stamps, distances from its start, the edge each actor was reached by, and a queue. */
interface Side {
  readonly stamp: Int32Array
  readonly distance: Int32Array
  readonly link: Int32Array
  readonly queue: Int32Array
  head: number
  tail: number
}

const newSide = (n: number): Side => ({
  stamp: new Int32Array(n),
  distance: new Int32Array(n),
  link: new Int32Array(n),
  queue: new Int32Array(n),
  head: 0,
  tail: 0,
})

const start = (side: Side, actor: number, generation: number): Side => {
  side.stamp[actor] = generation
  side.distance[actor] = 0
  side.link[actor] = -1
  side.queue[0] = actor
  side.head = 0
  side.tail = 1
  return side
}
