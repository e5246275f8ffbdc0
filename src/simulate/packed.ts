import type { SimulationNetwork } from './network.js'
import type { ActorBehaviour } from './resolve.js'

/**
 * Numbers per row of an actor profile in {@link PackedActors.profiles}: what handling a
 * message reads about its receiver, side by side (a 32-byte half line; the last number is spare).
 * @internal
 */
export const actorWidth = 4
/** @internal */
export const passOnField = 0
/** @internal */
export const capacityField = 1
/** Bits: {@link governingBit}, {@link removedBit}. @internal */
export const stateField = 2
/** @internal */
export const governingBit = 1
/** @internal */
export const removedBit = 2

/** Numbers per row of an edge profile in {@link PackedEdges.profiles}: reliability, then latency. @internal */
export const edgeProfileWidth = 2
/** @internal */
export const reliabilityField = 0
/** @internal */
export const latencyField = 1
/** Set in an edge's word while the channel is closed. @internal */
export const closedBit = 1
/** An edge's profile number sits above its closed bit in its word. @internal */
export const profileShift = 1

/**
 * Actors as the engine reads them: each actor's profile number, and one row per
 * distinct profile (behaviour and state). Organisations have many actors but few
 * distinct behaviours, so the rows fit in the fastest cache instead of one 64-byte line
 * per actor.
 * @internal
 */
export interface PackedActors {
  readonly profileOf: Int32Array
  readonly profiles: Float64Array
}

/**
 * Edges as the engine reads them: per edge a pair (receiver, word: {@link closedBit}
 * and the edge's profile number shifted by {@link profileShift}),
 * and one (reliability, latency) row per distinct profile.
 * @internal
 */
export interface PackedEdges {
  readonly words: Int32Array
  readonly profiles: Float64Array
}

/**
 * Number the distinct rows of `rows` (`count` rows of `width` numbers, compared bit for
 * bit): returns each row's number and the distinct rows in order of first appearance.
 * Open addressing on a hash of the rows' bits. O(count × width) expected.
 * @internal
 */
export const internRows = (rows: Float64Array, width: number, count: number): { readonly index: Int32Array; readonly table: Float64Array } => {
  const words = new Int32Array(rows.buffer, rows.byteOffset, count * width * 2)
  let bits = 4
  while (1 << bits < count * 2) bits++
  const slots = new Int32Array(1 << bits).fill(-1)
  const mask = (1 << bits) - 1
  const index = new Int32Array(count)
  const firstRow: number[] = []
  for (let row = 0; row < count; row++) {
    let hash = 0x811c9dc5
    for (let i = row * width * 2, end = i + width * 2; i < end; i++) hash = Math.imul(hash ^ words[i]!, 0x01000193)
    let slot = hash >>> (32 - bits)
    for (; ; slot = (slot + 1) & mask) {
      const found = slots[slot]!
      if (found === -1) {
        slots[slot] = firstRow.length
        index[row] = firstRow.length
        firstRow.push(row)
        break
      }
      if (sameRow(words, firstRow[found]!, row, width)) {
        index[row] = found
        break
      }
    }
  }
  const table = new Float64Array(firstRow.length * width)
  firstRow.forEach((row, number) => table.set(rows.subarray(row * width, row * width + width), number * width))
  return { index, table }
}

const sameRow = (words: Int32Array, a: number, b: number, width: number): boolean => {
  for (let i = 0; i < width * 2; i++) if (words[a * width * 2 + i] !== words[b * width * 2 + i]) return false
  return true
}

/**
 * Each actor's behaviour and state as a profile (the values are copied exactly, so
 * draws compare against the same numbers). Rebuilt after each intervention. O(V).
 * @internal
 */
export const packActors = (network: SimulationNetwork, behaviour: ActorBehaviour): PackedActors => {
  const n = network.graph.actorCount
  const rows = new Float64Array(n * actorWidth)
  for (let v = 0; v < n; v++) {
    const at = v * actorWidth
    rows[at + passOnField] = behaviour.passOn[v]!
    rows[at + capacityField] = behaviour.capacityPerDay[v]!
    rows[at + stateField] = (behaviour.governing[v] === 1 ? governingBit : 0) | (network.removed[v] === 1 ? removedBit : 0)
  }
  const { index, table } = internRows(rows, actorWidth, n)
  return { profileOf: index, profiles: table }
}

/** Each edge's receiver, whether it is open, and (reliability, latency) profile. Rebuilt after each intervention. O(E). @internal */
export const packEdges = (network: SimulationNetwork): PackedEdges => {
  const { graph, reliability, latency, enabled } = network
  const m = graph.edgeCount
  const rows = new Float64Array(m * edgeProfileWidth)
  for (let e = 0; e < m; e++) {
    rows[e * edgeProfileWidth + reliabilityField] = reliability[e]!
    rows[e * edgeProfileWidth + latencyField] = latency[e]!
  }
  const { index, table } = internRows(rows, edgeProfileWidth, m)
  const words = new Int32Array(m * 2)
  for (let e = 0; e < m; e++) {
    words[2 * e] = graph.targets[e]!
    words[2 * e + 1] = (enabled[e] === 1 ? 0 : closedBit) | (index[e]! << profileShift)
  }
  return { words, profiles: table }
}
