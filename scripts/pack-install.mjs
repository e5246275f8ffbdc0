/**
 * Pack the package and install it the way a user would, shared by the smoke test
 * (`scripts/smoke.mjs`) and the newcomer suite (`test/newcomer`). Node built-ins only.
 *
 * - `cleanCopy(root, folder)`: the files of a fresh clone (what git tracks, plus new
 *   files it does not ignore, as they are in the working tree), with `node_modules`
 *   linked from `root`, so `npm pack` there proves that packing needs no earlier build.
 * - `packPackage(folder, destination)`: `npm pack` (which runs `prepack`, the build).
 * - `installTarball(consumer, tarball, manifest)`: an empty ESM project with the
 *   tarball and the peer dependencies installed, cache first, no audit.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Copy what a fresh clone of `root` would hold into `folder`, and link `root`'s node_modules. */
export const cleanCopy = (root, folder) => {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  const files = [...new Set(listed.split('\0'))].filter((path) => path !== '' && path !== 'node_modules' && !path.startsWith('node_modules/'))
  rmSync(folder, { recursive: true, force: true })
  let copied = 0
  for (const path of files) {
    try {
      mkdirSync(dirname(join(folder, path)), { recursive: true })
      cpSync(join(root, path), join(folder, path))
      copied++
    } catch (error) {
      // A file git still tracks but the working tree has deleted is not in a clone of it.
      if (error.code !== 'ENOENT') throw error
    }
  }
  symlinkSync(realpathSync(join(root, 'node_modules')), join(folder, 'node_modules'), 'dir')
  return copied
}

/** `npm pack` in `folder` into `destination`: the tarball's path, file list and size. */
export const packPackage = (folder, destination) => {
  mkdirSync(destination, { recursive: true })
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: folder,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  })
  // prepack's own output comes before the JSON on stdout.
  const packed = JSON.parse(output.slice(output.indexOf('\n[') + 1 || 0))[0]
  return { tarball: join(destination, packed.filename), filename: packed.filename, files: packed.files.map((file) => file.path), size: packed.size }
}

/** The version of a peer dependency to install beside the tarball: the one the project develops against. */
const peerVersion = (manifest, name) => manifest.devDependencies?.[name] ?? manifest.peerDependencies?.[name] ?? 'latest'

/**
 * Make `consumer` an empty ESM project and install the tarball and the peer
 * dependencies into it. Returns npm's exit status and its error output.
 */
export const installTarball = (consumer, tarball, manifest, { quiet = false } = {}) => {
  mkdirSync(consumer, { recursive: true })
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'orgintel-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2))
  const peers = Object.keys(manifest.peerDependencies ?? {}).map((name) => `${name}@${peerVersion(manifest, name)}`)
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...peers], {
    cwd: consumer,
    encoding: 'utf8',
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
  })
  return { status: result.status, stderr: result.stderr ?? '' }
}
