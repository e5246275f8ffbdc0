/**
 * `npm run bench`: every benchmark in one run, so that our figures and the peers'
 * (graphlib, graphology, JSON.parse, a bare CSR Tarjan) come from the same machine
 * under the same load. `npm run bench -- --quick` skips the largest sizes.
 * Figures are printed, never asserted: time limits in tests make CI flaky.
 */
import { runDecodeBench } from './decode.js'
import { runDiagnoseBench } from './diagnose.js'
import { runGraphBench } from './graph.js'
import { runSimulateBench } from './simulate.js'
import { runTraceBench } from './trace.js'

const quick = process.argv.includes('--quick')
const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length)

const suites: ReadonlyArray<readonly [string, (options: { quick: boolean }) => Promise<void>]> = [
  ['decode', runDecodeBench],
  ['graph', runGraphBench],
  ['trace', runTraceBench],
  ['diagnose', runDiagnoseBench],
  ['simulate', runSimulateBench],
]

for (const [name, run] of suites) {
  if (only !== undefined && only !== name) continue
  process.stdout.write(`\n=== ${name}${quick ? ' (quick)' : ''} ===\n`)
  await run({ quick })
}
