/**
 * The command-line mode of `npm run fuzz` (`npm run fuzz -- --cli`): runs the real
 * executable with random commands and option values, outputs and inputs of every file
 * kind (regular file with a random mode, missing, folder, character device, FIFO, link
 * to a file, link to a device, dangling link, the command's own input) and SIGINT or
 * SIGTERM at random moments, then checks that
 * - the exit code is 0, 1, 2, 130 or 143 (a signal that arrives before the process has
 *   installed its handlers counts as 128 + its number);
 * - every file that was there keeps its kind, its mode and (for links) its target;
 * - a file that changed is the command's output (or its manifest), and only when the
 *   exit code is 0 or 1, and then complete: JSON parses, rows match their manifest's
 *   hash, text ends with a line end; new files have the umask's mode;
 * - no hidden temporary file is left, and stderr holds no stack trace or "internal error".
 * FUZZ_CLI_CASES (default 24) and FUZZ_CLI_SECONDS (default 30) bound the run;
 * FUZZ_SEED replays one. The executable is bundled from `src/` with esbuild into
 * `.tmp/` first (so each case starts in a fraction of a second, and always runs the
 * current source), unless FUZZ_CLI_BIN names a built `cli.js`.
 */
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { folderProblems, makePath, snapshot } from './fuzz-files.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ward = join(root, 'examples/models/ward-you-said-we-did.json')

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
const generator = (seed) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

let executable = process.env.FUZZ_CLI_BIN
const command = (extra) => [executable, ...extra]

