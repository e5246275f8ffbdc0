/**
 * Helpers for the sweep benchmark: find (or make) the built `orgintel/node` entry, and
 * probe how much parallelism the machine is giving right now.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/** The `orgintel/node` API, as the built package exports it. */
export type NodeEntry = typeof import('../src/node/index.js')

const root = fileURLToPath(new URL('..', import.meta.url))
const builtEntry = join(root, 'dist/node/index.js')
const builtWorker = join(root, 'dist/node-worker.js')

/** The newest modification time of any file under `directory` (iterative walk). */
const newestChange = (directory: string): number => {
  let newest = 0
  const pending = [directory]
  while (pending.length > 0) {
    const current = pending.pop()!
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name)
      if (entry.isDirectory()) pending.push(path)
      else newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  return newest
}

const isFresh = (): boolean =>
  existsSync(builtEntry) &&
  existsSync(builtWorker) &&
  Math.min(statSync(builtEntry).mtimeMs, statSync(builtWorker).mtimeMs) >= newestChange(join(root, 'src'))

/**
 * Load the built `dist/node/index.js`, first running `npm run build` (which empties
 * `dist/`, so stale chunks do not pile up) when it is missing or older than `src/`. Says which it measured: the built package (fresh or rebuilt), or,
 * when the build fails (e.g. someone's half-finished code elsewhere), `undefined`.
 */
export const loadBuiltNodeEntry = async (): Promise<{ readonly entry: NodeEntry; readonly source: string } | undefined> => {
  let source = 'dist (already fresh)'
  if (!isFresh()) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', stdio: 'pipe', timeout: 180_000 })
    if (build.status !== 0 || !isFresh()) return undefined
    source = 'dist (rebuilt with `npm run build` for this run)'
  }
  const entry = (await import(pathToFileURL(builtEntry).href)) as NodeEntry
  return { entry, source }
}

/** A worker that spins on integer arithmetic (no memory traffic) for `steps` steps. */
const spin = (steps: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const code = `const { parentPort, workerData } = require('node:worker_threads'); let x = 0; for (let i = 0; i < workerData; i++) x = (x + Math.imul(i, 2654435761)) | 0; parentPort.postMessage(x)`
    const worker = new Worker(code, { eval: true, workerData: steps })
    worker.once('message', () => {
      void worker.terminate()
      resolve()
    })
    worker.once('error', reject)
  })

/**
 * How many times faster two threads finish a fixed amount of pure arithmetic than one:
 * about 2 on two idle cores, less when other processes hold a core. The ceiling the
 * sweep's speed-up can reach on this machine right now. Best of `rounds`.
 */
export const probeParallelism = async (rounds = 2, steps = 2e8): Promise<number> => {
  let best = 0
  for (let round = 0; round < rounds; round++) {
    let started = performance.now()
    await spin(steps)
    const one = performance.now() - started
    started = performance.now()
    await Promise.all([spin(steps / 2), spin(steps / 2)])
    best = Math.max(best, one / (performance.now() - started))
  }
  return best
}
