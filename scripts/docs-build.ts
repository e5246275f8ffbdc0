/**
 * Build the documentation site: render the diagrams and plots to static SVG
 * (`docs-diagrams.ts`), then run typedoc (`typedoc.json`) into `docs-site/`.
 * Extra arguments go to typedoc, e.g. `tsx scripts/docs-build.ts --skipErrorChecking`.
 * Exits with typedoc's status, so a broken link or an undocumented export fails it, and
 * then fails on any link of the built site that resolves outside it (`docs-links.ts`).
 */
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderDiagrams } from './docs-diagrams.js'
import { findOutsideLinks } from './docs-links.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const changed = await renderDiagrams(false)
process.stdout.write(`docs: ${changed.length} diagram(s) re-rendered\n`)

const typedoc = spawnSync(process.execPath, [join(root, 'node_modules', 'typedoc', 'bin', 'typedoc'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})
if (typedoc.status !== 0) process.exit(typedoc.status ?? 1)

const outside = findOutsideLinks(join(root, 'docs-site'))
for (const problem of outside) process.stderr.write(`docs: ${problem.page}: link ${problem.link} ${problem.reason}\n`)
if (outside.length > 0) {
  process.stderr.write(`docs: ${outside.length} link(s) resolve outside the site\n`)
  process.exit(1)
}