/** Bundle the executable and its worker from the current source into `.tmp/`, where the package's dependencies resolve. */
const bundleCli = async () => {
  const { build } = await import('esbuild')
  const outdir = join(root, '.tmp', `fuzz-cli-${process.pid}`)
  await build({
    entryPoints: { cli: join(root, 'src/cli/bin.ts'), 'node-worker': join(root, 'src/node/worker.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  })
  return outdir
}

/** One random case: the argv (with `OUT` and `IN` placeholders filled), and what it writes. */
const chooseCase = (random, fixtures) => {
  const pick = (list) => list[Math.floor(random() * list.length)]
  const maybe = (probability, values) => (random() < probability ? values : [])
  const number = () => pick(['0', '1', '2', '7', '120', '-3', 'abc', '1e3', '100001', '99999999999999999999'])
  const common = [...maybe(0.15, ['--max-input-bytes', pick(['1', '512', '100000', '0', 'many'])]), ...maybe(0.15, ['--force'])]
  const kind = pick(['validate', 'diagnose', 'loops', 'render', 'schema', 'simulate', 'simulate-long', 'sweep', 'sweep-long', 'merge'])
  switch (kind) {
    case 'validate':
      return { argv: ['validate', 'IN', ...common], input: true }
    case 'diagnose':
      return { argv: ['diagnose', 'IN', '-o', 'OUT', ...maybe(0.5, ['--format', pick(['text', 'json', 'markdown', 'xml'])]), ...maybe(0.5, ['--fail-on', pick(['error', 'never', 'info'])]), ...common], input: true, output: true }
    case 'loops':
      return { argv: ['loops', 'IN', '-o', 'OUT', ...maybe(0.5, ['--budget', number()]), ...maybe(0.5, ['--max-length', number()]), ...maybe(0.3, ['--max-loops', number()]), ...maybe(0.3, ['--format', 'json']), ...common], input: true, output: true }
    case 'render':
      return { argv: ['render', 'IN', '--to', pick(['dot', 'graphml', 'mermaid', 'gexf', 'kumu', 'png']), '-o', 'OUT', ...common], input: true, output: true }
    case 'schema':
      return { argv: ['schema', '-o', 'OUT', ...common], output: true }
    case 'simulate':
      return { argv: ['simulate', 'IN', '--days', pick(['0', '30', '365', '-1', 'x']), '--seed', number(), '-o', 'OUT', ...maybe(0.3, ['--format', pick(['csv', 'json', 'tsv'])]), ...common], input: true, output: true }
    case 'simulate-long':
      return { argv: ['simulate', 'IN', '--days', '100000', '--seed', '1', '--parameters', fixtures.busy, '-o', 'OUT'], input: true, output: true, signal: true }
    case 'sweep':
      return { argv: ['sweep', fixtures.spec, '--out', 'OUT', '--workers', pick(['0', '1', '2', '1000', 'x']), ...maybe(0.3, ['--shard', pick(['0/2', '1/2', '2/2', 'auto'])]), ...common], output: true, rows: true }
    case 'sweep-long':
      return { argv: ['sweep', fixtures.longSpec, '--out', 'OUT', '--workers', pick(['0', '1', '2'])], output: true, rows: true, signal: true }
    default:
      return { argv: ['merge', 'SHARD0', 'SHARD1', '--out', 'OUT', ...common], output: true, rows: true, merge: true, corrupt: random() < 0.3 }
  }
}

const signalNumbers = { SIGINT: 2, SIGTERM: 15 }

/** Run one case in its own folder; returns the problems found (empty when it held). */
const runCase = async (random, fixtures, index) => {
  const pick = (list) => list[Math.floor(random() * list.length)]
  const folder = mkdtempSync(join(tmpdir(), `orgintel-fuzz-cli-${index}-`))
  const problems = []
  const helpers = []
  try {
    const chosen = chooseCase(random, fixtures)
    copyFileSync(ward, join(folder, 'model.json'))
    const outputKind = pick(['missing', 'missing', 'file', 'folder', 'device', 'fifo', 'link-to-file', 'link-to-device', 'dangling-link', 'input'])
    const extension = chosen.rows ? pick(['.csv', '.jsonl']) : pick(['.json', '.txt', '.csv'])
    let out = `out${extension}`
    if (outputKind === 'input') out = 'model.json'
    else if (outputKind !== 'missing') makePath(folder, outputKind, pick, out)
    const inputKind = chosen.input ? pick(['model', 'model', 'model', 'missing', 'folder', 'empty-device', 'zero']) : 'none'
    const input = { model: join(folder, 'model.json'), missing: join(folder, 'absent.json'), folder, 'empty-device': '/dev/null', zero: '/dev/zero', none: '' }[inputKind]
    if (chosen.merge) {
      for (const shard of [0, 1]) {
        for (const suffix of ['', '.manifest.json']) copyFileSync(`${fixtures.shards[shard]}${extension}${suffix}`, join(folder, `shard${shard}${extension}${suffix}`))
      }
      if (chosen.corrupt) writeFileSync(join(folder, `shard0${extension}`), readFileSync(join(folder, `shard0${extension}`), 'utf8').slice(0, -5))
    }
    const argv = chosen.argv.flatMap((word) =>
      word === 'OUT' ? [join(folder, out)] : word === 'IN' ? [input] : word.startsWith('SHARD') ? [join(folder, `shard${word.slice(5)}${extension}`)] : [word],
    )
    // A device input that never ends needs a limit, or the case reads 256 MiB.
    if (inputKind === 'zero' && !argv.includes('--max-input-bytes')) argv.push('--max-input-bytes', '4096')
    const fifoOut = join(folder, out)
    if (lstatSync(folder).isDirectory() && existsSync(fifoOut) && lstatSync(fifoOut).isFIFO()) {
      const reader = spawn('cat', [fifoOut], { stdio: 'ignore' })
      helpers.push(reader)
    }
    const before = snapshot(folder)
    const child = spawn(process.execPath, command(argv), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk.toString('utf8')))
    const sent = chosen.signal || random() < 0.25 ? pick(['SIGINT', 'SIGTERM']) : undefined
    if (sent !== undefined) setTimeout(() => child.kill(sent), Math.floor(random() * 3000))
    const hung = setTimeout(() => child.kill('SIGKILL'), 60_000)
    const [code, signal] = await new Promise((resolve) => child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])))
    clearTimeout(hung)
    const status = code ?? (signal === sent ? 128 + signalNumbers[signal] : `killed by ${signal}`)
    const describe = `case ${index}: orgintel ${argv.map((word) => word.replace(folder, '…')).join(' ')} (output ${outputKind}, input ${inputKind}${sent ? `, ${sent}` : ''}) → ${status}`
    if (![0, 1, 2, 130, 143].includes(status)) problems.push(`${describe}: exit code not in 0, 1, 2, 130, 143`)
    if (/internal error|\n\s+at .+:\d+:\d+/.test(stderr)) problems.push(`${describe}: stderr has an internal error or a stack trace: ${stderr.slice(0, 300)}`)
    problems.push(...folderProblems(folder, before, { out, rows: chosen.rows === true, finished: status === 0 || status === 1, describe }))
    if (problems.length === 0 && process.env.FUZZ_CLI_VERBOSE === '1') console.log(describe)
  } finally {
    for (const helper of helpers) helper.kill('SIGKILL')
    rmSync(folder, { recursive: true, force: true })
  }
  return problems
}

