/**
 * Simulation benchmarks: simulated events per second on one core for a generated
 * 10,000-actor organisation (target ≥ 2M events/s, CPU time), and the speed-up of a
 * sweep on two worker threads over one (target ≥ 1.7x on two cores), measured on the
 * built package (`dist/node/index.js`, rebuilt with tsup when older than `src/`),
 * because workers started from TypeScript source load tsx first.
 * Run: `npx tsx bench/simulate.ts [--quick]`.
 */
import { pathToFileURL } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { encodeModel } from '../src/model/decode.js'
import type { SimulationParameters } from '../src/simulate/parameters.js'
import { simulate } from '../src/simulate/simulate.js'
import { generateOrganisation } from './generate.js'
import { type NodeEntry, loadBuiltNodeEntry, probeParallelism } from './simulate-build.js'

/** @category Simulation */
export interface SimulateBenchOptions {
  /** Fewer days and runs, for CI (well under a minute). */
  readonly quick: boolean
}

/** Busy people and a noisy organisation: every lay actor raises a story every two days. */
const parameters: SimulationParameters = { raiseRate: 0.5, passOn: 0.6, maxHops: 6 }
const eventsTarget = 2e6
const speedUpTarget = 1.7

const verdict = (value: number, target: number): string => (value >= target ? '✓' : '✗')

const cpuMilliseconds = (): number => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

/** Events per second of CPU time for one run on the 10k-actor model, best of `attempts` (the first warms up). */
const measureEngine = (days: number, attempts: number): void => {
  const model = generateOrganisation({ seed: 1, actors: 10_000, channels: 50_000 })
  let best = 0
  let bestEvents = 0
  let bestMilliseconds = 0
  for (let attempt = 0; attempt < attempts; attempt++) {
    const started = cpuMilliseconds()
    const result = simulate(model, { seed: attempt + 1, days, parameters })
    const used = cpuMilliseconds() - started
    const rate = result.metrics.events / (used / 1000)
    if (rate > best) {
      best = rate
      bestEvents = result.metrics.events
      bestMilliseconds = used
    }
  }
  console.log(
    `simulate: 10000 actors, 50000 channels, ${days} days: ${bestEvents} events in ${bestMilliseconds.toFixed(0)} ms CPU ` +
      `= ${(best / 1e6).toFixed(2)}M events/s on one core (best of ${attempts}; target ${eventsTarget / 1e6}M) ${verdict(best, eventsTarget)}`,
  )
}

const sweepSpec = (model: unknown, runs: number, days: number) => ({
  model,
  seed: 1,
  days,
  parameters,
  vary: { grid: { respond: Array.from({ length: runs }, (_, i) => 0.2 + (0.6 * i) / Math.max(1, runs - 1)) } },
  metrics: ['closureRate', 'events'],
})

/** Wall milliseconds to read every row of a prepared sweep on `workers` workers. */
const timeSweep = async (entry: NodeEntry, spec: unknown, workers: number): Promise<number> => {
  const prepared = await entry.runExperiment(spec, { workers })
  if (E.isLeft(prepared)) throw new Error(`benchmark spec is invalid: ${prepared.left[0]?.message}`)
  const started = performance.now()
  let rows = 0
  for await (const _row of prepared.right.rows) rows++
  if (rows === 0) throw new Error('the sweep produced no rows')
  return performance.now() - started
}

/** Speed-up of a sweep on 2 workers over 1, on the built package; best of alternating rounds. */
const measureSweep = async (quick: boolean): Promise<void> => {
  const built = await loadBuiltNodeEntry()
  if (built === undefined) {
    console.log('sweep: not measured — dist/ is stale and `npx tsup` failed (see its output); fix the build and rerun ✗')
    return
  }
  const actors = 3_000
  const runs = quick ? 16 : 32
  const days = quick ? 60 : 90
  const spec = sweepSpec(encodeModel(generateOrganisation({ seed: 2, actors, channels: actors * 5 })), runs, days)
  let one = Number.POSITIVE_INFINITY
  let two = Number.POSITIVE_INFINITY
  for (let round = 0; round < (quick ? 1 : 2); round++) {
    one = Math.min(one, await timeSweep(built.entry, spec, 1))
    two = Math.min(two, await timeSweep(built.entry, spec, 2))
  }
  const ceiling = await probeParallelism(quick ? 1 : 2)
  const speedUp = one / two
  // The machine is shared: report what it allowed, so a ✗ can be told apart from a slow pool.
  console.log(
    `sweep (${built.source}): ${runs} runs of ${actors} actors, ${days} days; 1 worker ${one.toFixed(0)} ms, 2 workers ${two.toFixed(0)} ms, ` +
      `speed-up ${speedUp.toFixed(2)}x (target ${speedUpTarget}x) ${verdict(speedUp, speedUpTarget)}; ` +
      `this machine gives pure arithmetic ${ceiling.toFixed(2)}x on 2 threads right now`,
  )
}

/**
 * Time the engine on one core (CPU time) and a sweep on one and two workers (wall
 * time, built package), and print each figure with ✓/✗ against its target.
 * @category Simulation
 */
export const runSimulateBench = async (options: SimulateBenchOptions): Promise<void> => {
  measureEngine(options.quick ? 60 : 120, options.quick ? 3 : 5)
  await measureSweep(options.quick)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runSimulateBench({ quick: process.argv.includes('--quick') })
}
