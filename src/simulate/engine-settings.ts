import type { EventRecorder } from './event-log.js'
import type { LatencyDistribution } from './parameters.js'
import type { Tally } from './tally.js'

/** Settings of one engine run. @internal */
export interface EngineSettings {
  readonly days: number
  readonly maxEvents: number
  readonly maxHops: number
  readonly latency: LatencyDistribution
  readonly jitter: number
  /** Feedback fatigue (see `SimulationParameters.fatigueDrop`); off when `drop` is 0. */
  readonly fatigue: { readonly drop: number; readonly recovery: number; readonly patienceDays: number }
  /** Where to record each experience's events (`recordEvents`); absent on the default path. */
  readonly recorder?: EventRecorder
}

/** What the engine returns: the tally, events processed and whether a bound stopped it. @internal */
export interface EngineOutput {
  readonly tally: Tally
  readonly events: number
  readonly truncated: boolean
  /** When the run stopped: `days`, or the time of the event `maxEvents` stopped it at. */
  readonly endTime: number
}