/** Shards and specs every case can use, made once. */
const prepareFixtures = (folder) => {
  const spec = join(folder, 'spec.json')
  writeFileSync(spec, JSON.stringify({ seed: 4, days: 30, modelPath: ward, replications: 2, vary: { grid: { respond: [0.2, 0.8] } }, metrics: ['closureRate', 'experiencesRaised'] }))
  const longSpec = join(folder, 'long.json')
  writeFileSync(longSpec, JSON.stringify({ seed: 4, days: 3000, modelPath: ward, replications: 40, parameters: { raiseRate: 3 } }))
  const busy = join(folder, 'busy.json')
  writeFileSync(busy, JSON.stringify({ raiseRate: 20 }))
  const shards = [join(folder, 'shard0'), join(folder, 'shard1')]
  for (const extension of ['.csv', '.jsonl']) {
    for (const [index, shard] of shards.entries()) {
      const made = spawnSync(process.execPath, command(['sweep', spec, '--out', `${shard}${extension}`, '--shard', `${index}/2`, '--workers', '0']), { cwd: root, encoding: 'utf8' })
      if (made.status !== 0) throw new Error(`fuzz-cli: could not make the shard fixtures: ${made.stderr}`)
    }
  }
  return { spec, longSpec, busy, shards }
}

/**
 * Run the command-line fuzz: `cases` cases (two at a time) or until `seconds` pass,
 * from `seed`. Resolves to the problems found.
 */
export const fuzzCli = async ({ cases = 24, seconds = 30, seed = 1 } = {}) => {
  process.umask(0o022)
  const random = generator(seed)
  const fixtureFolder = mkdtempSync(join(tmpdir(), 'orgintel-fuzz-cli-fixtures-'))
  const problems = []
  const started = Date.now()
  const bundle = executable === undefined ? await bundleCli() : undefined
  if (bundle !== undefined) executable = join(bundle, 'cli.js')
  try {
    const fixtures = prepareFixtures(fixtureFolder)
    // Each case gets its own generator, seeded from the run's, so cases do not depend on timing.
    const seeds = Array.from({ length: cases }, () => Math.floor(random() * 4294967296))
    let next = 0
    let ran = 0
    const lane = async () => {
      while (next < cases && Date.now() - started < seconds * 1000) {
        const index = next++
        problems.push(...(await runCase(generator(seeds[index]), fixtures, index)))
        ran++
      }
    }
    await Promise.all([lane(), lane()])
    console.log(`fuzz-cli: ${ran} cases in ${((Date.now() - started) / 1000).toFixed(1)} s, ${problems.length} problems`)
  } finally {
    rmSync(fixtureFolder, { recursive: true, force: true })
    if (bundle !== undefined) rmSync(bundle, { recursive: true, force: true })
  }
  return problems
}
