import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Model } from '../model/codecs.js'
import { decodeValues, executeRun } from './execute.js'
import type { PlannedRun, RunSettings } from './plan.js'

/** A finished run and its metric values. @internal */
export interface RunOutcome {
  readonly run: PlannedRun
  readonly values: ReadonlyArray<number | null>
}

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
}

/**
 * Start a worker thread. From the built package the worker is `node-worker.js`; from
 * TypeScript source (vitest, tsx) the `.ts` worker is loaded through
 * tsx's loader, registered inside the worker.
 */
const startWorker = (workerData: unknown): Worker => {
  const here = import.meta.url
  if (!here.endsWith('.ts')) return new Worker(builtWorkerUrl(here), { workerData })
  const tsx = tsxLoaderUrl(here)
  const source = new URL('./worker.ts', here).href
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}) })`
  return new Worker(code, { eval: true, workerData })
}

/**
 * The built worker entry (`dist/node-worker.js`). The bundler may place this code in
 * `dist/node/index.js` or in a shared chunk in `dist/`, so look beside it and one level up.
 */
const builtWorkerUrl = (from: string): URL => {
  const candidates = ['./node-worker.js', '../node-worker.js', './worker.js'].map((relative) => new URL(relative, from))
  return candidates.find((candidate) => existsSync(fileURLToPath(candidate))) ?? candidates[0]!
}

/** The ESM entry of tsx's loader API, found through tsx's own exports map (a development dependency). */
const tsxLoaderUrl = (from: string): string => {
  const manifestPath = createRequire(from).resolve('tsx/package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']!.import.default)).href
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Run planned runs on `workers` worker threads (0: in this thread) and yield each
 * outcome in the order of `runs`, whatever order they finish in, so output never
 * depends on the number of workers. Each worker receives the model once (as JSON
 * text) and then one small message per run; it answers with the run's metric values
 * in a transferred `Float64Array`, so nothing is cloned per row. Runs go to whichever
 * worker is idle, at most a few runs per worker ahead of the one awaited. After an
 * abort nothing more is yielded; every outcome yielded is complete.
 * @internal
 */
export async function* runPlanned(model: Model, settings: RunSettings, runs: ReadonlyArray<PlannedRun>, options: PoolOptions): AsyncGenerator<RunOutcome> {
  const { signal, onProgress } = options
  const total = runs.length
  const isAborted = (): boolean => signal?.aborted === true
  if (options.workers <= 0) {
    for (let position = 0; position < total; position++) {
      await nextTurn()
      if (isAborted()) return
      const values = executeRun(model, settings, runs[position]!)
      if (isAborted()) return
      yield { run: runs[position]!, values }
      onProgress?.({ completedRuns: position + 1, totalRuns: total })
    }
    return
  }
  const count = Math.min(options.workers, Math.max(1, total))
  const window = count * 4
  const results = new Map<number, ReadonlyArray<number | null>>()
  const idle: Worker[] = []
  let nextToDispatch = 0
  let nextToEmit = 0
  let failure: unknown
  let stopping = false
  let wake: (() => void) | undefined
  const notify = (): void => {
    const resume = wake
    wake = undefined
    resume?.()
  }
  const dispatch = (): void => {
    while (idle.length > 0 && nextToDispatch < total && nextToDispatch < nextToEmit + window) {
      const position = nextToDispatch++
      idle.pop()!.postMessage({ position, run: runs[position] })
    }
  }
  // The model goes to every worker as one string: serialised once here, copied as a block,
  // and parsed in each worker in parallel, instead of a structured clone per worker.
  const modelText = JSON.stringify(model)
  const workers = Array.from({ length: count }, () => {
    const worker = startWorker({ modelText, settings })
    worker.on('message', (message: { readonly position: number; readonly values: Float64Array }) => {
      results.set(message.position, decodeValues(message.values))
      idle.push(worker)
      dispatch()
      notify()
    })
    worker.on('error', (error) => {
      failure ??= error
      notify()
    })
    worker.on('exit', (code) => {
      // A worker that dies without an error event (out of memory, killed) must not leave us waiting.
      if (nextToEmit < total && !stopping) failure ??= new Error(`An experiment worker stopped unexpectedly (exit code ${code}).`)
      notify()
    })
    idle.push(worker)
    return worker
  })
  const onAbort = (): void => notify()
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    dispatch()
    while (nextToEmit < total) {
      if (failure !== undefined) throw failure
      if (isAborted()) return
      const values = results.get(nextToEmit)
      if (values === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        continue
      }
      results.delete(nextToEmit)
      const run = runs[nextToEmit++]!
      dispatch()
      yield { run, values }
      onProgress?.({ completedRuns: nextToEmit, totalRuns: total })
    }
  } finally {
    stopping = true
    signal?.removeEventListener('abort', onAbort)
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
