/**
 * Package integrity, read from package.json (issue 8; the packed tarball itself is
 * checked by scripts/smoke.mjs): no install scripts, no tests or fixtures in `files`,
 * an exports map with `types` first, and every runtime dependency explained in the README.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

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

  it('ships no tests, fixtures, examples or scratch folders', () => {
    const files = manifest.files ?? []
    expect(files.length).toBeGreaterThan(0)
    expect(files.filter((entry) => !entry.startsWith('!') && /(^|\/)(test|tests|fixtures?|examples|\.tmp|bench|coverage)(\/|$)/.test(entry))).toEqual([])
  })

  it('declares no side effects, so bundlers can drop what is not imported', () => {
    expect(manifest.sideEffects).toBe(false)
  })

  it('lists `types` first in every condition of the exports map', () => {
    const conditions = conditionObjects(manifest.exports, 'exports')
    expect(conditions.length).toBeGreaterThan(0)
    expect(conditions.filter(({ keys }) => keys.includes('types') && keys[0] !== 'types').map(({ path }) => path)).toEqual([])
  })

  it('explains every runtime and peer dependency in the README', () => {
    const readme = existsSync(join(root, 'README.md')) ? readFileSync(join(root, 'README.md'), 'utf8') : ''
    const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
    expect(dependencies.filter((name) => !readme.includes(name))).toEqual([])
  })
})
