/**
 * Worker-thread entry for experiments: receives the model and shared settings in
 * `workerData`, then runs each planned run it is sent and posts back its metric
 * values. Built by tsup as its own entry (`node-worker`).
 * @internal
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { Model } from '../model/codecs.js'
import { executeRun } from './execute.js'
import type { PlannedRun, RunSettings } from './plan.js'

const { model, settings } = workerData as { readonly model: Model; readonly settings: RunSettings }

parentPort?.on('message', (message: { readonly position: number; readonly run: PlannedRun }) => {
  parentPort?.postMessage({ position: message.position, values: executeRun(model, settings, message.run) })
})
