import { CycleMeasurer } from './cycle-measurer.js'
import { grown } from './grow.js'
import { type LoopCursor, isTruncated } from './loop-cursor.js'
import { type LoopColumns, LoopTable } from './loop-table.js'

const emptyInt32 = new Int32Array(0)
const emptyFloat64 = new Float64Array(0)
const noLoops: LoopColumns = {
  ids: [],
  targets: emptyInt32,
  channelIds: [],
  size: 0,
  lengths: emptyInt32,
  lastStep: emptyInt32,
  closingArc: emptyInt32,
  starts: undefined,
  codes: emptyInt32,
  layActors: emptyInt32,
  mixedActors: emptyInt32,
  latencyDays: emptyFloat64,
  reliability: emptyFloat64,
  stepParent: emptyInt32,
  stepArc: emptyInt32,
  longest: 0,
}

/**
 * Run a prepared loop search to its end (or to `maxLoops` loops) and keep every loop in a
 * {@link LoopTable}, with the figures of each worked out as it is found, without one
 * object per loop. The depth-first search finds loops that share their first steps one
 * after another, so the table keeps each step of a path once (a tree of steps, each
 * with its parent; a loop's closing step is kept with the loop), and measures each loop
 * from the figures of the steps it shares with the loop before ({@link CycleMeasurer}).
 * Typed arrays grow by doubling. Returns the table and whether a bound left loops out.
 * @category Loops
 */
export const tabulateLoops = (search: LoopCursor | undefined): { readonly table: LoopTable; readonly truncated: boolean } => {
  if (search === undefined) return { table: new LoopTable(noLoops), truncated: false }
  const { view, cycles, maxLoops } = search
  const { path, arcs } = view
  /** Per depth of the current path: its step in the step tree. */
  const stepAt = new Int32Array(path.length)
  let measurer: CycleMeasurer | undefined
  let longest = 0
  let size = 0
  let lengths = new Int32Array(64)
  let lastStep = new Int32Array(64)
  let closingArc = new Int32Array(64)
  let starts: Int32Array | undefined
  let codes = new Int32Array(64)
  let layActors = new Int32Array(64)
  let mixedActors = new Int32Array(64)
  let latencyDays = new Float64Array(64)
  let reliability = new Float64Array(64)
  let stepCount = 0
  let stepParent = new Int32Array(64)
  let stepArc = new Int32Array(64)
  let truncated: boolean
  for (;;) {
    const length = cycles.findNext()
    if (length === 0) {
      truncated = isTruncated(cycles.end!)
      break
    }
    if (size >= maxLoops) {
      truncated = true
      break
    }
    measurer ??= new CycleMeasurer(search)
    const last = length - 1
    const changed = cycles.firstChanged
    if (stepCount + last - changed > stepArc.length) {
      const room = Math.max(stepArc.length * 2, stepCount + last)
      stepParent = grown(stepParent, room)
      stepArc = grown(stepArc, room)
    }
    for (let d = changed; d < last; d++) {
      stepParent[stepCount] = d === 0 ? -1 : stepAt[d - 1]!
      stepArc[stepCount] = arcs[d]!
      stepAt[d] = stepCount++
    }
    measurer.measureFound(length)
    const { measure, start } = measurer
    if (size === lengths.length) {
      const room = size * 2
      lengths = grown(lengths, room)
      lastStep = grown(lastStep, room)
      closingArc = grown(closingArc, room)
      if (starts !== undefined) starts = grown(starts, room)
      codes = grown(codes, room)
      layActors = grown(layActors, room)
      mixedActors = grown(mixedActors, room)
      latencyDays = grown(latencyDays, room)
      reliability = grown(reliability, room)
    }
    if (start !== 0) (starts ??= new Int32Array(lengths.length))[size] = start
    lengths[size] = length
    lastStep[size] = last === 0 ? -1 : stepAt[last - 1]!
    closingArc[size] = arcs[last]!
    codes[size] = measure.code(length)
    layActors[size] = measure.layActors[length]!
    mixedActors[size] = measure.mixedActors[length]!
    latencyDays[size] = measure.latencyDays[length]!
    reliability[size] = measure.reliability[length]!
    if (length > longest) longest = length
    size++
  }
  const columns: LoopColumns = {
    ids: measurer?.figures.ids ?? [],
    targets: search.steps.targets,
    channelIds: measurer?.figures.channelIds ?? [],
    size,
    lengths,
    lastStep,
    closingArc,
    starts,
    codes,
    layActors,
    mixedActors,
    latencyDays,
    reliability,
    stepParent,
    stepArc,
    longest,
  }
  return { table: new LoopTable(columns), truncated }
}
