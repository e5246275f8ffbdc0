import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { chmodSync, closeSync, copyFileSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFailure } from '../../src/cli/files.js'
import { planOutput, temporaryPathFor } from '../../src/cli/output-target.js'
import { lines, root, runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
let children: ChildProcess[] = []
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => {
  for (const child of children) child.kill('SIGKILL')
  children = []
  folder.remove()
})

const isRoot = process.getuid?.() === 0

/**
 * A character device to write to: a private copy of /dev/null where the superuser may
 * make one (so a bug cannot replace the real one), else /dev/null itself.
 */
const characterDevice = (): string => {
  const path = folder.file('null')
  return isRoot && spawnSync('mknod', [path, 'c', '1', '3']).status === 0 ? path : '/dev/null'
}

describe('-o onto what is already there', () => {
  it('writes straight to a character device, never replacing it with a file', async () => {
    const device = characterDevice()
    const result = await runInProcess(['schema', '-o', device])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(lstatSync(device).isCharacterDevice()).toBe(true)
    expect(folder.names().filter((name) => name.startsWith('.orgintel-'))).toEqual([])
  })

  it('writes into a FIFO for the reader at the other end, and it stays a FIFO', async () => {
    const fifo = folder.file('pipe.json')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] })
    children.push(reader)
    let received = ''
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')))
    const closed = new Promise((resolve) => reader.on('close', resolve))
    const result = await runInProcess(['schema', '-o', fifo])
    expect(result.code).toBe(0)
    await closed
    expect(JSON.parse(received)).toHaveProperty('$schema')
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })

  it('replaces the file a link points at, keeping the link', async () => {
    mkdirSync(folder.file('real'))
    writeFileSync(folder.file('real/schema.json'), 'old\n')
    symlinkSync(folder.file('real/schema.json'), folder.file('link.json'))
    expect((await runInProcess(['schema', '-o', folder.file('link.json')])).code).toBe(0)
    expect(lstatSync(folder.file('link.json')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(folder.file('link.json'))).toBe(folder.file('real/schema.json'))
    expect(JSON.parse(readFileSync(folder.file('real/schema.json'), 'utf8'))).toHaveProperty('$schema')
    expect(folder.names()).toEqual(['link.json', 'real'])
  })

  it('writes through a link to a device, which stays a device', async () => {
    const device = characterDevice()
    symlinkSync(device, folder.file('quiet.json'))
    expect((await runInProcess(['schema', '-o', folder.file('quiet.json')])).code).toBe(0)
    expect(lstatSync(folder.file('quiet.json')).isSymbolicLink()).toBe(true)
    expect(statSync(device).isCharacterDevice()).toBe(true)
  })

  it('creates the file a dangling link points at, atomically', async () => {
    symlinkSync(folder.file('made.json'), folder.file('link.json'))
    expect((await runInProcess(['schema', '-o', folder.file('link.json')])).code).toBe(0)
    expect(lstatSync(folder.file('link.json')).isSymbolicLink()).toBe(true)
    expect(JSON.parse(readFileSync(folder.file('made.json'), 'utf8'))).toHaveProperty('$schema')
  })

  it('plans standard output for -, /dev/stdout and its aliases, and refuses a folder', () => {
    for (const path of ['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']) expect(planOutput(path)).toEqual({ kind: 'standard-output' })
    expect(() => planOutput(folder.path)).toThrow(`cannot write ${folder.path}: is a folder, not a file`)
  })
})

describe('modes of written files', () => {
  it('keeps the mode of a file it overwrites', async () => {
    const out = folder.file('private.json')
    writeFileSync(out, 'old\n')
    chmodSync(out, 0o600)
    expect((await runInProcess(['schema', '-o', out])).code).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    chmodSync(out, 0o640)
    expect((await runInProcess(['diagnose', wardModel, '--fail-on', 'never', '-o', out])).code).toBe(0)
    expect(statSync(out).mode & 0o777).toBe(0o640)
  })

  it('gives a new file the mode the umask allows', async () => {
    const previous = process.umask(0o002)
    try {
      expect((await runInProcess(['schema', '-o', folder.file('shared.json')])).code).toBe(0)
      expect((await runInProcess(['sweep', writeSpec(), '--out', folder.file('rows.csv'), '--workers', '0'])).code).toBe(0)
    } finally {
      process.umask(previous)
    }
    expect(statSync(folder.file('shared.json')).mode & 0o777).toBe(0o664)
    expect(statSync(folder.file('rows.csv')).mode & 0o777).toBe(0o664)
    expect(statSync(folder.file('rows.csv.manifest.json')).mode & 0o777).toBe(0o664)
  })
})

const writeSpec = (): string => {
  writeFileSync(folder.file('spec.json'), JSON.stringify({ seed: 1, days: 5, modelPath: wardModel, replications: 2, metrics: ['closureRate'] }))
  return folder.file('spec.json')
}

