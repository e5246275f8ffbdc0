import type { LatencyDistribution } from './parameters.js'
import { closedBit } from './packed.js'
import { exponentialDraw } from './portable-math.js'

/*
 * The engine's event types and small helpers of its inner loop. Everything here is
 * internal to the engine.
 */

/** A raising actor raises an item. @internal */
export const raiseEvent = 0
/** An asset of an item arrives at an actor over a channel. @internal */
export const assetEvent = 1
/** An actor has made a derived asset of an item (after a delay). @internal */
export const derivedEvent = 2
/** An intervention takes effect. @internal */
export const interventionEvent = 4
/** An item's raiser has waited its patience for a reply (feedback fatigue only). @internal */
export const patienceEvent = 5
/** Added to an arrival that has already passed its receiver's capacity check. @internal */
export const admitted = 8
/** The item's lane (its chain level and whether it is away: `laneOf` in live-experiences) sits above the type bits. @internal */
export const levelShift = 4

/** Whether an entry of `entryEdge[first..last)` is an open channel. @internal */
export const anyOpen = (edgeWords: Int32Array, entryEdge: Int32Array, first: number, last: number): boolean => {
  for (let i = first; i < last; i++) if ((edgeWords[2 * entryEdge[i]! + 1]! & closedBit) === 0) return true
  return false
}



/**
 * A draw of a channel's or derivation's delay with mean `mean` under the run's latency
 * distribution: the mean itself (`fixed`), an exponential draw, or uniform within
 * `jitter` of the mean. @internal
 */
export const delayDrawer = (latency: LatencyDistribution, jitter: number, next: () => number): ((mean: number) => number) => {
  const distribution = latency === 'fixed' ? 0 : latency === 'exponential' ? 1 : 2
  return (mean) => {
    if (distribution === 0 || mean === 0) return mean
    return distribution === 1 ? exponentialDraw(mean, next()) : mean * (1 + jitter * (2 * next() - 1))
  }
}
