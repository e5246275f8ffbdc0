/**
 * Simulation benchmarks: simulated events per second on one core for a generated
 * 10,000-actor organisation (target ≥ 2M events/s), and the speed-up of a sweep on
 * two worker threads over one (target ≥ 1.7x on two cores).
 * Run: `npx tsx bench/simulate.ts [--quick]`.
 */
import { pathToFileURL } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { encodeModel } from '../src/model/decode.js'
import { runExperiment } from '../src/node/run-experiment.js'
import type { SimulationParameters } from '../src/simulate/parameters.js'
import { simulate } from '../src/simulate/simulate.js'
import { generateOrganisation } from './generate.js'

/** @category Simulation */
export interface SimulateBenchOptions {
  /** Fewer days and runs, for CI. */
  readonly quick: boolean
}

/** Busy people and a noisy organisation: every lay actor raises a story every two days. */
const parameters: SimulationParameters = { raiseRate: 0.5, passOn: 0.6, maxHops: 6 }

const sweepSpec = (model: unknown, runs: number, days: number) => ({
  model,
  seed: 1,
  days,
  parameters,
  vary: { grid: { respond: Array.from({ length: runs }, (_, i) => 0.2 + (0.6 * i) / Math.max(1, runs - 1)) } },
  metrics: ['closureRate', 'events'],
})

const timeSweep = async (spec: unknown, workers: number): Promise<number> => {
  const prepared = await runExperiment(spec, { workers })
  if (E.isLeft(prepared)) throw new Error(`benchmark spec is invalid: ${prepared.left[0]?.message}`)
  const started = performance.now()
  let rows = 0
  for await (const _row of prepared.right.rows) rows++
  if (rows === 0) throw new Error('the sweep produced no rows')
  return performance.now() - started
}

/**
 * Time one long run of the engine (best of three) and a sweep on one and two workers,
 * and print events per second and the speed-up.
 * @category Simulation
 */
export const runSimulateBench = async (options: SimulateBenchOptions): Promise<void> => {
  const model = generateOrganisation({ seed: 1, actors: 10_000, channels: 50_000 })
  const days = options.quick ? 30 : 120
  // Wall time overstates the cost on a shared machine; CPU time of this thread is the one-core figure.
  let best = Number.POSITIVE_INFINITY
  let bestWall = Number.POSITIVE_INFINITY
  let events = 0
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now()
    const cpu = process.cpuUsage()
    const result = simulate(model, { seed: attempt + 1, days, parameters })
    const used = process.cpuUsage(cpu)
    const elapsed = (used.user + used.system) / 1000
    bestWall = Math.min(bestWall, performance.now() - started)
    if (elapsed < best) {
      best = elapsed
      events = result.metrics.events
    }
  }
  const perSecond = events / (best / 1000)
  console.log(
    `simulate: 10000 actors, 50000 channels, ${days} days; ${events} events in ${best.toFixed(0)} ms CPU ` +
      `(${bestWall.toFixed(0)} ms wall) = ${(perSecond / 1e6).toFixed(2)}M events/s on one core (target 2M)`,
  )

  const runs = options.quick ? 4 : 8
  const spec = sweepSpec(encodeModel(model), runs, options.quick ? 60 : 120)
  const one = await timeSweep(spec, 1)
  const two = await timeSweep(spec, 2)
  console.log(
    `sweep: ${runs} runs; 1 worker ${one.toFixed(0)} ms, 2 workers ${two.toFixed(0)} ms, ` +
      `speed-up ${(one / two).toFixed(2)}x (target 1.7x)`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runSimulateBench({ quick: process.argv.includes('--quick') })
}
