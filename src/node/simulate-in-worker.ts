import type { Model } from '../model/codecs.js'
import type { SimulationResult } from '../simulate/result.js'
import type { SimulationOptions } from '../simulate/simulate.js'
import { startWorker } from './start-worker.js'

/**
 * Run `simulate(model, options)` on a worker thread, so that this thread stays free to
 * notice `signal`: an abort ends the worker at once, wherever the simulation is, and
 * resolves to `undefined`. Otherwise resolves to the result, exactly what `simulate`
 * gives in this thread. A simulation that throws (a bug) rejects. @internal
 */
export const simulateInWorker = (model: Model, options: Omit<SimulationOptions, 'random'>, signal?: AbortSignal): Promise<SimulationResult | undefined> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted === true) return resolve(undefined)
    const worker = startWorker({ task: 'simulate', modelText: JSON.stringify(model), options })
    let settled = false
    const settle = (finish: () => void): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      finish()
    }
    const onAbort = (): void => settle(() => void worker.terminate().then(() => resolve(undefined), () => resolve(undefined)))
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.once('message', (result: SimulationResult) => settle(() => void worker.terminate().then(() => resolve(result), () => resolve(result))))
    worker.once('error', (error) => settle(() => reject(error)))
    worker.once('exit', (code) => settle(() => reject(new Error(`The simulation's worker thread stopped unexpectedly (exit code ${code}).`))))
  })
