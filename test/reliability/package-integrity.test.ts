/**
 * Package integrity, read from package.json (issue 8; the packed tarball itself is
 * checked by scripts/smoke.mjs): no install scripts, no tests or fixtures in `files`,
 * an exports map with `types` first, and every runtime dependency explained in the README.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findImports, listTypeScriptFiles, readSourceFile } from '../architecture/source-scan.js'

const root = join(import.meta.dirname, '..', '..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts?: Record<string, string>
  files?: string[]
  exports?: Record<string, unknown>
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  sideEffects?: unknown
}

/** Every condition object in the exports map, with its path. */
const conditionObjects = (value: unknown, path: string): Array<{ path: string; keys: string[] }> => {
  if (typeof value !== 'object' || value === null) return []
  const keys = Object.keys(value)
  const nested = Object.entries(value).flatMap(([key, inner]) => conditionObjects(inner, `${path}/${key}`))
  return keys.some((key) => !key.startsWith('.')) ? [{ path, keys }, ...nested] : nested
}

describe('package.json', () => {
  it('runs no install scripts', () => {
    const scripts = Object.keys(manifest.scripts ?? {})
    expect(scripts.filter((name) => ['preinstall', 'install', 'postinstall'].includes(name))).toEqual([])
  })

  it('ships no tests, fixtures, example code or scratch folders (only the bundled example models and data)', () => {
    const files = manifest.files ?? []
    expect(files.length).toBeGreaterThan(0)
    const shipped = files.filter((entry) => !entry.startsWith('!') && /(^|\/)(test|tests|fixtures?|examples|\.tmp|bench|coverage)(\/|$)/.test(entry))
    expect(shipped).toEqual(['examples/models/*.json', 'examples/data/*'])
  })

  it('declares no side effects, so bundlers can drop what is not imported', () => {
    expect(manifest.sideEffects).toBe(false)
  })

  it('lists `types` first in every condition of the exports map', () => {
    const conditions = conditionObjects(manifest.exports, 'exports')
    expect(conditions.length).toBeGreaterThan(0)
    expect(conditions.filter(({ keys }) => keys.includes('types') && keys[0] !== 'types').map(({ path }) => path)).toEqual([])
  })

  it('explains every runtime and peer dependency in the README table, with its kind and a reason, and nothing else', () => {
    const rows = readmeDependencyRows()
    expect(rows.length).toBeGreaterThan(0)
    const listed = new Map(rows.flatMap((row) => row.names.map((name) => [name, row] as const)))
    const declared = new Map<string, string>([
      ...Object.keys(manifest.dependencies ?? {}).map((name) => [name, 'dependency'] as const),
      ...Object.keys(manifest.peerDependencies ?? {}).map((name) => [name, 'peer'] as const),
    ])
    expect([...declared].filter(([name, kind]) => listed.get(name)?.kind !== kind).map(([name, kind]) => `${name} (${kind})`)).toEqual([])
    expect([...listed.keys()].filter((name) => !declared.has(name))).toEqual([])
    expect(rows.filter((row) => row.why.length < 20).map((row) => row.names.join(', '))).toEqual([])
  })

  it('imports, from src/, exactly its runtime and peer dependencies', () => {
    const imported = new Set<string>()
    for (const path of listTypeScriptFiles(root, 'src')) {
      for (const { specifier } of findImports(readSourceFile(root, path))) {
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!)
      }
    }
    const runtime = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).sort()
    expect([...imported].sort()).toEqual(runtime)
  })
})

/** The rows of the README's "Runtime dependencies" table: package names (in backticks), kind, reason. */
const readmeDependencyRows = (): Array<{ names: string[]; kind: string; why: string }> => {
  const readme = existsSync(join(root, 'README.md')) ? readFileSync(join(root, 'README.md'), 'utf8') : ''
  const start = readme.search(/^## Runtime dependencies/m)
  if (start === -1) return []
  const section = readme.slice(start).split(/\n(?=## )/)[0]!
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(package|-+)\s*\|/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
    .map(([names = '', kind = '', why = '']) => ({ names: [...names.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), kind, why }))
}
