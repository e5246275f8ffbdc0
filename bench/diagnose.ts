/**
 * Benchmark: `diagnose` with the default rules on generated organisations of 10,000
 * actors / 50,000 channels and 100,000 actors / 1,000,000 channels, reported as a ratio
 * to the time of the strongly connected components (`compileGraph` then `componentsOf`)
 * of the same model (target: within 20x, i.e. near-linear), with the heap, the resident
 * memory and the peak resident memory of the process so far (target: under 1.5 GB at
 * 100k/1M; under `npm run bench` the peak includes the suites run before). Each line
 * marks ✓ or ✗ against its targets.
 *
 * Times are CPU time (user + system), which a busy shared machine disturbs less than
 * wall time. The machine is shared, so after one warm-up run the two measurements are
 * interleaved round by round and the fastest of each is kept: a burst of load then
 * slows both alike instead of skewing the ratio. The wall time of the last diagnosis is
 * printed too. Loop-based rules run within the default loop bounds and rules with a
 * search budget say so through `truncated`, printed with the rules that hit a bound.
 * Run with `npx tsx bench/diagnose.ts [--quick]`.
 */
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { compileGraph } from '../src/graph/compile.js'
import { componentsOf } from '../src/graph/components.js'
import * as E from 'fp-ts/lib/Either.js'
import { resolveConfig } from '../src/diagnose/config.js'
import { createDiagnosisContext } from '../src/diagnose/context.js'
import { diagnose } from '../src/diagnose/diagnose.js'
import type { Model } from '../src/model/codecs.js'
import { generateOrganisation } from './generate.js'

/** Options for {@link runDiagnoseBench}. */
export interface DiagnoseBenchOptions {
  /** Only the 10k/50k model, for a quick check. */
  readonly quick: boolean
}

const ratioTarget = 20
/** Built-in rules with a search budget of their own (`maxSearchSteps`). */
const ownSearch = new Set(['acted-not-reported', 'single-point-of-failure'])
const memoryTarget = 1.5 * 1024 ** 3

/** Milliseconds of CPU time (user + system) a run takes: steadier than wall time on a shared machine. */
const cpuTime = (run: () => unknown): number => {
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

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`
const mark = (ok: boolean): string => (ok ? '✓' : '✗')

/** What stopped at a bound: loop enumeration, and each rule whose own search did (each on a fresh context). */
const boundedParts = (model: Model): string => {
  const config = resolveConfig(undefined)
  if (E.isLeft(config)) return 'unknown'
  const { rules, loops, names } = config.right
  const parts: string[] = []
  if (createDiagnosisContext(model, { loopBounds: loops, names }).loops().truncated) parts.push('loop enumeration')
  for (const entry of rules) {
    if (!ownSearch.has(entry.rule.id)) continue
    // These rules do not enumerate loops, so a truncated context means their own budget ran out.
    const context = createDiagnosisContext(model, { loopBounds: loops, names })
    entry.rule.check(context, entry.options)
    if (context.truncated) parts.push(entry.rule.id)
  }
  return parts.join(', ')
}

/** Measure one size: interleaved rounds, fastest of each. */
const measure = (model: Model, rounds: number): { diagnoseMs: number; componentsMs: number } => {
  diagnose(model)
  let diagnoseMs = Infinity
  let componentsMs = Infinity
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 3; i++) componentsMs = Math.min(componentsMs, cpuTime(() => componentsOf(compileGraph(model))))
    diagnoseMs = Math.min(diagnoseMs, cpuTime(() => diagnose(model)))
  }
  return { diagnoseMs, componentsMs }
}

/** Run the diagnosis benchmark and print one line per size. */
export const runDiagnoseBench = async (options: DiagnoseBenchOptions): Promise<void> => {
  const sizes = options.quick
    ? [{ actors: 10_000, channels: 50_000 }]
    : [
        { actors: 10_000, channels: 50_000 },
        { actors: 100_000, channels: 1_000_000 },
      ]
  for (const size of sizes) {
    const model = generateOrganisation({ seed: 7, ...size })
    const { diagnoseMs, componentsMs } = measure(model, size.actors < 100_000 ? 20 : 2)
    let defects = 0
    let truncated = false
    const wall = wallTime(() => {
      const result = diagnose(model)
      defects = result.defects.length
      truncated = result.truncated
    })
    const memory = process.memoryUsage()
    const peak = process.resourceUsage().maxRSS * 1024
    const ratio = diagnoseMs / componentsMs
    console.log(
      `diagnose ${size.actors}/${size.channels}: ${diagnoseMs.toFixed(0)} ms CPU (${wall.toFixed(0)} ms wall), ` +
        `SCC ${componentsMs.toFixed(1)} ms CPU, ratio ${ratio.toFixed(1)}x ${mark(ratio <= ratioTarget)} (target <= ${ratioTarget}x); ` +
        `${defects} defects, truncated ${truncated}${truncated ? ` (bounded: ${boundedParts(model)})` : ''}; ` +
        `heap ${megabytes(memory.heapUsed)}, rss ${megabytes(memory.rss)}, peak rss ${megabytes(peak)} ${mark(peak < memoryTarget)} (target < 1.5 GB)`,
    )
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runDiagnoseBench({ quick: process.argv.includes('--quick') })
}
