/**
 * Worker-thread entry, built by tsup as its own entry (`node-worker`). Two tasks, named
 * in `workerData`:
 * - experiment runs (the default): receives the model (as JSON text) and shared
 *   settings, then runs each planned run it is sent and posts back its metric values in
 *   a transferred `Float64Array`, or the message of the error that stopped it;
 * - `simulate`: one simulation of the model with the options given, posted back whole,
 *   so the thread that waits for it stays free to notice a signal and stop it.
 * @internal
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { Model } from '../model/codecs.js'
import { simulate } from '../simulate/simulate.js'
import { encodeValues, executeRun, failureReason } from './execute.js'
import type { PlannedRun } from './plan.js'
import type { WorkerTask } from './start-worker.js'

const task = workerData as WorkerTask
// The caller checked and decoded the model before serialising it, so it is parsed, not decoded again.
const model = JSON.parse(task.modelText) as Model

if (task.task === 'simulate') {
  parentPort?.postMessage(simulate(model, task.options))
} else {
  const { settings } = task
  parentPort?.on('message', (message: { readonly position: number; readonly run: PlannedRun }) => {
    let values: Float64Array
    try {
      values = encodeValues(executeRun(model, settings, message.run))
    } catch (error) {
      // One run that fails (a bug, or memory it cannot have) is reported, and the worker goes on.
      parentPort?.postMessage({ position: message.position, failure: failureReason(error) })
      return
    }
    parentPort?.postMessage({ position: message.position, values }, [values.buffer as ArrayBuffer])
  })
}
