import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SimulationOptions } from '../simulate/simulate.js'
import type { RunSettings } from './plan.js'

/** What a worker thread is started to do (see `worker.ts`), with the model as JSON text. @internal */
export type WorkerTask =
  | { readonly task: 'runs'; readonly modelText: string; readonly settings: RunSettings }
  | { readonly task: 'simulate'; readonly modelText: string; readonly options: Omit<SimulationOptions, 'random'> }

/**
 * Start a worker thread. From the built package the worker is `node-worker.js`; from
 * TypeScript source (vitest, tsx) the `.ts` worker is loaded through
 * tsx's loader, registered inside the worker. The worker's task is in `workerData`.
 * @internal
 */
export const startWorker = (workerData: WorkerTask): Worker => {
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
