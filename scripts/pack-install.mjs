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
 * - `packFreshClone(root)`: the tarball a fresh clone packs to, built once per content
 *   of the clone (see there); `node scripts/pack-install.mjs build` makes it and puts
 *   its `dist/` in `root`, which is how `npm test` builds.
 */
import { createHash } from 'node:crypto'
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The files a fresh clone of `root` holds: what git tracks, plus new files it does not ignore. */
const cloneFiles = (root) => {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  return [...new Set(listed.split('\0'))].filter((path) => path !== '' && path !== 'node_modules' && !path.startsWith('node_modules/')).sort()
}

/** Copy what a fresh clone of `root` would hold into `folder`, and link `root`'s node_modules. */
export const cleanCopy = (root, folder) => {
  const files = cloneFiles(root)
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

/**
 * A SHA-256 of what a fresh clone of `root` holds (every path and its bytes, the
 * lockfile among them) and of the Node version: two clones with the same hash build
 * the same package.
 */
const cloneHash = (root) => {
  const hash = createHash('sha256').update(`${process.version}\0`)
  for (const path of cloneFiles(root)) {
    let bytes
    try {
      bytes = readFileSync(join(root, path))
    } catch (error) {
      if (error.code === 'ENOENT') continue // deleted in the working tree, so not in a clone of it (as in cleanCopy)
      throw error
    }
    hash.update(`${path}\0${bytes.length}\0`).update(bytes)
  }
  return hash.digest('hex')
}

/**
 * The tarball that `npm pack` makes in a fresh clone of `root` (so `prepack` builds,
 * with no `dist/` before it): `{ tarball, filename, files, size, distBeforePacking,
 * reused }`. Kept in `root/.tmp/fresh-pack/<hash>` under a hash of the clone's
 * content (`cloneHash`), so the build, the slow part (about 45 s on a loaded 2-core
 * machine), runs once per content: `npm test` packs before its unit tests, and the
 * newcomer suite among them finds the same tarball. Any change to a file of the clone
 * (source, build config, lockfile) makes a new hash and a new pack. Written under a
 * temporary name and renamed, so a run that stops half-way leaves nothing to reuse.
 */
export const packFreshClone = (root) => {
  const cache = join(root, '.tmp', 'fresh-pack')
  const hash = cloneHash(root)
  const entry = join(cache, hash)
  const record = join(entry, 'pack.json')
  if (existsSync(record)) {
    const packed = JSON.parse(readFileSync(record, 'utf8'))
    const tarball = join(entry, packed.filename)
    if (existsSync(tarball)) return { ...packed, tarball, reused: true }
  }
  const work = join(cache, `${hash}.partial-${process.pid}`)
  rmSync(work, { recursive: true, force: true })
  const clone = join(work, 'clone')
  cleanCopy(root, clone)
  const distBeforePacking = existsSync(join(clone, 'dist'))
  const { tarball: _made, ...packed } = packPackage(clone, work)
  rmSync(clone, { recursive: true, force: true })
  writeFileSync(join(work, 'pack.json'), JSON.stringify({ ...packed, distBeforePacking }))
  // Keep only this content's pack: older ones are never asked for again.
  for (const name of existsSync(cache) ? readdirSync(cache) : []) {
    if (name !== hash && !name.includes('.partial-')) rmSync(join(cache, name), { recursive: true, force: true })
  }
  rmSync(entry, { recursive: true, force: true })
  renameSync(work, entry)
  return { ...packed, distBeforePacking, tarball: join(entry, packed.filename), reused: false }
}

/** Replace `root/dist` with the `dist/` of a packed tarball. */
const unpackDist = (tarball, root) => {
  const folder = join(root, '.tmp', `unpack-${process.pid}`)
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  execFileSync('tar', ['-xzf', tarball, '-C', folder, 'package/dist'])
  rmSync(join(root, 'dist'), { recursive: true, force: true })
  renameSync(join(folder, 'package', 'dist'), join(root, 'dist'))
  rmSync(folder, { recursive: true, force: true })
}

// `node scripts/pack-install.mjs build`: npm test's build, once for the fresh-clone
// pack and the checks that use `dist/` (package lint, smoke test, size, docs).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  if (process.argv[2] !== 'build') {
    console.error('usage: node scripts/pack-install.mjs build')
    process.exit(2)
  }
  const packed = packFreshClone(root)
  unpackDist(packed.tarball, root)
  console.log(`${packed.reused ? 'reused' : 'packed'} ${packed.filename} from a fresh clone (${packed.files.length} files); its dist/ is in place`)
}
