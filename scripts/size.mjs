#!/usr/bin/env node
/**
 * Browser bundle budget. Bundles each browser-safe entry from source with esbuild
 * (minified, for the browser, fp-ts and io-ts external as they are peer dependencies),
 * gzips it and fails when the root entry is over the budget. Bundling for the browser
 * also fails if the core imports a Node built-in, so this doubles as that check.
 *
 * Budget: ORGINTEL_SIZE_BUDGET bytes (default 83,000, i.e. 83 kB min+gz).
 */
import { build } from 'esbuild'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const budget = Number(process.env.ORGINTEL_SIZE_BUDGET ?? 83_000)

// The root entry has the budget; the browser-safe subpath entries are measured too.
const entries = [
  { name: 'orgintel', file: 'src/index.ts', budgeted: true },
  { name: 'orgintel/io', file: 'src/io/index.ts', budgeted: false },
  { name: 'orgintel/fhir', file: 'src/fhir/index.ts', budgeted: false },
  { name: 'orgintel/evidence', file: 'src/evidence/index.ts', budgeted: false },
].filter((entry) => existsSync(join(root, entry.file)))

const kilobytes = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
let failed = false
for (const entry of entries) {
  let code
  try {
    const result = await build({
      entryPoints: [join(root, entry.file)],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      external: ['fp-ts', 'fp-ts/*', 'io-ts', 'io-ts/*'],
    })
    code = result.outputFiles[0].contents
  } catch (error) {
    failed = true
    const messages = error.errors?.map((e) => `${e.location?.file ?? ''}:${e.location?.line ?? ''}: ${e.text}`) ?? [error.message]
    console.error(`size: ${entry.name} does not bundle for the browser:\n  ${messages.join('\n  ')}`)
    continue
  }
  const gzipped = gzipSync(code, { level: 9 }).length
  const over = entry.budgeted && gzipped > budget
  if (over) failed = true
  console.log(
    `size: ${entry.name}: ${kilobytes(code.length)} min, ${kilobytes(gzipped)} min+gz` +
      (entry.budgeted ? ` (budget ${kilobytes(budget)}${over ? ', OVER BUDGET' : ''})` : ''),
  )
}
process.exitCode = failed ? 1 : 0
