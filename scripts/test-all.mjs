#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, stopping at the first failure.
 *
 * Steps: typecheck, unit tests (vitest), build, package lint (publint + attw), smoke
 * test of the packed tarball, browser bundle size, docs (when typedoc.json exists) and
 * every examples/*.ts. Whatever happens, the last line printed is `N passed, N failed`,
 * where N counts vitest tests (from its JSON report) plus one per other step.
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

let passed = 0
let failed = 0
const failures = []

/** Run one command with inherited output; true when it exits 0. */
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.error) console.error(`test-all: could not start ${command}: ${result.error.message}`)
  return result.status === 0
}

const banner = (title) => console.log(`\n=== ${title} ===`)

/** A step that counts as one test. */
const step = (title, commands) => {
  banner(title)
  const started = process.hrtime.bigint()
  const ok = commands.every(([command, args]) => run(command, args))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (ok) {
    passed++
    console.log(`--- ${title}: ok (${seconds.toFixed(1)} s)`)
  } else {
    failed++
    failures.push(title)
    console.error(`--- ${title}: FAILED (${seconds.toFixed(1)} s)`)
  }
  return ok
}

/** The vitest step: its tests count one by one, read from the JSON reporter. */
const unitTests = () => {
  banner('unit tests (vitest)')
  mkdirSync(dirname(vitestReport), { recursive: true })
  rmSync(vitestReport, { force: true })
  const ok = run(bin('vitest'), [
    'run',
    '--reporter=default',
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
      console.log(`--- vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests ?? 0} skipped${brokenFiles.length > 0 ? `, ${brokenFiles.length} test file(s) broken` : ''}`)
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
  if (files.length === 0) console.log('\n(no examples/*.ts to run)')
  return files.every((file) => step(`example ${file}`, [[bin('tsx'), [join('examples', file)]]]))
}

const docs = () => {
  if (!existsSync(join(root, 'typedoc.json'))) {
    console.log('\n(no typedoc.json: docs step skipped)')
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
  ['unit', unitTests],
  ['build', () => step('build (tsup)', [[bin('tsup'), []]])],
  ['lint', () =>
    step('package lint (publint --strict, attw)', [
      [bin('publint'), ['--strict']],
      // node16 profile: the package does not target node10 resolution (no typesVersions
      // for subpaths). cjs-resolves-to-esm: `orgintel/node` (worker threads, files, the
      // CLI) is ESM-only by choice; the browser-safe entries ship CJS too, and the smoke
      // test proves `require` of each of them from a packed tarball.
      [bin('attw'), ['--pack', '.', '--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm']],
    ])],
  ['smoke', () => step('smoke test (packed tarball, plain node)', [[process.execPath, ['scripts/smoke.mjs']]])],
  ['size', () => step('browser bundle size', [[process.execPath, ['scripts/size.mjs']]])],
  ['docs', docs],
  ['examples', examples],
]

for (const [key, next] of steps) {
  if (skipped.has(key)) {
    console.log(`\n=== ${key}: SKIPPED (--skip) ===`)
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
