/**
 * `npm run bench`: every benchmark in one run, so that our figures and the peers'
 * (graphlib, graphology, JSON.parse, a bare CSR Tarjan) come from the same machine
 * under the same load. `npm run bench -- --quick` skips the largest sizes;
 * `npm run bench -- --only=measure --events=10000000` measures a 10M-event log. The
 * `public-api` suite calls the built package (`npm run bench` builds it first); add
 * `--src` to call `src/` instead. Figures are printed, never asserted: time limits in
 * tests make CI flaky.
 */
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

for (const [name, run] of suites) {
  if (only !== undefined && only !== name) continue
  process.stdout.write(`\n=== ${name}${quick ? ' (quick)' : ''} ===\n`)
  await run({ quick })
}
