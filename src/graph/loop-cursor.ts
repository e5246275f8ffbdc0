import { type BoundedCycleEnd, type CycleView, createCycleView } from './bounded.js'
import type { ActorId } from '../model/primitives.js'
import type { CompiledGraph } from './compile.js'
import { componentsOf } from './components.js'
import { BoundedCycleCursor } from './cycle-cursor.js'
import { type LoopSteps, loopStepsOf } from './steps.js'
import type { FindLoopsOptions } from './types.js'

/**
 * The bounds loop enumeration uses when options leave them out.
 * @category Loops
 */
export const defaultLoopBounds = { maxLength: 12, maxLoops: 10_000, budget: 5_000_000 } as const

/**
 * A prepared loop search over a compiled graph: the steps loops take, the cursor that
 * finds cycles, the view it writes each one into, and the most cycles to report.
 * @category Loops
 */
export interface LoopCursor {
  readonly steps: LoopSteps
  readonly view: CycleView
  /** Finds each cycle's length (the cycle itself is in `view`). */
  readonly cycles: BoundedCycleCursor
  readonly maxLoops: number
  /** The actor every cycle goes through (and starts at, before canonical rotation), if the options name one. */
  readonly through: number | undefined
}

/** A bound from the options: absent or NaN gives the default; otherwise a whole number, 0 or more. */
const bound = (value: number | undefined, fallback: number): number =>
  value === undefined || Number.isNaN(value) ? fallback : Math.max(0, Math.floor(value))

/**
 * Prepare the loop search of `options` over `graph` (O(V + E)), or `undefined` when
 * `options.through` names no actor of the graph (so there are no loops).
 * @category Loops
 */
export const prepareLoopSearch = (graph: CompiledGraph, options: FindLoopsOptions): LoopCursor | undefined => {
  let through: number | undefined
  if (options.through !== undefined) {
    through = graph.indexOf.get(options.through as ActorId)
    if (through === undefined) return undefined
  }
  const steps = loopStepsOf(graph, options.level)
  // No loop is longer than the number of actors, so Infinity (or any larger bound)
  // means "no length bound"; the typed arrays of the search need a finite integer.
  const maxLength = Math.min(bound(options.maxLength, defaultLoopBounds.maxLength), graph.actorCount)
  const view = createCycleView(maxLength, graph.actorCount)
  const cycles = new BoundedCycleCursor(steps, componentsOf(steps), {
    maxLength,
    budget: bound(options.budget, defaultLoopBounds.budget),
    ...(through === undefined ? {} : { through }),
  }, view)
  return { steps, view, cycles, maxLoops: bound(options.maxLoops, defaultLoopBounds.maxLoops), through }
}

/**
 * Whether a search that ended this way may have left loops out.
 * @category Loops
 */
export const isTruncated = (end: BoundedCycleEnd): boolean => end.budgetExhausted || end.longerCyclesPossible
