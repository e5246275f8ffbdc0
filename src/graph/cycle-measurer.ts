import { canonicalStart, idsAscending } from './canonical-rotation.js'
import type { LoopCursor } from './loop-cursor.js'
import { LoopMeasure } from './loop-measure.js'
import { type StepFigures, figuresOf } from './step-figures.js'

/**
 * Measures each cycle a prepared loop search finds ({@link LoopMeasure}), reusing the
 * prefix figures of the steps it shares with the cycle measured before: the depth-first
 * search finds cycles that share their first steps one after another, and tells which
 * steps changed (`cycles.firstChanged`). A cycle found from where its canonical rotation
 * starts (its smallest actor, in a graph whose ids ascend with the index, and no
 * `through`) costs the steps that changed, not its length; any other cycle is measured
 * from its canonical start, as `describeCycle` does, so the figures are the same.
 * @category Loops
 */
export class CycleMeasurer {
  readonly figures: StepFigures
  readonly measure: LoopMeasure
  /** Where the cycle measured last starts in canonical rotation (a position in the search's path). */
  start = 0
  /** Whether every cycle starts at path position 0 in canonical rotation. */
  private readonly rootFirst: boolean
  /** Prefixes `0..measured` of `measure` are those of the search's current path. */
  private measured = 0

  constructor(private readonly search: LoopCursor) {
    this.figures = figuresOf(search.steps)
    this.measure = new LoopMeasure(search.view.path.length)
    this.rootFirst = search.through === undefined && idsAscending(this.figures)
  }

  /** Measure the cycle of `length` actors the search has just found (in its view): its figures are then prefix `length`. */
  measureFound(length: number): void {
    const { figures, search } = this
    const { path, arcs } = search.view
    const start = this.rootFirst ? 0 : canonicalStart(figures, path, length)
    const changed = search.cycles.firstChanged
    // Prefixes measured from a start other than 0 are not the path's.
    this.measure.measure(figures, path, arcs, length, start, start !== 0 ? 0 : this.measured < changed ? this.measured : changed)
    this.measured = start === 0 ? length : 0
    this.start = start
  }
}
