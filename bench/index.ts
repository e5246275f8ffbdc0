/**
 * `npm run bench`: every benchmark in one run, so that our figures and the peers'
 * (graphlib, graphology, JSON.parse, a bare CSR Tarjan) come from the same machine
 * under the same load. `npm run bench -- --quick` skips the largest sizes;
 * `npm run bench -- --only=measure --events=10000000` measures a 10M-event log. The
 * `public-api` suite calls the built package (`npm run bench` builds it first); add
 * `--src` to call `src/` instead. Figures are printed, never asserted: time limits in
 * tests make CI flaky.
 *
 * Each suite runs in a process of its own (this file again, with `--only`), one after
 * the other: a suite then starts from an empty heap, as a program calling the library
 * would, rather than after the million-channel models of the suites before it (whose
 * heap made the next suite's collections slower), and its peak memory is its own.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { runDecodeBench } from './decode.js'
import { runDiagnoseBench } from './diagnose.js'
import { runGraphBench } from './graph.js'
import { runMeasureBench } from './measure.js'
import { runPublicApiBench } from './public-api.js'
import { runSimulateBench } from './simulate.js'
import { runTraceBench } from './trace.js'

const quick = process.argv.includes('--quick')
const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length)
const events = process.argv.find((argument) => argument.startsWith('--events='))?.slice('--events='.length)

const source = process.argv.includes('--src')

const suites: ReadonlyArray<readonly [string, (options: { quick: boolean }) => Promise<void>]> = [
  ['public-api', (options) => runPublicApiBench({ ...options, source })],
  ['decode', runDecodeBench],
  ['graph', runGraphBench],
  ['trace', runTraceBench],
  ['diagnose', runDiagnoseBench],
  ['simulate', runSimulateBench],
  ['measure', (options) => runMeasureBench({ ...options, ...(events === undefined ? {} : { events: Number(events) }) })],
]

if (only === undefined) {
  const script = fileURLToPath(import.meta.url)
  const passed = process.argv.slice(2)
  for (const [name] of suites) {
    const child = spawnSync(process.execPath, [...process.execArgv, script, ...passed, `--only=${name}`], { stdio: 'inherit' })
    if (child.status !== 0) {
      process.stderr.write(`bench: the ${name} suite failed (${child.signal ?? `exit code ${child.status}`})\n`)
      process.exitCode = 1
    }
  }
} else {
  const suite = suites.find(([name]) => name === only)
  if (suite === undefined) throw new Error(`bench: no suite ${JSON.stringify(only)}; the suites are ${suites.map(([name]) => name).join(', ')}`)
  process.stdout.write(`\n=== ${only}${quick ? ' (quick)' : ''} ===\n`)
  await suite[1]({ quick })
}
