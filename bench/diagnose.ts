/**
 * Benchmark: `diagnose` with the default rules on generated organisations of 10,000
 * actors / 50,000 channels and 100,000 actors / 1,000,000 channels, reported as a ratio
 * to the time of the strongly connected components (`compileGraph` then `componentsOf`)
 * of the same model (target: within 20x), and the heap and resident memory afterwards
 * (target: under 1.5 GB at 100k/1M). Times are CPU time (user + system, fastest of a few
 * runs), which a busy shared machine disturbs less than wall time; the wall time of the
 * last diagnosis is printed too. Loop-based rules run within the default loop bounds and
 * say so through `truncated`. Run with `npx tsx bench/diagnose.ts [--quick]`.
 */
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { compileGraph } from '../src/graph/compile.js'
import { componentsOf } from '../src/graph/components.js'
import { diagnose } from '../src/diagnose/diagnose.js'
import { generateOrganisation } from './generate.js'

/** Options for {@link runDiagnoseBench}. */
export interface DiagnoseBenchOptions {
  /** Only the 10k/50k model, for a quick check. */
  readonly quick: boolean
}

/** Milliseconds of CPU time (user + system) a run takes: steadier than wall time on a shared machine. */
const time = (run: () => unknown): number => {
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** Milliseconds of wall time a run takes. */
const wallTime = (run: () => unknown): number => {
  const start = performance.now()
  run()
  return performance.now() - start
}

// The fastest of a few runs: the machine is shared, and the least disturbed run is the truest.
const fastest = (values: ReadonlyArray<number>): number => Math.min(...values)

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`

/** Run the diagnosis benchmark and print one line per size. */
export const runDiagnoseBench = async (options: DiagnoseBenchOptions): Promise<void> => {
  const sizes = options.quick ? [{ actors: 10_000, channels: 50_000 }] : [{ actors: 10_000, channels: 50_000 }, { actors: 100_000, channels: 1_000_000 }]
  for (const size of sizes) {
    const model = generateOrganisation({ seed: 7, ...size })
    const scc = fastest([0, 1, 2, 3, 4].map(() => time(() => componentsOf(compileGraph(model)))))
    let truncated = false
    let defects = 0
    const runs = options.quick || size.actors < 100_000 ? 3 : 1
    const diagnosis = fastest(
      Array.from({ length: runs }, () =>
        time(() => {
          const result = diagnose(model)
          truncated = result.truncated
          defects = result.defects.length
        }),
      ),
    )
    const wall = wallTime(() => diagnose(model))
    const memory = process.memoryUsage()
    console.log(
      `diagnose ${size.actors}/${size.channels}: ${diagnosis.toFixed(0)} ms CPU (${wall.toFixed(0)} ms wall), SCC ${scc.toFixed(1)} ms CPU, ratio ${(diagnosis / scc).toFixed(1)}x (target <= 20x); ` +
        `${defects} defects, truncated ${truncated}; heap ${megabytes(memory.heapUsed)}, rss ${megabytes(memory.rss)} (target < 1.5 GB)`,
    )
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runDiagnoseBench({ quick: process.argv.includes('--quick') })
}
