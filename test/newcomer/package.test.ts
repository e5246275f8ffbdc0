/**
 * A newcomer's first hour, as a test: a fresh clone packs (the build runs on `prepack`),
 * the tarball installs in an empty ESM project, and the README's quick start and every
 * code sample of the guides run there exactly as written, and type-check under strict
 * TypeScript against the package's own types. Packing and installing are shared with
 * the smoke test (scripts/pack-install.mjs). The clone's own set-up (`npm ci`) is
 * replaced by linking this checkout's node_modules: everything after it runs as written.
 * The fresh clone's tarball is made once per content of the clone (`packFreshClone`):
 * `npm test` makes it in its build step, and this suite finds it; run alone after a
 * change, the suite packs (and so builds) itself.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanCopy, installTarball, packFreshClone } from '../../scripts/pack-install.mjs'
import { commandLines, fencedBlocks, guideSnippets, sectionOf, type Snippet } from './snippets.js'

const root = join(import.meta.dirname, '..', '..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  readonly peerDependencies?: Record<string, string>
  readonly devDependencies?: Record<string, string>
}
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
const installLine = 'npm install orgintel fp-ts io-ts'

interface Run {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Run a command to its end without blocking the test process (snippets run side by side). */
const runAsync = (command: string, args: ReadonlyArray<string>, cwd: string): Promise<Run> =>
  new Promise((done) => {
    const child = spawn(command, [...args], { cwd, env: { ...process.env, NO_COLOR: '1' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('close', (status) => done({ status, stdout, stderr }))
  })

/**
 * Turn TypeScript files of the consumer into JavaScript beside them (`x.ts` → `x.mjs`),
 * as `tsx` does when a user runs one, but in one step for all of them: starting `tsx`
 * once per sample costs more than running the samples.
 */
const transpile = async (cwd: string, names: ReadonlyArray<string>): Promise<void> => {
  await build({ entryPoints: names.map((name) => join(cwd, name)), outdir: cwd, outExtension: { '.js': '.mjs' }, format: 'esm', platform: 'node', target: 'node20', bundle: false, logLevel: 'silent' })
}

/** A shell line as a user types it, in `cwd`. */
const shell = (line: string, cwd: string): Run => {
  const result = spawnSync('sh', ['-c', line], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Source files whose doc comments include example regions (the API pages show them). */
const sourcesWithExamples = (): ReadonlyArray<string> =>
  (readdirSync(join(root, 'src'), { recursive: true }) as string[])
    .filter((path) => path.endsWith('.ts') && readFileSync(join(root, 'src', path), 'utf8').includes('{@includeCode'))
    .sort()
    .map((path) => join(root, 'src', path))

/** Each snippet of the guides and the API pages once (several pages show the same one), in page order. */
const allSnippets = (): ReadonlyArray<Snippet> => {
  const pages = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(root, 'docs', name))
  const seen = new Set<string>()
  return [...pages, ...sourcesWithExamples()]
    .flatMap((page) => guideSnippets(page))
    .filter((snippet) => !seen.has(snippet.text) && seen.add(snippet.text) !== undefined)
}

let folder: string
let clone: string
let consumer: string
let packed: ReturnType<typeof packFreshClone>

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'orgintel-newcomer-'))
  clone = join(folder, 'clone')
  consumer = join(folder, 'consumer')
  cleanCopy(root, clone)
  packed = packFreshClone(root)
  const install = installTarball(consumer, packed.tarball, manifest, { quiet: true })
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`)
}, 240_000)

afterAll(() => {
  if (folder !== undefined && process.env['NEWCOMER_KEEP'] !== '1') rmSync(folder, { recursive: true, force: true })
})

describe('a fresh clone', () => {
  it('packs the build and the example models, with no earlier build (prepack)', () => {
    expect(packed.distBeforePacking).toBe(false)
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/cli.js', 'dist/node/index.js', 'dist/io/index.js']) {
      expect(packed.files, file).toContain(file)
    }
    expect(packed.files.filter((file) => file.startsWith('examples/models/')).length).toBeGreaterThanOrEqual(4)
    expect(packed.files).toContain('examples/data/fhir-community-bundle.json')
  })

  it('README quick start: exactly two set-up commands, and the demo runs', () => {
    const blocks = fencedBlocks(sectionOf(readme, '## Quick start')).filter((block) => block.language === 'sh')
    expect(blocks.map(commandLines)).toEqual([['npm ci && npm run demo   # validate and diagnose the bundled Ward 7 example model', expect.stringMatching(/^npm test\s/)]])
    // `npm ci` is this checkout's node_modules, linked; `npm test` is the whole suite this test belongs to.
    const demo = shell('npm run demo', clone)
    expect(demo.stderr).not.toMatch(/\n\s+at /)
    expect(demo.stdout).toContain('Diagnosis of ward-7-you-said-we-did')
  })
})

describe('after npm install of the tarball, in an empty ESM project', () => {
  it('the README runs as written: the commands, then the code', async () => {
    const section = sectionOf(readme, '## Use it')
    const [commands, code] = [fencedBlocks(section).filter((block) => block.language === 'sh'), fencedBlocks(section).filter((block) => block.language === 'ts')]
    expect(commands).toHaveLength(1)
    expect(code).toHaveLength(1)
    const lines = commandLines(commands[0]!)
    expect(lines[0]).toBe(installLine) // done above, with the tarball in place of the registry's copy
    for (const line of lines.slice(1)) {
      const result = shell(line, consumer)
      // `diagnose` exits 1 when the model has errors, as Ward 7 does: it ran and reported them.
      expect([0, 1], `${line}\n${result.stderr}`).toContain(result.status)
      expect(result.stderr, line).not.toMatch(/\n\s+at /)
    }
    expect(readFileSync(join(consumer, 'ward.json'), 'utf8')).toContain('"orgintel/v2"')
    writeFileSync(join(consumer, 'readme.ts'), code[0]!.text)
    await transpile(consumer, ['readme.ts'])
    const result = await runAsync(process.execPath, ['readme.mjs'], consumer)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^Diagnosis of ward-7-you-said-we-did/)
  })

  it('the quick start guide sets the project up for the samples as written', () => {
    const install = fencedBlocks(sectionOf(readFileSync(join(root, 'docs', 'quick-start.md'), 'utf8'), '## 1. Install')).filter((block) => block.language === 'sh')
    expect(install).toHaveLength(1)
    const lines = commandLines(install[0]!)
    expect(lines[0]).toBe(installLine)
    for (const line of lines.slice(1)) expect(shell(line, consumer).status, line).toBe(0)
    expect(existsSync(join(consumer, 'examples', 'models', 'ward-you-said-we-did.json'))).toBe(true)
  })

  it('every code sample of the guides and the API pages runs when pasted into an empty file', async () => {
    const snippets = allSnippets()
    expect(snippets.length).toBeGreaterThan(20)
    snippets.forEach((snippet, index) => writeFileSync(join(consumer, `sample-${index}.ts`), snippet.text))
    await transpile(consumer, snippets.map((_, index) => `sample-${index}.ts`))
    const failures: string[] = []
    // Two at a time: the samples are small, the machine may be shared.
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < snippets.length) {
        const index = next++
        const result = await runAsync(process.execPath, [`sample-${index}.mjs`], consumer)
        if (result.status !== 0) failures.push(`${snippets[index]!.source} (sample-${index}.ts) exited ${result.status}:\n${result.stderr.slice(0, 1500)}`)
        else if (result.stdout.trim() === '') failures.push(`${snippets[index]!.source} printed nothing`)
      }
    }
    await Promise.all([worker(), worker()])
    expect(failures).toEqual([])
  }, 180_000)

  it('every sample and the README code type-check under strict TypeScript against the packed types', () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: true,
          typeRoots: [join(root, 'node_modules', '@types')],
          types: ['node'],
        },
        include: ['*.ts'],
      }),
    )
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' })
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  }, 120_000)
})
