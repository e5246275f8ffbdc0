import { Worker } from 'node:worker_threads'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Model } from '../../src/model/codecs.js'
import type { PlannedRun, RunList, RunSettings } from '../../src/node/plan.js'
import { type RunOutcome, runPlanned } from '../../src/node/pool.js'
import { maxExperimentRuns } from '../../src/node/plan.js'
import { runExperiment } from '../../src/node/run-experiment.js'

const wardPath = new URL('../../examples/models/ward-you-said-we-did.json', import.meta.url).pathname

const runList = (length: number): RunList => ({ length, at: (position): PlannedRun => ({ run: position, replicate: 0, seed: position, values: [] }) })
const settings: RunSettings = { days: 1, parameters: {}, interventions: [], scenarios: [], columns: [], metrics: ['closureRate'] }

/**
 * A stand-in worker: answers each run with its position as the value, except that
 * run `crashAt` ends the worker thread (the first `crashes` times it is tried; a
 * shared counter keeps count across workers).
 */
const crashingWorkers = (crashAt: number, crashes: number) => {
  const counter = new Int32Array(new SharedArrayBuffer(4))
  return (): Worker =>
    new Worker(
      `const { parentPort, workerData } = require('node:worker_threads')
       parentPort.on('message', ({ position }) => {
         if (position === ${crashAt} && Atomics.add(workerData.counter, 0, 1) < ${crashes}) process.exit(7)
         parentPort.postMessage({ position, values: new Float64Array([0, position]) })
       })`,
      { eval: true, workerData: { counter } },
    )
}

const collect = async (outcomes: AsyncIterable<RunOutcome>): Promise<RunOutcome[]> => {
  const all: RunOutcome[] = []
  for await (const outcome of outcomes) all.push(outcome)
  return all
}

const summary = (outcomes: ReadonlyArray<RunOutcome>) => outcomes.map((outcome) => ('failure' in outcome ? `${outcome.run.run}: ${outcome.failure}` : `${outcome.run.run}: ${outcome.values[0]}`))

describe('a run that fails does not end the experiment', () => {
  it('retries a run once when its worker thread dies', async () => {
    const outcomes = await collect(runPlanned({} as Model, settings, runList(6), { workers: 2, startWorker: crashingWorkers(3, 1) }))
    expect(summary(outcomes)).toEqual(['0: 0', '1: 1', '2: 2', '3: 3', '4: 4', '5: 5'])
  })

  it('reports a run whose worker dies twice as failed, and finishes the others', async () => {
    const outcomes = await collect(runPlanned({} as Model, settings, runList(6), { workers: 2, startWorker: crashingWorkers(3, 2) }))
    expect(summary(outcomes)).toEqual(['0: 0', '1: 1', '2: 2', '3: the worker thread running it stopped (exit code 7)', '4: 4', '5: 5'])
  })

  it.each([0, 1])('reports a run that throws with its message (workers %s)', async (workers) => {
    // A model with no actors list makes every run throw inside the simulation.
    const broken = { actors: null } as unknown as Model
    const outcomes = await collect(runPlanned(broken, settings, runList(2), { workers }))
    expect(outcomes).toHaveLength(2)
    for (const outcome of outcomes) expect('failure' in outcome && outcome.failure.length > 0).toBe(true)
  })
})

describe('planning', () => {
  it.each([
    [{ vary: { grid: Object.fromEntries(['respond', 'act', 'decide', 'makeSense', 'passOn', 'recordLesson', 'raiseRate', 'jitter'].map((name) => [name, Array.from({ length: 10 }, (_, index) => index / 10)])) } }, 'The spec has 100,000,000 runs (100,000,000 parameter sets × 1 replication)'],
    [{ replications: 100_000_000 }, 'The spec has 100,000,000 runs'],
    [{ vary: { grid: { respond: [0.1, 0.2] } }, replications: 600_000 }, 'The spec has 1,200,000 runs (2 parameter sets × 600,000 replications)'],
  ])('refuses a spec above the limit of runs, with its count, without planning it', async (extra, message) => {
    const prepared = await runExperiment({ modelPath: wardPath, seed: 1, days: 1, ...extra })
    expect(E.isLeft(prepared) && prepared.left.map((error) => error.message)).toEqual([
      `${message}, more than the ${maxExperimentRuns.toLocaleString('en-GB')} an experiment may have; split it into several specs.`,
    ])
  })

  it('plans only the shard it runs: a shard of a million-run spec lists its own runs', async () => {
    const prepared = await runExperiment({ modelPath: wardPath, seed: 1, days: 1, replications: maxExperimentRuns }, { shard: { index: 7, count: 250_000 } })
    if (E.isLeft(prepared)) throw new Error(prepared.left[0]!.message)
    expect(prepared.right.manifest.totalRuns).toBe(1_000_000)
    expect(prepared.right.manifest.runs.map((run) => run.run)).toEqual([7, 250_007, 500_007, 750_007])
  })

  it('reads a model path only up to the input limit, so /dev/zero cannot fill memory', async () => {
    const prepared = await runExperiment({ modelPath: '/dev/zero', seed: 1, days: 1 })
    expect(E.isLeft(prepared) && prepared.left).toEqual([{ code: 'unreadable-file', path: '/modelPath', message: 'The model file /dev/zero cannot be read: it is larger than 268435456 bytes.' }])
  })

  it('stops planning when aborted', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort('SIGINT'), 50)
    const prepared = await runExperiment({ modelPath: wardPath, seed: 1, days: 1, replications: maxExperimentRuns }, { signal: controller.signal })
    expect(E.isLeft(prepared) && prepared.left).toEqual([{ code: 'stopped', path: '', message: 'Stopped while planning the runs.' }])
  })
})
