/**
 * The checkers themselves: each must find a fault planted in a made-up file, or the
 * architecture test could pass by finding nothing.
 */
import { describe, expect, it } from 'vitest'
import { checkRecursion } from './recursion.js'
import {
  checkCorePurity,
  checkFileLength,
  checkImportSpecifiers,
  checkLayers,
  checkNoExportStar,
} from './rules.js'
import { type SourceFile, blankCommentsAndStrings, findImports, formatFinding } from './source-scan.js'

const source = (path: string, text: string): SourceFile => ({ path, text, code: blankCommentsAndStrings(text) })
const lines = (findings: ReadonlyArray<{ path: string; line: number; message: string }>): ReadonlyArray<string> =>
  findings.map(formatFinding)

describe('findImports', () => {
  it('finds static, type-only, multi-line, side-effect and dynamic imports with their lines', () => {
    const file = source(
      'src/graph/x.ts',
      [
        "import * as E from 'fp-ts/lib/Either.js'",
        "import type { Model } from '../model/codecs.js'",
        'import {',
        '  a,',
        "} from './a.js'",
        "export { b } from './b.js'",
        "import './side.js'",
        "const lazy = () => import('./lazy.js')",
        "// import { gone } from './commented.js'",
        "const text = \"import { no } from './string.js'\"",
      ].join('\n'),
    )
    expect(findImports(file).map((i) => `${i.line}:${i.specifier}:${i.typeOnly}`)).toEqual([
      '1:fp-ts/lib/Either.js:false',
      '2:../model/codecs.js:true',
      "5:./a.js:false",
      '6:./b.js:false',
      '7:./side.js:false',
      '8:./lazy.js:false',
    ])
  })
})

describe('checkers find planted faults', () => {
  it('layers: model importing graph, graph importing diagnose, an unknown folder, the root entry importing node', () => {
    const findings = lines(
      checkLayers([
        source('src/model/a.ts', "import { x } from '../graph/x.js'"),
        source('src/graph/b.ts', "import { y } from '../diagnose/y.js'\nimport { z } from '../model/z.js'"),
        source('src/utilities/c.ts', "export const c = 1"),
        source('src/index.ts', "export { run } from './node/run.js'"),
        source('src/cli/d.ts', "import { e } from '../node/e.js'"),
        source('src/node/version.ts', "import packageJson from '../../package.json' with { type: 'json' }"),
        source('src/io/version.ts', "import packageJson from '../../package.json' with { type: 'json' }"),
      ]),
    )
    expect(findings).toEqual([
      'src/model/a.ts:1: model may not import graph (../graph/x.js)',
      'src/graph/b.ts:1: graph may not import diagnose (../diagnose/y.js)',
      'src/utilities/c.ts:1: folder src/utilities is not in the layer table (test/architecture/rules.ts)',
      'src/index.ts:1: entry index.ts may not import node (./node/run.js)',
      'src/io/version.ts:1: imports ../../package.json, outside src/',
    ])
  })

  it('core purity: node imports, console, clock, randomness, process; comments do not count', () => {
    const findings = lines(
      checkCorePurity([
        source(
          'src/simulate/a.ts',
          [
            "import { readFileSync } from 'node:fs'",
            "import path from 'path'",
            'console.log(1)',
            'const r = Math.random()',
            'const t = Date.now() + performance.now()',
            'const d = new Date(0)',
            'const e = process.env',
            '// Math.random is banned here',
            'const ok = item.process.length',
            'const { warn } = console',
            'globalThis.console.info(2)',
          ].join('\n'),
        ),
        source('src/cli/b.ts', "import { readFileSync } from 'node:fs'\nconsole.log(1)"),
      ]),
    )
    expect(findings).toEqual([
      'src/simulate/a.ts:1: imports Node built-in node:fs in the browser-safe core',
      'src/simulate/a.ts:2: imports Node built-in path in the browser-safe core',
      'src/simulate/a.ts:3: uses console in the browser-safe core',
      'src/simulate/a.ts:10: uses console in the browser-safe core',
      'src/simulate/a.ts:11: uses console in the browser-safe core',
      'src/simulate/a.ts:4: uses Math.random (inject a seeded generator) in the browser-safe core',
      'src/simulate/a.ts:5: uses Date.now (the clock) in the browser-safe core',
      'src/simulate/a.ts:6: uses new Date( (the clock) in the browser-safe core',
      'src/simulate/a.ts:5: uses performance.now (the clock) in the browser-safe core',
      'src/simulate/a.ts:7: uses process. (a Node global) in the browser-safe core',
    ])
  })

  it('export * in an entry file', () => {
    expect(lines(checkNoExportStar([source('src/index.ts', "export { a } from './a.js'\nexport * from './model/b.js'")]))).toEqual([
      'src/index.ts:2: export * in an entry file: name every export',
    ])
  })

  it('deep fp-ts/io-ts imports and relative imports without .js', () => {
    const findings = lines(
      checkImportSpecifiers([
        source(
          'src/model/a.ts',
          [
            "import * as E from 'fp-ts/Either'",
            "import { pipe } from 'fp-ts/lib/function'",
            "import * as t from 'io-ts'",
            "import * as O from 'fp-ts/lib/Option.js'",
            "import { b } from './b'",
          ].join('\n'),
        ),
      ]),
    )
    expect(findings).toEqual([
      'src/model/a.ts:1: deep import fp-ts/Either: use fp-ts/lib/<Module>.js or fp-ts',
      'src/model/a.ts:2: deep import fp-ts/lib/function: use fp-ts/lib/<Module>.js or fp-ts',
      'src/model/a.ts:5: relative import ./b lacks its .js suffix',
    ])
  })

  it('recursion in src/graph, but not iteration or calls of other functions', () => {
    const text = [
      'export function depth(node: Node): number {',
      '  return node.children.length === 0 ? 0 : 1 + Math.max(...node.children.map(depth))',
      '}',
      'const visit = (v: number): void => {',
      '  for (const w of next(v)) visit(w)',
      '}',
      'export const walk = (v: number): number => walk(v - 1)',
      'export const iterative = (start: number): number[] => {',
      '  const stack = [start]',
      '  while (stack.length > 0) stack.pop()',
      '  return visit.length > 0 ? [] : [start]',
      '}',
      'class Tree {',
      '  size(): number {',
      '    return this.size() + 1',
      '  }',
      '}',
    ].join('\n')
    const findings = lines(checkRecursion([source('src/graph/a.ts', text), source('src/cli/b.ts', text)]))
    expect(findings).toEqual([
      'src/graph/a.ts:5: visit calls itself: use an explicit stack (STYLE.md 9)',
      'src/graph/a.ts:7: walk calls itself: use an explicit stack (STYLE.md 9)',
      'src/graph/a.ts:15: size calls itself: use an explicit stack (STYLE.md 9)',
    ])
  })

  it('files over 250 lines', () => {
    const long = source('src/model/long.ts', 'const a = 1\n'.repeat(251))
    const fine = source('src/model/fine.ts', 'const a = 1\n'.repeat(250))
    expect(lines(checkFileLength([long, fine]))).toEqual(['src/model/long.ts:251: 251 lines (at most 250): split it'])
  })
})
