/**
 * The files of one command-line fuzz case (scripts/fuzz-cli.mjs): making output and
 * input paths of every kind (regular file with a random mode, folder, character device,
 * FIFO, link to a file, link to a device, dangling link), a snapshot of a folder, and
 * what a case did to its folder that it must not (a file gone, changed in kind, mode
 * or target, written by a run that did not finish or not its output, a temporary file
 * left, a new file without the umask's mode, an output cut short).
 */
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const isRoot = process.getuid?.() === 0

const kindOf = (stats) =>
  stats.isSymbolicLink() ? 'link' : stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : stats.isFIFO() ? 'fifo' : stats.isCharacterDevice() ? 'device' : 'other'

/** Every entry of a folder: kind, mode, link target and (for files) a hash of the bytes. */
export const snapshot = (folder) =>
  new Map(
    readdirSync(folder).map((name) => {
      const path = join(folder, name)
      const stats = lstatSync(path)
      const kind = kindOf(stats)
      const hash = kind === 'file' ? createHash('sha256').update(readFileSync(path)).digest('hex') : undefined
      return [name, { kind, mode: stats.mode & 0o7777, target: kind === 'link' ? readlinkSync(path) : undefined, hash }]
    }),
  )

/** Make an output (or input) path of `kind` in `folder`; returns its name. */
export const makePath = (folder, kind, pick, name) => {
  const path = join(folder, name)
  switch (kind) {
    case 'file':
      writeFileSync(path, 'previous contents\n')
      chmodSync(path, pick([0o600, 0o640, 0o644, 0o664, 0o400]))
      break
    case 'folder':
      mkdirSync(path)
      break
    case 'device':
      if (isRoot) spawnSync('mknod', [path, 'c', '1', '3'])
      else symlinkSync('/dev/null', path)
      break
    case 'fifo':
      spawnSync('mkfifo', [path])
      break
    case 'link-to-file':
      writeFileSync(join(folder, `real-${name}`), 'linked contents\n')
      symlinkSync(join(folder, `real-${name}`), path)
      break
    case 'link-to-device':
      symlinkSync(isRoot ? makeDevice(folder, `dev-${name}`) : '/dev/null', path)
      break
    case 'dangling-link':
      symlinkSync(join(folder, `made-${name}`), path)
      break
  }
  return name
}

const makeDevice = (folder, name) => {
  spawnSync('mknod', [join(folder, name), 'c', '1', '3'])
  return join(folder, name)
}

/**
 * What a case did to `folder` that it must not, from its snapshot `before`: `out` is
 * the output's name, `rows` whether it is a rows file with a manifest, `finished`
 * whether the run exited 0 or 1, `describe` the case in words.
 */
export const folderProblems = (folder, before, { out, rows, finished, describe }) => {
  const after = snapshot(folder)
  const problems = []
  const outputNames = new Set([out, `real-${out}`, `made-${out}`].flatMap((name) => [name, `${name}.manifest.json`]))
  for (const [name, entry] of before) {
    const now = after.get(name)
    if (now === undefined) problems.push(`${describe}: ${name} disappeared`)
    else if (now.kind !== entry.kind || now.target !== entry.target) problems.push(`${describe}: ${name} was a ${entry.kind}, is now a ${now.kind}`)
    else if (now.mode !== entry.mode) problems.push(`${describe}: ${name} changed mode ${entry.mode.toString(8)} → ${now.mode.toString(8)}`)
    else if (now.hash !== entry.hash && !(outputNames.has(name) && finished)) problems.push(`${describe}: ${name} changed though it is not the output of a finished run`)
  }
  for (const [name, entry] of after) {
    if (before.has(name)) continue
    if (name.startsWith('.orgintel-')) problems.push(`${describe}: a temporary file was left: ${name}`)
    else if (!outputNames.has(name)) problems.push(`${describe}: an unexpected file appeared: ${name}`)
    else if (!finished) problems.push(`${describe}: ${name} was written by a run that did not finish`)
    else if (entry.kind === 'file' && entry.mode !== 0o644) problems.push(`${describe}: new file ${name} has mode ${entry.mode.toString(8)}, not 644 (umask 022)`)
  }
  for (const name of outputNames) {
    const entry = after.get(name)
    if (entry?.kind !== 'file' || entry.hash === before.get(name)?.hash || name.endsWith('.manifest.json')) continue
    const text = readFileSync(join(folder, name), 'utf8')
    const manifestPath = join(folder, `${name}.manifest.json`)
    if (rows && existsSync(manifestPath)) {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
      if (createHash('sha256').update(text).digest('hex') !== manifest.rowsSha256) problems.push(`${describe}: ${name} does not match its manifest's hash`)
    } else if (text.length > 0 && !text.endsWith('\n')) problems.push(`${describe}: ${name} does not end with a line end (partial?)`)
  }
  return problems
}
