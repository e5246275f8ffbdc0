import type { SimulationNetwork } from './network.js'
import type { ActorBehaviour } from './resolve.js'

/**
 * Numbers per actor in {@link packActors}' array: what handling a message reads about
 * its receiver, side by side (one 64-byte line) instead of in eight arrays.
 * @internal
 */
export const actorWidth = 8
/** @internal */
export const respondField = 0
/** @internal */
export const makeSenseField = 1
/** @internal */
export const decideField = 2
/** @internal */
export const actField = 3
/** @internal */
export const recordLessonField = 4
/** @internal */
export const passOnField = 5
/** @internal */
export const capacityField = 6
/** Bits: {@link governingBit}, {@link removedBit}. @internal */
export const stateField = 7
/** @internal */
export const governingBit = 1
/** @internal */
export const removedBit = 2

/**
 * Numbers per edge in {@link packEdges}' array: reliability, latency, receiver, and
 * lane bits plus {@link closedBit}, side by side, so sending along an actor's channels
 * reads one run of memory instead of five arrays.
 * @internal
 */
export const edgeWidth = 4
/** @internal */
export const reliabilityField = 0
/** @internal */
export const latencyField = 1
/** @internal */
export const receiverField = 2
/** @internal */
export const laneField = 3
/** Set in an edge's lane field while the channel is closed (above every lane bit). @internal */
export const closedBit = 8

/**
 * Interleave each actor's behaviour and state into one `Float64Array` (the values are
 * copied exactly, so draws compare against the same numbers). Rebuilt after each
 * intervention. O(V).
 * @internal
 */
export const packActors = (network: SimulationNetwork, behaviour: ActorBehaviour): Float64Array => {
  const n = network.graph.actorCount
  const packed = new Float64Array(n * actorWidth)
  for (let v = 0; v < n; v++) {
    const at = v * actorWidth
    packed[at + respondField] = behaviour.respond[v]!
    packed[at + makeSenseField] = behaviour.makeSense[v]!
    packed[at + decideField] = behaviour.decide[v]!
    packed[at + actField] = behaviour.act[v]!
    packed[at + recordLessonField] = behaviour.recordLesson[v]!
    packed[at + passOnField] = behaviour.passOn[v]!
    packed[at + capacityField] = behaviour.capacityPerDay[v]!
    packed[at + stateField] = (behaviour.governing[v] === 1 ? governingBit : 0) | (network.removed[v] === 1 ? removedBit : 0)
  }
  return packed
}

/** Interleave each edge's reliability, latency, receiver and lanes (open or closed). Rebuilt after each intervention. O(E). @internal */
export const packEdges = (network: SimulationNetwork): Float64Array => {
  const { graph, reliability, latency, lanes, enabled } = network
  const packed = new Float64Array(graph.edgeCount * edgeWidth)
  for (let e = 0; e < graph.edgeCount; e++) {
    const at = e * edgeWidth
    packed[at + reliabilityField] = reliability[e]!
    packed[at + latencyField] = latency[e]!
    packed[at + receiverField] = graph.targets[e]!
    packed[at + laneField] = lanes[e]! | (enabled[e] === 1 ? 0 : closedBit)
  }
  return packed
}
