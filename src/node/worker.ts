/**
 * Worker-thread entry for experiments: receives the model (as JSON text) and shared
 * settings in `workerData`, then runs each planned run it is sent and posts back its
 * metric values in a transferred `Float64Array`, or the message of the error that
 * stopped it. Built by tsup as its own entry (`node-worker`).
 * @internal
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { Model } from '../model/codecs.js'
import { encodeValues, executeRun, failureReason } from './execute.js'
import type { PlannedRun, RunSettings } from './plan.js'

const { modelText, settings } = workerData as { readonly modelText: string; readonly settings: RunSettings }
// The pool checked and decoded the model before serialising it, so it is parsed, not decoded again.
const model = JSON.parse(modelText) as Model

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
