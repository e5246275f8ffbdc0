import { compileGraph } from '../graph/compile.js'
import { prepareLoopSearch } from '../graph/loop-cursor.js'
import { LoopIterator } from '../graph/loop-iterator.js'
import type { FindLoopsOptions, Loop } from '../graph/types.js'
import { canonicalModel } from '../model/canonical.js'
import type { Model } from '../model/codecs.js'

/** The bound that stopped a loop search early. @internal */
export type LoopBound = 'max-loops' | 'max-length' | 'budget'

/** The loops `findLoops` finds, and which bound (if any) left some out. @internal */
export interface BoundedLoopSearch {
  readonly loops: ReadonlyArray<Loop>
  readonly truncated: boolean
  readonly stoppedBy?: LoopBound
}

/**
 * Find loops exactly as `findLoops` does (same compilation, bounds and order), and say
 * which bound stopped the search: `max-loops` (more loops exist), `budget` (the search
 * steps ran out) or `max-length` (a group of actors is larger than the longest loop
 * looked for, so longer loops may exist). @internal
 */
export const searchLoops = (model: Model, options: FindLoopsOptions): BoundedLoopSearch => {
  const graph = compileGraph(canonicalModel(model), options.level === undefined ? {} : { level: options.level })
  const search = prepareLoopSearch(graph, options)
  const iterator = new LoopIterator(search)
  const loops: Loop[] = []
  for (;;) {
    const next = iterator.next()
    if (next.done !== true) {
      loops.push(next.value)
      continue
    }
    if (!next.value || search === undefined) return { loops, truncated: next.value }
    const end = search.cycles.end
    const stoppedBy: LoopBound = end === undefined ? 'max-loops' : end.budgetExhausted ? 'budget' : 'max-length'
    return { loops, truncated: true, stoppedBy }
  }
}
