#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, stopping at the first failure.
 *
 * Steps: typecheck, build, unit tests (vitest), package lint (publint + attw), smoke
 * test of the packed tarball, browser bundle size, docs (when typedoc.json exists) and
 * every examples/*.ts. Whatever happens, the last line printed is `N passed, N failed`,
 * where N counts vitest tests (from its JSON report) plus one per other step.
 *
 * Quiet by default: one line per step (the examples share one), and the whole output of
 * a step only when it fails. `--verbose` (or ORGINTEL_TEST_VERBOSE=1) shows everything.
 * The build runs once: the build step packs a fresh clone (`npm pack`, whose `prepack`
 * builds) and puts that tarball's `dist/` here; the newcomer suite among the unit tests
 * reuses the same tarball (scripts/pack-install.mjs `packFreshClone`), and later steps
 * that pack (attw, smoke) run with npm scripts off, so `prepack` does not build again.
 *
 * Node built-ins only, so it runs before anything is built. For local debugging,
 * `node scripts/test-all.mjs --skip=typecheck,unit` skips steps by key (typecheck, unit,
 * build, lint, smoke, size, docs, examples); a skipped step counts as neither.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const vitestReport = join(root, '.tmp', 'vitest.json')

const verbose = process.argv.includes('--verbose') || process.env.ORGINTEL_TEST_VERBOSE === '1'
let passed = 0
let failed = 0
const failures = []

/**
 * Run one command; true when it exits 0. Its output is shown as it comes with
 * --verbose, otherwise kept and shown only when it fails.
 */
const run = (command, args, environment = {}) => {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...environment },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  })
  if (result.error) console.error(`test-all: could not start ${command}: ${result.error.message}`)
  if (!verbose && result.status !== 0) {
    const shown = [command, ...args].map((part) => (part.startsWith(root) ? relative(root, part) : part === process.execPath ? 'node' : part))
    console.log(`\n=== output of ${shown.join(' ')} ===`)
    process.stdout.write(result.stdout ?? '')
    process.stderr.write(result.stderr ?? '')
  }
  return result.status === 0
}

const banner = (title) => {
  if (verbose) console.log(`\n=== ${title} ===`)
}

/** A step that counts as one test. `quietOk` leaves out the line for a step that passes. */
const step = (title, commands, { quietOk = false } = {}) => {
  banner(title)
  const started = process.hrtime.bigint()
  const ok = commands.every(([command, args, environment]) => run(command, args, environment))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (ok) {
    passed++
    if (!quietOk || verbose) console.log(`ok      ${title} (${seconds.toFixed(1)} s)`)
  } else {
    failed++
    failures.push(title)
    console.error(`FAILED  ${title} (${seconds.toFixed(1)} s)`)
  }
  return ok
}

/** Packing runs `prepack` (the build); the build step has just run it, so pack without scripts. */
const packWithoutScripts = { npm_config_ignore_scripts: 'true' }

/** The vitest step: its tests count one by one, read from the JSON reporter. */
const unitTests = () => {
  banner('unit tests (vitest)')
  mkdirSync(dirname(vitestReport), { recursive: true })
  rmSync(vitestReport, { force: true })
  const started = process.hrtime.bigint()
  const ok = run(bin('vitest'), [
    'run',
    verbose ? '--reporter=default' : '--reporter=dot',
    '--reporter=json',
    `--outputFile.json=${relative(root, vitestReport)}`,
  ])
  let counted = false
  if (existsSync(vitestReport)) {
    try {
      const report = JSON.parse(readFileSync(vitestReport, 'utf8'))
      passed += report.numPassedTests ?? 0
      failed += report.numFailedTests ?? 0
      counted = true
      // A test file that fails outside its tests (it does not load, or a hook throws)
      // has no failed test of its own: count it as one failure.
      const brokenFiles = (report.testResults ?? []).filter(
        (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
      )
      failed += brokenFiles.length
      for (const file of brokenFiles) console.error(`--- ${relative(root, file.name)} failed outside its tests: ${(file.message ?? '').split('\n')[0]}`)
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      console.log(`${ok ? 'ok    ' : 'FAILED'}  unit tests (vitest): ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests ?? 0} skipped${brokenFiles.length > 0 ? `, ${brokenFiles.length} test file(s) broken` : ''} (${seconds.toFixed(1)} s)`)
      if (!ok && (report.numFailedTests ?? 0) === 0 && brokenFiles.length === 0) {
        failed++
        console.error('--- vitest exited non-zero with no failed test or file')
      }
    } catch (error) {
      console.error(`test-all: unreadable vitest report: ${error.message}`)
    }
  }
  if (!counted && !ok) failed++
  if (!ok) failures.push('unit tests')
  return ok
}

const examples = () => {
  const folder = join(root, 'examples')
  const files = existsSync(folder)
    ? readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).sort()
    : []
  if (files.length === 0) console.log('(no examples/*.ts to run)')
  const started = process.hrtime.bigint()
  const ok = files.every((file) => step(`example ${file}`, [[bin('tsx'), [join('examples', file)]]], { quietOk: true }))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (ok && !verbose) console.log(`ok      examples: all ${files.length} run (${seconds.toFixed(1)} s)`)
  return ok
}

const docs = () => {
  if (!existsSync(join(root, 'typedoc.json'))) {
    console.log('(no typedoc.json: docs step skipped)')
    return true
  }
  return step('docs (typedoc)', [['npm', ['run', '--silent', 'docs']]])
}

const started = process.hrtime.bigint()
const skipped = new Set(
  process.argv
    .filter((argument) => argument.startsWith('--skip='))
    .flatMap((argument) => argument.slice('--skip='.length).split(',')),
)
const steps = [
  ['typecheck', () => step('typecheck (tsc --noEmit)', [[bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']]])],
  ['build', () => step('build (npm pack of a fresh clone)', [[process.execPath, ['scripts/pack-install.mjs', 'build']]])],
  ['unit', unitTests],
  ['lint', () =>
    step('package lint (publint --strict, attw)', [
      [bin('publint'), ['--strict']],
      // node16 profile: the package does not target node10 resolution (no typesVersions
      // for subpaths). cjs-resolves-to-esm: `orgintel/node` (worker threads, files, the
      // CLI) is ESM-only by choice; the browser-safe entries ship CJS too, and the smoke
      // test proves `require` of each of them from a packed tarball.
      [bin('attw'), ['--pack', '.', '--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm'], packWithoutScripts],
    ])],
  ['smoke', () => step('smoke test (packed tarball, plain node)', [[process.execPath, ['scripts/smoke.mjs'], packWithoutScripts]])],
  ['size', () => step('browser bundle size', [[process.execPath, ['scripts/size.mjs']]])],
  ['docs', docs],
  ['examples', examples],
]

for (const [key, next] of steps) {
  if (skipped.has(key)) {
    console.log(`skipped ${key} (--skip)`)
    continue
  }
  if (!next()) {
    console.error(`\ntest-all: stopping after the first failure (${failures.join(', ')})`)
    break
  }
}
const minutes = Number(process.hrtime.bigint() - started) / 6e10
console.log(`\ntest-all: finished in ${minutes.toFixed(1)} min${failures.length > 0 ? `; failed: ${failures.join(', ')}` : ''}`)
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed > 0 ? 1 : 0
