import { CycleMeasurer } from './cycle-measurer.js'
import { describeMeasured } from './describe.js'
import { type LoopCursor, isTruncated } from './loop-cursor.js'
import type { Loop } from './types.js'

/**
 * The constructor behind %IteratorPrototype% (`Iterator` where the runtime has iterator
 * helpers, else `Object`), so that a {@link LoopIterator} has whatever helpers the
 * runtime gives generators, without touching any prototype.
 */
const IteratorBase: new () => object = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())).constructor

/**
 * Described loops, one per `next()`, from a prepared search: a generator object written
 * by hand, because resuming a method costs less than resuming a generator. It keeps the
 * generator contract: `next()` gives each loop, then `{ done: true, value: truncated }`
 * (and the same again if asked again); `return(value)` closes it; `throw(error)` closes
 * it and throws. Step figures are read on the first loop, so a search that finds
 * nothing reads no channel; each loop is measured from the steps it shares with the one
 * before ({@link CycleMeasurer}).
 * @category Loops
 */
export class LoopIterator extends IteratorBase implements Generator<Loop, boolean> {
  private measurer: CycleMeasurer | undefined
  private found = 0
  private truncated: boolean | undefined

  constructor(private readonly search: LoopCursor | undefined) {
    super()
    if (search === undefined) this.truncated = false
  }

  next(): IteratorResult<Loop, boolean> {
    const search = this.search
    if (this.truncated !== undefined || search === undefined) return { done: true, value: this.truncated ?? false }
    const length = search.cycles.findNext()
    if (length === 0) return this.return(isTruncated(search.cycles.end!))
    if (this.found >= search.maxLoops) return this.return(true)
    this.found++
    const measurer = (this.measurer ??= new CycleMeasurer(search))
    measurer.measureFound(length)
    const { path, arcs } = search.view
    return { done: false, value: describeMeasured(measurer.figures, path, arcs, length, measurer.start, measurer.measure) }
  }

  return(value: boolean): IteratorResult<Loop, boolean> {
    this.truncated ??= value
    return { done: true, value: this.truncated }
  }

  throw(error: unknown): IteratorResult<Loop, boolean> {
    this.truncated ??= false
    throw error
  }

  [Symbol.iterator](): this {
    return this
  }

  get [Symbol.toStringTag](): string {
    return 'Loop Iterator'
  }
}
