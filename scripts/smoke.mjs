#!/usr/bin/env node
/**
 * Smoke test of the package as a user gets it: `npm pack`, install the tarball in a
 * throwaway consumer project, then import it from plain Node, ESM and (where shipped)
 * CJS, through every entry of the `exports` map, and decode the example models.
 * This is the only check that catches imports that work under a bundler or vitest but
 * not under Node (`fp-ts/Either` → ERR_UNSUPPORTED_DIR_IMPORT).
 *
 * Also checks what the tarball holds (no tests, fixtures, .tmp) and that neither the
 * package nor anything it installs runs install scripts.
 *
 * `npm pack` builds first (`prepack`); `npm test` builds once and packs with scripts off.
 * Set SMOKE_KEEP=1 to keep the consumer folder. Packing and installing are shared with
 * the newcomer suite (`scripts/pack-install.mjs`).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { installTarball, packPackage } from './pack-install.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const problems = []
const fail = (message) => problems.push(message)
const installScripts = ['preinstall', 'install', 'postinstall']

// 1. Pack.
const packFolder = join(root, '.tmp', 'pack')
rmSync(packFolder, { recursive: true, force: true })
const packed = packPackage(root, packFolder)
const { tarball, files } = packed
console.log(`smoke: packed ${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} kB`)

// 2. What the tarball holds.
const forbidden = [
  [/^(test|tests|__tests__)\//, 'tests'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/, 'a test file'],
  [/(^|\/)fixtures?\//, 'fixtures (may hold personal data)'],
  [/^\.tmp\//, '.tmp'],
  [/^(coverage|bench|docs-site|\.ci|scripts|node_modules)\//, 'a development folder'],
  [/(^|\/)\.env(\.|$)/, 'an environment file'],
  [/\.(tgz|log)$/, 'a tarball or log'],
]
for (const file of files) {
  for (const [pattern, what] of forbidden) if (pattern.test(file)) fail(`tarball holds ${what}: ${file}`)
}
const targetsOf = (value) =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targetsOf) : []
const exportsMap = manifest.exports ?? { '.': manifest.main }
for (const target of targetsOf(exportsMap)) {
  const path = target.replace(/^\.\//, '')
  if (!path.includes('*') && !files.includes(path)) fail(`exports map names ${target}, which is not in the tarball`)
}
for (const name of installScripts) {
  if (manifest.scripts?.[name] !== undefined) fail(`package.json has an install script: scripts.${name}`)
}
// What a user needs after installing: the build and the example models the docs use.
for (const needed of ['dist/index.js', 'dist/cli.js', 'examples/models/ward-you-said-we-did.json']) {
  if (!files.includes(needed)) fail(`tarball lacks ${needed}`)
}

// 3. A consumer project, installed the way a user would (cache first, no audit).
const consumer = mkdtempSync(join(tmpdir(), 'orgintel-smoke-'))
const install = installTarball(consumer, tarball, manifest)
if (install.status !== 0) {
  console.error(`smoke: npm install failed in ${consumer}`)
  process.exit(1)
}

// Nothing installed may run an install script (npm would have run it already; this
// says which package it was).
const installed = join(consumer, 'node_modules')
const packageFolders = (folder) =>
  readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .flatMap((entry) => (entry.name.startsWith('@') ? packageFolders(join(folder, entry.name)) : [join(folder, entry.name)]))
const installedPackages = packageFolders(installed)
// The whole runtime tree a user gets (README.md explains each direct dependency; a
// test checks the table against package.json).
console.log(`smoke: the consumer installs ${installedPackages.length} packages: ${installedPackages.map((folder) => relative(installed, folder)).sort().join(', ')}`)
for (const folder of installedPackages) {
  const file = join(folder, 'package.json')
  if (!existsSync(file)) continue
  const scripts = JSON.parse(readFileSync(file, 'utf8')).scripts ?? {}
  for (const name of installScripts) if (scripts[name] !== undefined) fail(`installed package ${basename(folder)} has scripts.${name}`)
  if (existsSync(join(folder, 'binding.gyp'))) fail(`installed package ${basename(folder)} builds native code (binding.gyp)`)
}

// 4. Import every entry from plain Node, ESM and CJS.
const modelsFolder = join(root, 'examples', 'models')
const models = existsSync(modelsFolder) ? readdirSync(modelsFolder).filter((name) => name.endsWith('.json')).sort() : []
if (models.length === 0) fail('no example models in examples/models to decode')
mkdirSync(join(consumer, 'models'))
for (const model of models) cpSync(join(modelsFolder, model), join(consumer, 'models', model))

const entries = Object.entries(typeof exportsMap === 'string' ? { '.': exportsMap } : exportsMap)
  .filter(([key]) => key !== './package.json' && !key.includes('*') && !key.endsWith('.json'))
  .map(([key, value]) => {
    const conditions = typeof value === 'string' ? ['default'] : Object.keys(value)
    return {
      specifier: key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`,
      esm: conditions.some((c) => c === 'import' || c === 'default' || c === 'node'),
      cjs: conditions.includes('require'),
    }
  })

// The same checks in both module systems: `loader` is `import()` or `require`.
const checks = (loader) => `
const load = ${loader}
const main = async () => {
  const { readFileSync } = await load('node:fs')
  const root = await load(${JSON.stringify(manifest.name)})
  const E = await load('fp-ts/lib/Either.js')
  for (const name of ['decodeModel', 'parseModel', 'formatModelErrors', 'ModelCodec', 'compileGraph']) {
    if (root[name] === undefined) throw new Error('root entry lacks ' + name)
  }
  for (const file of ${JSON.stringify(models)}) {
    const result = root.parseModel(readFileSync('./models/' + file, 'utf8'))
    if (!E.isRight(result)) throw new Error(file + ' does not decode:\\n' + root.formatModelErrors(result.left))
    const model = result.right
    const graph = root.compileGraph(model)
    console.log('  ' + file + ': ' + model.actors.length + ' actors, ' + model.channels.length + ' channels, ' + graph.edgeCount + ' active edges')
  }
  const bad = root.decodeModel({ schema: 'orgintel/v2', id: 'x', name: 'x', actors: 'none', assets: [], channels: [] })
  if (!E.isLeft(bad) || bad.left[0].path !== '/actors') throw new Error('a bad document was not reported at /actors')
  for (const specifier of SPECIFIERS) {
    const entry = await load(specifier)
    const names = Object.keys(entry)
    if (names.length === 0) throw new Error(specifier + ' exports nothing')
    console.log('  ' + specifier + ': ' + names.length + ' exports')
  }
}
main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
`
const esmEntries = entries.filter((entry) => entry.esm)
const cjsEntries = entries.filter((entry) => entry.cjs)
const withSpecifiers = (text, list) => text.replace('SPECIFIERS', JSON.stringify(list.map((entry) => entry.specifier)))
writeFileSync(join(consumer, 'check.mjs'), withSpecifiers(checks('(specifier) => import(specifier)'), esmEntries))
if (cjsEntries.length > 0) writeFileSync(join(consumer, 'check.cjs'), withSpecifiers(checks('async (specifier) => require(specifier)'), cjsEntries))

const runNode = (file, label) => {
  console.log(`smoke: ${label}`)
  const result = spawnSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] })
  if (result.status !== 0) fail(`${label} failed (exit ${result.status})`)
}
if (esmEntries.length > 0) runNode('check.mjs', `ESM import of ${esmEntries.map((e) => e.specifier).join(', ')}`)
if (cjsEntries.length > 0) runNode('check.cjs', `CJS require of ${cjsEntries.map((e) => e.specifier).join(', ')}`)

// 5. The command-line tool, when the package ships one.
const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : manifest.bin ?? {}
for (const name of Object.keys(bins)) {
  const first = models[0]
  const result = spawnSync(join(installed, '.bin', name), ['validate', join('models', first)], { cwd: consumer, encoding: 'utf8' })
  if (result.status !== 0) {
    fail(`\`${name} validate models/${first}\` ${result.error ? `could not start: ${result.error.message}` : `exited ${result.status}: ${result.stderr.slice(0, 500)}`}`)
  }
  else console.log(`smoke: \`${name} validate models/${first}\` exited 0`)
}

if (process.env.SMOKE_KEEP === '1') console.log(`smoke: consumer kept in ${consumer}`)
else rmSync(consumer, { recursive: true, force: true })
if (problems.length > 0) {
  console.error(`smoke: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
console.log('smoke: ok')
