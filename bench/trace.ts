/**
 * Benchmark: `traceLoops` (every source followed, routes included) and `diagnose` on a
 * generated organisation of 100,000 actors / 1,000,000 channels with about 240,000
 * assets and their provenance (`generateOrganisation({ provenance: true })`), each as a
 * ratio to compile + strongly connected components of the same model (targets: trace
 * within 5x, diagnose within 20x), with peak resident memory (target under 1.5 GB).
 * CPU time, fastest of interleaved rounds after a warm-up, as in `bench/diagnose.ts`, each
 * run starting from a collected heap so that none pays for another's garbage; the
 * baseline and the trace get the same number of runs, taken in turn. The spread of the
 * runs and the ratio of their medians are printed too: on a machine whose speed drifts,
 * the ratio of the fastest runs can swing by half from one run of the bench to the next.
 * `--quick` runs 10,000 actors / 100,000 channels instead.
 * Run with `npx tsx bench/trace.ts [--quick]`.
 */
import { pathToFileURL } from 'node:url'
import { compileGraph } from '../src/graph/compile.js'
import { componentsOf } from '../src/graph/components.js'
import { traceLoops } from '../src/graph/trace.js'
import { diagnose } from '../src/diagnose/diagnose.js'
import { collectGarbage } from './collect-garbage.js'
import { generateOrganisation } from './generate.js'

const cpuTime = (run: () => unknown): number => {
  collectGarbage()
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
const mark = (ok: boolean): string => (ok ? '✓' : '✗')
const median = (runs: ReadonlyArray<number>): number => [...runs].sort((a, b) => a - b)[runs.length >> 1]!
const spread = (runs: ReadonlyArray<number>): string => `${Math.min(...runs).toFixed(0)} to ${Math.max(...runs).toFixed(0)}`

/** Run the trace benchmark and print its lines. */
export const runTraceBench = async (options: { readonly quick: boolean }): Promise<void> => {
  const [actors, channels] = options.quick ? [10_000, 100_000] : [100_000, 1_000_000]
  const model = generateOrganisation({ seed: 7, actors, channels, provenance: true })
  const scc = () => componentsOf(compileGraph(model))
  const trace = traceLoops(model)
  diagnose(model)
  let sccMs = Infinity
  let traceMs = Infinity
  let diagnoseMs = Infinity
  // Every run, to show how far the machine's speed drifted: the ratio of the medians beside that of the fastest.
  const sccRuns: number[] = []
  const traceRuns: number[] = []
  for (let round = 0; round < (options.quick ? 3 : 2); round++) {
    // The machine's speed drifts (by up to half, over seconds, on a shared one): the
    // baseline and the trace are timed in turn, the best of three each round for both, so
    // that neither gets more chances at a fast spell than the other.
    for (let again = 0; again < 3; again++) {
      sccRuns.push(cpuTime(scc))
      traceRuns.push(cpuTime(() => traceLoops(model)))
      sccMs = Math.min(sccMs, sccRuns.at(-1)!)
      traceMs = Math.min(traceMs, traceRuns.at(-1)!)
    }
    diagnoseMs = Math.min(diagnoseMs, cpuTime(() => diagnose(model)))
  }
  const closed = trace.loops.filter((loop) => loop.outcome !== 'open').length
  const peak = process.resourceUsage().maxRSS * 1024
  process.stdout.write(
    `trace ${actors.toLocaleString('en-GB')} actors / ${channels.toLocaleString('en-GB')} channels / ${model.assets.length.toLocaleString('en-GB')} assets: ` +
      `${trace.loops.length.toLocaleString('en-GB')} sources (${closed.toLocaleString('en-GB')} close), truncated ${trace.truncated}\n` +
      `  compile+SCC ${sccMs.toFixed(0)} ms | traceLoops ${traceMs.toFixed(0)} ms = ${(traceMs / sccMs).toFixed(2)}x (target ≤ 5x) ${mark(traceMs <= 5 * sccMs)}\n` +
      `  spread over ${sccRuns.length} runs each: compile+SCC ${spread(sccRuns)} ms, traceLoops ${spread(traceRuns)} ms; ratio of the medians ${(median(traceRuns) / median(sccRuns)).toFixed(2)}x\n` +
      `  diagnose ${diagnoseMs.toFixed(0)} ms = ${(diagnoseMs / sccMs).toFixed(2)}x SCC (target ≤ 20x) ${mark(diagnoseMs <= 20 * sccMs)}\n` +
      `  peak resident memory ${Math.round(peak / 1024 / 1024)} MB (target < 1536 MB) ${mark(peak < 1.5 * 1024 ** 3)}\n`,
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runTraceBench({ quick: process.argv.includes('--quick') })
