#!/usr/bin/env node
/**
 * `npm run fuzz`: the reliability suite at length. FUZZ_DOCS documents through the
 * front door (default 2,000,000), FUZZ_MODELS generated models through the algorithms
 * (default 20,000), FUZZ_INTEROP_DOCS per importer (default 50,000), decoding and
 * every whole-model analysis (repairs, single points of failure, diagnosis, simulation)
 * at the full 1,000,000-actor scale, and no per-test time limit.
 * FUZZ_SEED picks the run seed (default: a new one each run, printed so it can be replayed).
 * Then the command-line mode (scripts/fuzz-cli.mjs): the real executable with random
 * options, paths of every file kind and signals at random moments (FUZZ_CLI_CASES,
 * default 24; FUZZ_CLI_SECONDS, default 30). `npm run fuzz -- --cli` runs only that mode.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fuzzCli } from './fuzz-cli.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const env = {
  ...process.env,
  FUZZ_DOCS: process.env.FUZZ_DOCS ?? '2000000',
  FUZZ_MODELS: process.env.FUZZ_MODELS ?? '20000',
  FUZZ_INTEROP_DOCS: process.env.FUZZ_INTEROP_DOCS ?? '50000',
  FUZZ_SEED: process.env.FUZZ_SEED ?? String((process.hrtime.bigint() % 4_294_967_296n)),
  ORGINTEL_SCALE_DECODE: process.env.ORGINTEL_SCALE_DECODE ?? process.env.ORGINTEL_SCALE_ACTORS ?? '1000000',
  ORGINTEL_SCALE_ANALYSIS: process.env.ORGINTEL_SCALE_ANALYSIS ?? process.env.ORGINTEL_SCALE_ACTORS ?? '1000000',
}
const cliOnly = process.argv.includes('--cli')
const vitestArguments = process.argv.slice(2).filter((argument) => argument !== '--cli')
if (!cliOnly) console.log(`fuzz: ${env.FUZZ_DOCS} documents, ${env.FUZZ_MODELS} models, seed ${env.FUZZ_SEED} (replay with FUZZ_SEED=${env.FUZZ_SEED})`)
const started = process.hrtime.bigint()
const suite = cliOnly
  ? { status: 0 }
  : spawnSync(
      join(root, 'node_modules', '.bin', 'vitest'),
      ['run', 'test/reliability', '--testTimeout=0', '--hookTimeout=0', ...vitestArguments],
      { cwd: root, stdio: 'inherit', env },
    )
console.log(`fuzz-cli: seed ${env.FUZZ_SEED} (replay with FUZZ_SEED=${env.FUZZ_SEED} npm run fuzz -- --cli)`)
const problems = await fuzzCli({
  cases: Number(process.env.FUZZ_CLI_CASES ?? 24),
  seconds: Number(process.env.FUZZ_CLI_SECONDS ?? 30),
  seed: Number(env.FUZZ_SEED),
})
for (const problem of problems) console.error(`fuzz-cli: ${problem}`)
console.log(`fuzz: finished in ${(Number(process.hrtime.bigint() - started) / 6e10).toFixed(1)} min`)
process.exitCode = suite.status === 0 && problems.length === 0 ? 0 : 1
