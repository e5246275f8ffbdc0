/** Build the docs site for the browser test when it is missing or older than its sources. */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Newest modification time (ms) of any file under the given paths. */
const newestTime = (paths: ReadonlyArray<string>): number => {
  let newest = 0
  const stack = [...paths]
  while (stack.length > 0) {
    const path = stack.pop()!
    if (!existsSync(path)) continue
    const stats = statSync(path)
    if (stats.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules') stack.push(join(path, name))
    } else {
      newest = Math.max(newest, stats.mtimeMs)
    }
  }
  return newest
}

/**
 * Make sure `docs-site/` is current: rebuild (diagrams, then typedoc) when its index is
 * missing or older than anything in src/, docs/, examples/, scripts/docs-*, typedoc.json
 * or README.md. `DOCS_SKIP_ERROR_CHECKING=1` passes `--skipErrorChecking` to typedoc
 * (for local runs while other code is mid-edit; never in CI).
 */
export const ensureSiteBuilt = (root: string): { rebuilt: boolean } => {
  const index = join(root, 'docs-site', 'index.html')
  const sources = ['src', 'docs', 'examples', 'typedoc.json', 'README.md', 'scripts'].map((path) => join(root, path))
  if (existsSync(index) && statSync(index).mtimeMs >= newestTime(sources)) return { rebuilt: false }
  const extra = process.env['DOCS_SKIP_ERROR_CHECKING'] === '1' ? ['--skipErrorChecking'] : []
  const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'docs-build.ts'), ...extra], {
    cwd: root,
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    throw new Error(`Building the docs site failed (status ${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
  return { rebuilt: true }
}
