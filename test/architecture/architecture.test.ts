import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkRecursion } from './recursion.js'
import {
  checkCorePurity,
  checkFileLength,
  checkImportSpecifiers,
  checkLayers,
  checkNoExportStar,
} from './rules.js'
import { type SourceFile, formatFinding, listTypeScriptFiles, readSourceFile } from './source-scan.js'

const root = join(import.meta.dirname, '..', '..')
const sources: ReadonlyArray<SourceFile> = listTypeScriptFiles(root, 'src').map((path) => readSourceFile(root, path))

/** Entry files: src/index.ts, every src/<folder>/index.ts and each tsup entry. */
const entryPaths = (): ReadonlySet<string> => {
  const paths = new Set(sources.filter((file) => /^src\/(?:[^/]+\/)?index\.ts$/.test(file.path)).map((file) => file.path))
  const tsupConfig = join(root, 'tsup.config.ts')
  if (existsSync(tsupConfig)) {
    for (const match of readFileSync(tsupConfig, 'utf8').matchAll(/['"](src\/[^'"]+\.ts)['"]/g)) paths.add(match[1]!)
  }
  return paths
}

const report = (findings: ReadonlyArray<{ path: string; line: number; message: string }>): ReadonlyArray<string> =>
  findings.map(formatFinding)

describe('architecture of src/', () => {
  it('scans the source tree', () => {
    expect(sources.map((file) => file.path)).toContain('src/index.ts')
  })

  it('imports follow the layer arrows (cli → io, simulate, diagnose → graph → model)', () => {
    expect(report(checkLayers(sources))).toEqual([])
  })

  it('keeps the browser-safe core free of Node, console, clock, randomness and process', () => {
    expect(report(checkCorePurity(sources))).toEqual([])
  })

  it('has no export * in entry files', () => {
    const entries = entryPaths()
    expect(entries.size).toBeGreaterThan(0)
    expect(report(checkNoExportStar(sources.filter((file) => entries.has(file.path))))).toEqual([])
  })

  it('imports fp-ts and io-ts only by root or lib/*.js, and relative files with .js', () => {
    expect(report(checkImportSpecifiers(sources))).toEqual([])
  })

  it('has no self-calling functions in src/graph', () => {
    expect(report(checkRecursion(sources))).toEqual([])
  })

  it(`has no file over 250 lines`, () => {
    expect(report(checkFileLength(sources))).toEqual([])
  })
})
