import type { ActorId, ChannelId } from '../model/primitives.js'
import type { Level } from '../model/vocabulary.js'
import { canonicalStart } from './canonical-rotation.js'
import type { CompiledGraph } from './compile.js'
import { LoopMeasure, levelsOfCode, orderOfCode, polarityOfCode, stagesOfCode } from './loop-measure.js'
import { type StepFigures, figuresOf } from './step-figures.js'
import { findArc, loopStepsOf } from './steps.js'
import type { Loop } from './types.js'

const noChannels: ReadonlyArray<ChannelId> = Object.freeze([])

/**
 * The {@link Loop} with these actors and per-step channels (canonical rotation) and
 * these figures (`code` a loop code: see {@link LoopMeasure.code}). The one place a
 * loop object is built, so every loop has the same shape and key order.
 * @category Loops
 */
export const loopOf = (
  actors: ReadonlyArray<ActorId>,
  channels: ReadonlyArray<ReadonlyArray<ChannelId>>,
  code: number,
  layActors: number,
  mixedActors: number,
  latencyDays: number,
  reliability: number,
): Loop => ({
  actors,
  channels,
  levels: levelsOfCode(code),
  order: orderOfCode(code),
  layActors,
  professionalActors: actors.length - layActors + mixedActors,
  stages: stagesOfCode(code),
  latencyDays,
  reliability,
  polarity: polarityOfCode(code),
})

/**
 * Describe the cycle `path[0..length-1]` whose step `i` takes arc `arcs[i]` of the
 * figures' steps (`-1`: no loop channel joins the two actors). The loop's arrays of
 * channel ids, levels and stages are frozen and shared between loops; its own arrays
 * are allocated at their final size. Measured step by step from its canonical start
 * ({@link LoopMeasure}, as the loop table measures each loop it keeps). O(length) once
 * each arc's channels have been read.
 * @category Loops
 */
export const describeCycle = (
  figures: StepFigures,
  path: ArrayLike<number>,
  arcs: ArrayLike<number>,
  length: number,
): Loop => {
  const measure = (figures.measure ??= new LoopMeasure(length))
  measure.reserve(length)
  const start = canonicalStart(figures, path, length)
  measure.measure(figures, path, arcs, length, start, 0)
  return describeMeasured(figures, path, arcs, length, start, measure)
}

/**
 * The {@link Loop} of the cycle `path[0..length-1]` (as in {@link describeCycle}) whose
 * canonical rotation starts at path position `start`, once `measure` holds its figures
 * as prefix `length`. O(length).
 * @category Loops
 */
export const describeMeasured = (
  figures: StepFigures,
  path: ArrayLike<number>,
  arcs: ArrayLike<number>,
  length: number,
  start: number,
  measure: LoopMeasure,
): Loop => {
  const { ids, channelIds } = figures
  const actors = new Array<ActorId>(length)
  const channels = new Array<ReadonlyArray<ChannelId>>(length)
  for (let i = 0, k = start; i < length; i++, k = k + 1 === length ? 0 : k + 1) {
    const a = arcs[k]!
    actors[i] = ids[path[k]!]!
    channels[i] = a === -1 ? noChannels : channelIds[a]!
  }
  return loopOf(actors, channels, measure.code(length), measure.layActors[length]!, measure.mixedActors[length]!, measure.latencyDays[length]!, measure.reliability[length]!)
}

/**
 * Describe a cycle of actor indices (as the bounded search finds them) as a {@link Loop}
 * ([Architecture: loops](../../docs/architecture.md#loops)): canonical rotation starting at the actor whose id sorts first (code-unit
 * order); per step every active channel joining the two actors (at `level`, by default
 * the graph's scope level), ids sorted; levels spanned; learning order (`triple` when at
 * some step the receiver makes a `strategy` from what the step carries, declared by
 * `derivedFrom` or, where none is declared, from anything sensed or made sense of that it
 * carries (a regulator's national policy is made from nothing unless declared); `double`
 * for a `plan`; else `single`: not where an actor on the loop merely holds one); lay and
 * professional counts; stages from the kinds of carried assets, in capability order;
 * latency as the sum over steps of the fastest channel (absent latency counts as 0);
 * reliability as the product over steps of `1 - Π(1 - r)` over the step's channels
 * (absent counts as 1); polarity from each step's sign, where a step whose channels
 * disagree or lack a polarity is unknown.
 *
 * O(Σ out-degree of the loop's actors) once the per-graph step index
 * (`loopStepsOf`) exists; each step's channels are read once per graph and level
 * and their figures cached, so describing many loops costs O(length) each.
 * @category Loops
 */
export const describeLoop = (
  graph: CompiledGraph,
  cycle: ReadonlyArray<number>,
  level: Level | undefined = graph.scope.level,
): Loop => {
  const steps = loopStepsOf(graph, level)
  const length = cycle.length
  const arcs = new Int32Array(length)
  for (let i = 0; i < length; i++) arcs[i] = findArc(steps, cycle[i]!, cycle[i + 1 === length ? 0 : i + 1]!)
  return describeCycle(figuresOf(steps), cycle, arcs, length)
}
