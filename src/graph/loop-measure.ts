import type { Capability, Level } from '../model/vocabulary.js'
import { grown } from './grow.js'
import {
  type StepFigures,
  figureArc,
  governingShift,
  holdsPlan,
  holdsStrategy,
  levelsByBits,
  stageShift,
  stagesByBits,
} from './step-figures.js'
import type { LearningOrder, LoopPolarity } from './types.js'

/** Polarity code once a step has no polarity (or a mixed one): the loop's polarity is unknown. */
const unknownCode = 2

const levelMask = levelsByBits.length - 1
const stageMask = stagesByBits.length - 1
/** Where a loop code keeps its polarity code, above the figure word's bits. */
const polarityShift = 16
const polarities: ReadonlyArray<LoopPolarity> = ['reinforcing', 'balancing', 'unknown']

/*
 * A loop code packs what a loop's sets and polarity are: its figure word (levels,
 * stages, governing assets: see `StepFigures`) and, from `polarityShift`, its polarity
 * code (0 an even number of `-` steps, 1 odd, 2 unknown).
 */

/** The levels of a loop code (a frozen list shared between loops). @category Loops */
export const levelsOfCode = (code: number): ReadonlyArray<Level> => levelsByBits[code & levelMask]!

/** The stages of a loop code (a frozen list shared between loops). @category Loops */
export const stagesOfCode = (code: number): ReadonlyArray<Capability> => stagesByBits[(code >> stageShift) & stageMask]!

/** The learning order of a loop code: a `strategy` made on the loop from what comes round it makes it triple, a `plan` double. @category Loops */
export const orderOfCode = (code: number): LearningOrder => {
  const governing = code >> governingShift
  return (governing & holdsStrategy) !== 0 ? 'triple' : (governing & holdsPlan) !== 0 ? 'double' : 'single'
}

/** The polarity of a loop code. @category Loops */
export const polarityOfCode = (code: number): LoopPolarity => polarities[code >>> polarityShift]!

/**
 * The figures of a loop's first steps, one prefix per depth, so that figures of a path
 * can be extended a step at a time and a prefix shared by many loops (as the depth-first
 * search finds them) is measured once. Prefix `d` covers steps `0..d-1`: `words[d]` the
 * OR of the figure words of their actors and arcs (levels, stages, governing assets),
 * `layActors[d]` the lay voices among them (lay or mixed), `mixedActors[d]` the mixed ones, `latencyDays[d]` the sum of each step's
 * fastest channel, `reliability[d]` the product of each step's chance to get through,
 * `polarity[d]` a polarity code (0 an even number of `-` steps, 1 odd, 2 unknown).
 * Sums and products are taken in step order, so every loop measured from its canonical
 * start has the same figures, to the last bit, however its prefix was shared.
 * @category Loops
 */
export class LoopMeasure {
  words: Int32Array
  layActors: Int32Array
  mixedActors: Int32Array
  latencyDays: Float64Array
  reliability: Float64Array
  polarity: Uint8Array

  /** Room for loops of `capacity` steps (grown by {@link LoopMeasure.reserve}). */
  constructor(capacity: number) {
    const size = capacity + 1
    this.words = new Int32Array(size)
    this.layActors = new Int32Array(size)
    this.mixedActors = new Int32Array(size)
    this.latencyDays = new Float64Array(size)
    this.reliability = new Float64Array(size)
    this.polarity = new Uint8Array(size)
    this.reliability[0] = 1
  }

  /** The loop code (figure word and polarity) of prefix `depth`. */
  code(depth: number): number {
    return this.words[depth]! | (this.polarity[depth]! << polarityShift)
  }

  /** Make room for loops of `length` steps, keeping the prefixes measured so far. */
  reserve(length: number): void {
    if (length < this.words.length) return
    const size = Math.max(length + 1, this.words.length * 2)
    this.words = grown(this.words, size)
    this.layActors = grown(this.layActors, size)
    this.mixedActors = grown(this.mixedActors, size)
    this.latencyDays = grown(this.latencyDays, size)
    this.reliability = grown(this.reliability, size)
    this.polarity = grown(this.polarity, size)
  }

  /**
   * Measure prefixes `from + 1 .. length` of the cycle `path[0..length-1]` read from
   * path step `start` (step `i` of the loop is path step `(start + i) mod length`, from
   * `path[k]` over arc `arcs[k]` of the figures' steps; `-1`: no loop channel joins the
   * step, which then never gets through and has no polarity), from prefix `from`. Reads
   * an arc's channels the first time it is used. O(length - from).
   */
  measure(figures: StepFigures, path: ArrayLike<number>, arcs: ArrayLike<number>, length: number, start: number, from: number): void {
    const { words, layActors, mixedActors, latencyDays, reliability, polarity } = this
    const { arcBits, fastest, passes, sign } = figures
    const { lay, mixed } = figures.steps.graph
    let word = words[from]!
    let layCount = layActors[from]!
    let mixedCount = mixedActors[from]!
    let latency = latencyDays[from]!
    let passing = reliability[from]!
    let code = polarity[from]!
    let k = start + from < length ? start + from : start + from - length
    for (let i = from + 1; i <= length; i++) {
      const v = path[k]!
      const a = arcs[k]!
      k = k + 1 === length ? 0 : k + 1
      layCount += lay[v]!
      mixedCount += mixed[v]!
      if (a === -1) {
        passing *= 0
        code = unknownCode
      } else {
        const arcWord = arcBits[a]!
        word |= arcWord === 0 ? figureArc(figures, a) : arcWord
        latency += fastest[a]!
        passing *= passes[a]!
        const step = sign[a]!
        if (step === 0) code = unknownCode
        else if (step === -1 && code !== unknownCode) code ^= 1
      }
      words[i] = word
      layActors[i] = layCount
      mixedActors[i] = mixedCount
      latencyDays[i] = latency
      reliability[i] = passing
      polarity[i] = code
    }
  }
}
