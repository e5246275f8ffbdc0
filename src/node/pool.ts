import type { Worker } from 'node:worker_threads'
import type { Model } from '../model/codecs.js'
import { decodeValues, executeRun, failureReason } from './execute.js'
import type { PlannedRun, RunList, RunSettings } from './plan.js'
import { type WorkerTask, startWorker } from './start-worker.js'

/** A finished run and its metric values, or the reason it failed. @internal */
export type RunOutcome =
  | { readonly run: PlannedRun; readonly values: ReadonlyArray<number | null> }
  | { readonly run: PlannedRun; readonly failure: string }

/** Progress of an experiment, after each run that is emitted. @category Experiments */
export interface ExperimentProgress {
  readonly completedRuns: number
  readonly totalRuns: number
}

/** Options for running planned runs. @internal */
export interface PoolOptions {
  readonly workers: number
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: ExperimentProgress) => void
  /** Start a worker thread with this data (tests replace it to simulate crashes). */
  readonly startWorker?: (workerData: WorkerTask) => Worker
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** How often a run is started before a crashing worker counts as the run's failure. */
const maxAttempts = 2

/** What a worker answers for one run. */
type WorkerReply = { readonly position: number; readonly values: Float64Array } | { readonly position: number; readonly failure: string }

/**
 * Run planned runs on `workers` worker threads (0: in this thread) and yield each
 * outcome in the order of `runs`, whatever order they finish in, so output never
 * depends on the number of workers. Each worker receives the model once (as JSON
 * text) and then one small message per run; it answers with the run's metric values
 * in a transferred `Float64Array`, so nothing is cloned per row. Runs go to whichever
 * worker is idle, at most a few runs per worker ahead of the one awaited, and each run
 * is built from the plan only when sent.
 *
 * A run that throws is a failed outcome (with the error's message), not the end of the
 * experiment. A worker that dies (out of memory, killed) is replaced and its run tried
 * once more; a run whose worker dies twice is a failed outcome. After an abort nothing
 * more is yielded; every outcome yielded is complete.
 * @internal
 */
export async function* runPlanned(model: Model, settings: RunSettings, runs: RunList, options: PoolOptions): AsyncGenerator<RunOutcome> {
  const { signal, onProgress } = options
  const total = runs.length
  const isAborted = (): boolean => signal?.aborted === true
  if (options.workers <= 0) {
    for (let position = 0; position < total; position++) {
      await nextTurn()
      if (isAborted()) return
      const run = runs.at(position)
      let outcome: RunOutcome
      try {
        outcome = { run, values: executeRun(model, settings, run) }
      } catch (error) {
        outcome = { run, failure: failureReason(error) }
      }
      if (isAborted()) return
      yield outcome
      onProgress?.({ completedRuns: position + 1, totalRuns: total })
    }
    return
  }
  const start = options.startWorker ?? startWorker
  const count = Math.min(options.workers, Math.max(1, total))
  const window = count * 4
  const results = new Map<number, RunOutcome>()
  const inFlight = new Map<number, { readonly run: PlannedRun; attempts: number }>()
  const retries: number[] = []
  const idle: Worker[] = []
  const busy = new Map<Worker, number>()
  const errors = new Map<Worker, string>()
  const workers = new Set<Worker>()
  let nextToDispatch = 0
  let nextToEmit = 0
  let failure: Error | undefined
  let stopping = false
  let wake: (() => void) | undefined
  const notify = (): void => {
    const resume = wake
    wake = undefined
    resume?.()
  }
  const send = (worker: Worker, position: number): void => {
    let entry = inFlight.get(position)
    if (entry === undefined) {
      entry = { run: runs.at(position), attempts: 0 }
      inFlight.set(position, entry)
    }
    entry.attempts++
    busy.set(worker, position)
    worker.postMessage({ position, run: entry.run })
  }
  const dispatch = (): void => {
    while (idle.length > 0) {
      const retry = retries.shift()
      if (retry !== undefined) send(idle.pop()!, retry)
      else if (nextToDispatch < total && nextToDispatch < nextToEmit + window) send(idle.pop()!, nextToDispatch++)
      else return
    }
  }
  const finish = (position: number, outcome: (run: PlannedRun) => RunOutcome): void => {
    const entry = inFlight.get(position)
    if (entry === undefined) return
    inFlight.delete(position)
    results.set(position, outcome(entry.run))
  }
  // The model goes to every worker as one string: serialised once here, copied as a block,
  // and parsed in each worker in parallel, instead of a structured clone per worker.
  const modelText = JSON.stringify(model)
  const spawn = (): void => {
    const worker = start({ task: 'runs', modelText, settings })
    let answered = false
    workers.add(worker)
    worker.on('message', (reply: WorkerReply) => {
      answered = true
      busy.delete(worker)
      finish(reply.position, (run) => ('failure' in reply ? { run, failure: reply.failure } : { run, values: decodeValues(reply.values) }))
      idle.push(worker)
      dispatch()
      notify()
    })
    worker.on('error', (error) => errors.set(worker, failureReason(error)))
    worker.on('exit', (code) => {
      workers.delete(worker)
      if (stopping) return notify()
      const waiting = idle.indexOf(worker)
      if (waiting >= 0) idle.splice(waiting, 1)
      const position = busy.get(worker)
      busy.delete(worker)
      const reason = `the worker thread running it stopped (${errors.get(worker) ?? `exit code ${code}`})`
      if (position === undefined && !answered) {
        // A worker that dies before running anything cannot be helped by another try.
        failure ??= new Error(`An experiment worker stopped before running anything (${reason}).`)
        return notify()
      }
      if (position !== undefined && inFlight.get(position)!.attempts < maxAttempts) retries.push(position)
      else if (position !== undefined) finish(position, (run) => ({ run, failure: reason }))
      spawn()
      dispatch()
      notify()
    })
    idle.push(worker)
  }
  for (let index = 0; index < count; index++) spawn()
  const onAbort = (): void => notify()
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    dispatch()
    while (nextToEmit < total) {
      if (failure !== undefined) throw failure
      if (isAborted()) return
      const outcome = results.get(nextToEmit)
      if (outcome === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        continue
      }
      results.delete(nextToEmit++)
      dispatch()
      yield outcome
      onProgress?.({ completedRuns: nextToEmit, totalRuns: total })
    }
  } finally {
    stopping = true
    signal?.removeEventListener('abort', onAbort)
    await Promise.all([...workers].map((worker) => worker.terminate()))
  }
}
