import { grown } from '../graph/grow.js'
import { type CompiledGraph, channelOfEdge } from '../graph/compile.js'
import { type Level, levels } from '../model/vocabulary.js'
import { firstCarrierAt } from '../graph/carriage.js'
import { type ItemPaths, madeChange, madeDecision, madeInsight } from './item-paths.js'
import { closedBit } from './packed.js'

/**
 * What happened to an experience at one moment of a run, as a record would say it:
 * `raised` by its raiser; `received` by an actor the story, or an insight, decision or
 * change made from it, first reached (or reached further along its chain), over
 * `channel`; `themed`, `decided` or `changed` by an actor who made an insight, a decision
 * or a change from it; `replied` by the actor who made a reply from it, when the reply
 * reached the person who raised it, over the channel the reply left by (a reply lost on
 * the way leaves no record, as it leaves none in a "you said, we did" log). An event the
 * same as one already recorded in the same second is recorded once. The stage names are
 * those of the evidence stage mapping (`orgintel/evidence`).
 * @category Simulation
 */
export interface SimulationLogEvent {
  /** The experience's number in the run (0 for the first raised). */
  readonly item: number
  readonly day: number
  readonly stage: 'raised' | 'received' | 'themed' | 'decided' | 'changed' | 'replied'
  readonly actor: string
  /** The channel a `received` asset came over (the first that carries it where two actors share several), or a reply left by. */
  readonly channel?: string
  /** The level of the experience (its raiser's lowest level). */
  readonly level: Level
}

/** The events of a run (`recordEvents`), at most `maxRecordedEvents` of them. @category Simulation */
export interface SimulationEventLog {
  readonly events: ReadonlyArray<SimulationLogEvent>
  /** `true` when the bound stopped the log before the run ended (the events kept are the earliest). */
  readonly truncated: boolean
}

/** The most events a run records unless told otherwise. @category Simulation */
export const defaultMaxRecordedEvents = 1_000_000

const stageNames: ReadonlyArray<SimulationLogEvent['stage']> = ['raised', 'received', 'themed', 'decided', 'changed', 'replied']

/**
 * Records the events of a run into typed arrays, up to a bound; the engine calls it
 * only when a run asks for its events, so the default path pays one test per event.
 * A reply is recorded where it reaches the raiser, with the first edge of its route
 * (which leaves the actor who replied).
 * Experiences raised before the warm-up are left out, like the metrics leave them out.
 * @internal
 */
export class EventRecorder {
  private readonly item: Int32Array
  private readonly time: Float64Array
  private readonly stage: Uint8Array
  private readonly actor: Int32Array
  /** The sender of a received message (-1 otherwise); its channel is found when the log is read. */
  private readonly sender: Int32Array
  /** The asset a received message carried (-1 otherwise). */
  private readonly asset: Int32Array
  /** The channel edge, where the engine knows it (a reply's first hop); -1 otherwise. */
  private readonly edge: Int32Array
  private count = 0
  /** The second of the latest event, and the events recorded in it, so a record is not written twice in one second. */
  private second = -1
  private readonly inSecond = new Set<string>()
  truncated = false

  /** The run's tally, whose `raisedAt` says when each experience was raised (set by the engine). */
  tally: { readonly raisedAt: Float64Array } = { raisedAt: new Float64Array(0) }

  constructor(private readonly max: number, private readonly warmUpDays: number) {
    const size = Math.min(max, 4096)
    this.item = new Int32Array(size)
    this.time = new Float64Array(size)
    this.stage = new Uint8Array(size)
    this.actor = new Int32Array(size)
    this.sender = new Int32Array(size)
    this.asset = new Int32Array(size)
    this.edge = new Int32Array(size)
  }

  /**
   * Record that `stage` happened to experience `x` at actor `v` (a received message: from
   * `sender`, carrying `asset`; or over `edge`). The engine calls it in time order; an
   * event the same as one already recorded in the same second (an actor making two
   * insights from the item at once, two assets arriving together) is one record, as a
   * log with timestamps to the second would show it.
   */
  add(x: number, time: number, stage: SimulationLogEvent['stage'], v: number, sender = -1, asset = -1, edge = -1): void {
    if (this.tally.raisedAt[x]! < this.warmUpDays) return
    const second = Math.round(time * 86_400)
    if (second !== this.second) {
      this.second = second
      this.inSecond.clear()
    }
    const key = `${x} ${stage} ${v} ${sender} ${asset} ${edge}`
    if (this.inSecond.has(key)) return
    this.inSecond.add(key)
    if (this.count === this.max) {
      this.truncated = true
      return
    }
    if (this.count === this.item.length) this.grow()
    const i = this.count++
    this.item[i] = x
    this.time[i] = time
    this.stage[i] = stageNames.indexOf(stage)
    this.actor[i] = v
    this.sender[i] = sender
    this.asset[i] = asset
    this.edge[i] = edge
  }

