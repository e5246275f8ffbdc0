import type { Model } from '../model/codecs.js'
import { type CompiledGraph, compileGraph } from './compile.js'
import { defaultLoopBounds, isTruncated, prepareLoopSearch } from './loop-cursor.js'
import { LoopIterator } from './loop-iterator.js'
import { tabulateLoops } from './loop-table-fill.js'
import type { LoopTable } from './loop-table.js'
import type { FindLoopsOptions, Loop, LoopSearch } from './types.js'
import { canonicalModel } from '../model/canonical.js'

export { defaultLoopBounds }

/**
 * Lazily yield the elementary cycles of a compiled graph's active channels as actor
 * indices (each cycle once, starting at its smallest index, or at `through`), up to
 * `maxLoops` cycles of at most `maxLength` actors. Parallel channels count once; a
 * channel from an actor to itself is a cycle of one actor. `options.level` keeps only
 * channels at that level. The generator's return value is `truncated`: `true` when
 * more cycles exist beyond `maxLoops`, when the budget ran out, or when a strongly
 * connected component has more actors than `maxLength` (so longer loops may exist).
 *
 * Length-bounded search of Gupta & Suzumura (2021), see `enumerateBoundedCycles`;
 * O(V + E) to prepare.
 * @category Loops
 */
export function* enumerateLoops(
  graph: CompiledGraph,
  options: FindLoopsOptions = {},
): Generator<ReadonlyArray<number>, boolean> {
  const search = prepareLoopSearch(graph, options)
  if (search === undefined) return false
  const { cycles, view, maxLoops } = search
  for (let count = 0; ; count++) {
    const length = cycles.findNext()
    if (length === 0) return isTruncated(cycles.end!)
    if (count >= maxLoops) return true
    const cycle = new Array<number>(length)
    for (let i = 0; i < length; i++) cycle[i] = view.path[i]!
    yield cycle
  }
}

/** Every loop of a table as a `Loop` object, in table order. */
const loopsOf = (table: LoopTable): Loop[] => {
  const loops: Loop[] = []
  for (let i = 0; i < table.size; i++) loops.push(table.loop(i))
  return loops
}

/**
 * Find and describe the loops of an already compiled graph (so that the diagnosis
 * engine compiles once). Same bounds and meaning as {@link findLoops}; every loop's
 * figures are worked out into `table` as it is found, and `loops` is built from the
 * table when first read.
 * @category Loops
 */
export const findLoopsInGraph = (graph: CompiledGraph, options: FindLoopsOptions = {}): LoopSearch => {
  const { table, truncated } = tabulateLoops(prepareLoopSearch(graph, options))
  const search = {} as LoopSearch
  // `loops` starts as an own enumerable accessor that, on first read (or write), turns
  // itself into the plain data property it stands for; `table` is not enumerable. So the
  // search serialises, spreads, compares and prints as `{ loops, truncated }` did.
  const settle = (loops: ReadonlyArray<Loop>): ReadonlyArray<Loop> => {
    Object.defineProperty(search, 'loops', { value: loops, enumerable: true, writable: true, configurable: true })
    return loops
  }
  return Object.defineProperties(search, {
    loops: { get: () => settle(loopsOf(table)), set: settle, enumerable: true, configurable: true },
    truncated: { value: truncated, enumerable: true, writable: true, configurable: true },
    table: { value: table, configurable: true },
  })
}

/**
 * The loops of a compiled graph, described one at a time as they are found, so a caller
 * can stop early (see {@link iterateLoops}). Each cycle is found without allocation and
 * described from the per-graph step figures and the figures of the steps it shares with
 * the loop before, so the cost per loop is about its length.
 * @category Loops
 */
export const iterateLoopsInGraph = (graph: CompiledGraph, options: FindLoopsOptions = {}): Generator<Loop, boolean> =>
  new LoopIterator(prepareLoopSearch(graph, options))

// Compiled from the model in id order, so which loops are found (under a bound) and the
// order they come in do not depend on the order the document lists things in.
const compileForLoops = (model: Model, options: FindLoopsOptions): CompiledGraph =>
  compileGraph(canonicalModel(model), options.level === undefined ? {} : { level: options.level })

/**
 * Find the loops of a model: the elementary cycles of its active channels (over actors;
 * parallel channels are joined per step), each described as a {@link Loop}. Safe on any
 * input: at most `maxLength` (12) actors per loop, `maxLoops` (10,000) loops and
 * `budget` (5,000,000) search steps by default; `truncated` says when a bound may have
 * left loops out. `through` keeps only loops through that actor, `level` only channels
 * at that level. Every loop's figures are worked out into `search.table` (a
 * {@link LoopTable}) as it is found; `search.loops` builds the `Loop` objects from the
 * table when first read, so a caller of a large search that reads only figures should
 * read the table.
 *
 * Length-bounded enumeration after Gupta & Suzumura (2021), a refinement of Johnson
 * (1975): O((c + 1) · L · (V + E)) for `c` loops of length at most `L`.
 * @category Loops
 */
export const findLoops = (model: Model, options: FindLoopsOptions = {}): LoopSearch =>
  findLoopsInGraph(compileForLoops(model, options), options)

/**
 * The loops of {@link findLoops}, described one at a time as they are found, so a caller
 * can stop early. The same bounds apply; iteration simply ends at a bound.
 * @category Loops
 */
export const iterateLoops = (model: Model, options: FindLoopsOptions = {}): Iterable<Loop> => ({
  [Symbol.iterator]: () => iterateLoopsInGraph(compileForLoops(model, options), options),
})