describe('long names and paths', () => {
  it('writes a valid 234-byte file name, and the rows and manifest of a sweep under one', async () => {
    const name = `${'r'.repeat(230)}.csv`
    expect((await runInProcess(['schema', '-o', folder.file(`${name}.json`.slice(-234))])).code).toBe(0)
    const sweep = await runInProcess(['sweep', writeSpec(), '--out', folder.file(name), '--workers', '0'])
    expect(sweep.code).toBe(0)
    expect(folder.names()).toEqual([`${name}.json`.slice(-234), name, `${name}.manifest.json`, 'spec.json'].sort())
  })

  it('keeps temporary names within 255 bytes, cutting the name from the front', () => {
    const name = `${'é'.repeat(120)}.csv`
    const temporary = temporaryPathFor(folder.file(name), 14)
    const base = temporary.slice(folder.path.length + 1)
    expect(Buffer.byteLength(base)).toBeLessThanOrEqual(255 - 14)
    expect(base).toMatch(/^\.orgintel-[0-9a-f]{12}\.tmp\.é+\.csv$/)
  })

  it('cuts a very long path in a message, keeping its start and end', async () => {
    const long = folder.file(`${'deep/'.repeat(20_000)}out.json`)
    const result = await runInProcess(['schema', '-o', long])
    expect(result.code).toBe(2)
    const [line] = lines(result.stderr)
    expect(line!.length).toBeLessThan(300)
    expect(line).toMatch(/^orgintel schema: cannot write \/tmp\/[^…]+…[a-z/]+\/deep\/out\.json: the name is too long$/)
  })
})

describe('output that is also an input', () => {
  it('refuses to overwrite an input unless --force is given', async () => {
    const model = folder.file('model.json')
    copyFileSync(wardModel, model)
    const before = readFileSync(model, 'utf8')
    for (const argv of [
      ['render', model, '--to', 'dot', '-o', model],
      ['diagnose', model, '-o', model],
      // Refused before it says what the repairs changed, which it would not have written.
      ['diagnose', model, '--apply-repairs', '-o', model],
      ['simulate', model, '--days', '2', '--seed', '1', '-o', model],
    ]) {
      const result = await runInProcess(argv)
      expect(result.code).toBe(2)
      expect(lines(result.stderr)).toEqual([`orgintel ${argv[0]}: refusing to write ${model}: it is also an input of this command (give --force to overwrite it)`])
      expect(readFileSync(model, 'utf8')).toBe(before)
    }
    symlinkSync(model, folder.file('alias.json'))
    expect((await runInProcess(['render', folder.file('alias.json'), '--to', 'dot', '-o', model])).code).toBe(2)
    expect((await runInProcess(['render', model, '--to', 'dot', '-o', model, '--force'])).code).toBe(0)
    expect(readFileSync(model, 'utf8')).toMatch(/^digraph /)
  })
})

describe('input size', () => {
  it('stops reading an endless device at the default limit of 256 MiB, with a clear message', async () => {
    const result = await runInProcess(['validate', '/dev/zero'])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([
      'orgintel validate: cannot read /dev/zero: it is larger than the input limit of 268,435,456 bytes (raise it with --max-input-bytes)',
    ])
  })

  it('applies --max-input-bytes to files and to an endless standard input', async () => {
    writeFileSync(folder.file('model.json'), readFileSync(wardModel))
    const small = await runInProcess(['validate', folder.file('model.json'), '--max-input-bytes', '100'])
    expect(small.code).toBe(2)
    expect(small.stderr).toContain('larger than the input limit of 100 bytes')
    expect((await runInProcess(['validate', folder.file('model.json'), '--max-input-bytes', '1000000'])).code).toBe(0)
    const zero = openSync('/dev/zero', 'r')
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', `${root}/src/cli/bin.ts`, 'validate', '-', '--max-input-bytes', '65536'], {
        cwd: root,
        stdio: [zero, 'pipe', 'pipe'],
        encoding: 'utf8',
      })
      expect(child.status).toBe(2)
      expect(child.stderr).toBe('orgintel validate: cannot read standard input: it is larger than the input limit of 65,536 bytes (raise it with --max-input-bytes)\n')
    } finally {
      closeSync(zero)
    }
  })

  it('says so plainly when a file is too large to hold as text', () => {
    expect(readFailure('big.json', { code: 'ERR_STRING_TOO_LONG' }).message).toBe(
      'cannot read big.json: too large to hold as text (Node.js holds at most about 512 MB of text in one piece)',
    )
  })

  it.each([['0'], ['lots'], [String(2 ** 40)]])('refuses --max-input-bytes %s', async (value) => {
    const result = await runInProcess(['validate', wardModel, '--max-input-bytes', value])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^orgintel validate: --max-input-bytes must be/)
  })
})