  /** Record that actor `v` made an insight, decision or change (`made`, an `ItemPaths.madeClass`) from experience `x`. */
  made(x: number, time: number, made: number, v: number): void {
    const stage = made === madeInsight ? 'themed' : made === madeDecision ? 'decided' : made === madeChange ? 'changed' : undefined
    if (stage !== undefined) this.add(x, time, stage, v)
  }

  /**
   * Record that a reply made at state `made` (its maker's) reached experience `x`'s raiser,
   * over the first open channel that carries it from its maker.
   */
  replied(x: number, time: number, made: number, paths: ItemPaths, edgeWords: Int32Array): void {
    let edge = -1
    for (let i = paths.outStart[made]!; i < paths.outEnd[made]! && edge < 0; i++) {
      if ((edgeWords[2 * paths.entryEdge[i]! + 1]! & closedBit) === 0) edge = paths.entryEdge[i]!
    }
    this.add(x, time, 'replied', paths.stateActor[made]!, -1, -1, edge)
  }

  private grow(): void {
    const size = Math.min(this.max, this.item.length * 2)
    for (const field of ['item', 'time', 'stage', 'actor', 'sender', 'asset', 'edge'] as const) {
      const old = this[field]
      ;(this as unknown as Record<string, unknown>)[field] = grown(old, size)
    }
  }

  /**
   * The log with ids: a received message names the first channel from its sender to its
   * receiver that carries its asset; two assets that came over one channel in the same
   * second are one record. O(events · log carriers + the reach of each asset named).
   */
  toLog(paths: ItemPaths, levelOf: (x: number) => number): SimulationEventLog {
    const { carriage } = paths
    const graph: CompiledGraph = carriage.graph
    // Position of an actor in an asset's reach list, indexed per asset on first use.
    const positions = new Map<number, Map<number, number>>()
    const positionOf = (a: number, v: number): number => {
      let byActor = positions.get(a)
      if (byActor === undefined) {
        byActor = new Map()
        const start = carriage.reachOffsets[a]!
        for (let i = start; i < carriage.reachOffsets[a + 1]!; i++) byActor.set(carriage.reachActors[i]!, i - start)
        positions.set(a, byActor)
      }
      return byActor.get(v) ?? -1
    }
    const events: SimulationLogEvent[] = []
    let second = -1
    const inSecond = new Set<string>()
    for (let i = 0; i < this.count; i++) {
      const v = this.actor[i]!
      const from = this.sender[i]!
      let channel = this.edge[i]! >= 0 ? channelOfEdge(graph, this.edge[i]!).id : undefined
      const a = this.asset[i]!
      const position = channel === undefined && from >= 0 && a >= 0 ? positionOf(a, from) : -1
      if (position >= 0) {
        const end = carriage.carrierOffsets[a + 1]!
        for (let k = firstCarrierAt(carriage, a, position); k < end && carriage.carrierFrom[k] === position; k++) {
          const e = carriage.carrierEdges[k]!
          if (graph.targets[e] === v) {
            channel = channelOfEdge(graph, e).id
            break
          }
        }
      }
      if (this.asset[i]! >= 0) {
        const at = Math.round(this.time[i]! * 86_400)
        if (at !== second) inSecond.clear()
        second = at
        const key = `${this.item[i]!} ${v} ${channel}`
        if (inSecond.has(key)) continue
        inSecond.add(key)
      }
      const level = levels[levelOf(this.item[i]!)]!
      const base = { item: this.item[i]!, day: this.time[i]!, stage: stageNames[this.stage[i]!]!, actor: graph.actors[v]!.id }
      events.push(channel === undefined ? { ...base, level } : { ...base, channel, level })
    }
    return { events, truncated: this.truncated }
  }
}
