import type { Model } from '../model/codecs.js'
import type { Intervention } from '../simulate/interventions.js'
import type { SimulationParameters } from '../simulate/parameters.js'
import { simulate } from '../simulate/simulate.js'
import type { PlannedRun, RunSettings } from './plan.js'

/**
 * Run one planned run and return its metric values in `settings.metrics` order. Pure:
 * the same model, settings and run give the same values in any thread.
 * @internal
 */
export const executeRun = (model: Model, settings: RunSettings, run: PlannedRun): ReadonlyArray<number | null> => {
  const varied: Record<string, unknown> = {}
  let interventions: ReadonlyArray<Intervention> = settings.interventions
  settings.columns.forEach((name, index) => {
    const value = run.values[index]
    if (value === null || value === undefined) return
    if (name === 'scenario') {
      const scenario = settings.scenarios.find(([scenarioName]) => scenarioName === value)
      interventions = [...interventions, ...(scenario?.[1] ?? [])]
    } else {
      varied[name] = value
    }
  })
  const parameters = { ...settings.parameters, ...varied } as SimulationParameters
  const result = simulate(model, {
    seed: run.seed,
    days: settings.days,
    parameters,
    interventions,
    ...(settings.maxEvents === undefined ? {} : { maxEvents: settings.maxEvents }),
    ...(settings.warmUpDays === undefined ? {} : { warmUpDays: settings.warmUpDays }),
  })
  return settings.metrics.map((metric) => result.metrics[metric])
}

/**
 * Pack metric values for a worker's reply: `[isNull, value]` pairs in a
 * `Float64Array`, whose buffer is transferred rather than cloned. O(metrics).
 * @internal
 */
export const encodeValues = (values: ReadonlyArray<number | null>): Float64Array => {
  const packed = new Float64Array(values.length * 2)
  values.forEach((value, index) => {
    packed[2 * index] = value === null ? 1 : 0
    packed[2 * index + 1] = value ?? 0
  })
  return packed
}

/** Unpack what {@link encodeValues} packed. O(metrics). @internal */
export const decodeValues = (packed: Float64Array): ReadonlyArray<number | null> => {
  const values: Array<number | null> = []
  for (let index = 0; 2 * index < packed.length; index++) values.push(packed[2 * index] === 1 ? null : packed[2 * index + 1]!)
  return values
}

/** Why a run failed, in one line without a stack: the error's first line. @internal */
export const failureReason = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] || 'an unknown error'
