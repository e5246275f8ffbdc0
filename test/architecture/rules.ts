/**
 * The architecture rules of orgintel (STYLE.md 1, 3, 7, 9; DESIGN.md §4), as functions
 * from source files to findings. The layer table is the one place the arrows are written.
 */
import { builtinModules } from 'node:module'
import { posix } from 'node:path'
import { type Finding, type SourceFile, findImports, lineAt } from './source-scan.js'

/**
 * Which folders of src/ each folder may import from. Arrows run downward only:
 * `cli → io, simulate, diagnose → graph → model`. `cli` may import anything.
 * Files directly in src/ are entry files (see `entryRules`).
 */
export const allowedImports: ReadonlyMap<string, ReadonlySet<string> | 'any'> = new Map<string, ReadonlySet<string> | 'any'>([
  ['model', new Set<string>()],
  ['stats', new Set<string>()],
  ['graph', new Set(['model'])],
  ['diagnose', new Set(['graph', 'model'])],
  ['simulate', new Set(['graph', 'model', 'stats'])],
  ['io', new Set(['diagnose', 'graph', 'model'])],
  ['fhir', new Set(['diagnose', 'graph', 'model'])],
  // Evidence calibrates the simulation and feeds the diagnosis: it sits above both.
  ['evidence', new Set(['stats', 'io', 'fhir', 'simulate', 'diagnose', 'graph', 'model'])],
  ['node', new Set(['simulate', 'graph', 'model', 'io'])],
  ['cli', 'any'],
])

/** Entry files directly in src/: what they may import. The root entry stays browser-safe. */
export const entryRules: ReadonlyMap<string, ReadonlySet<string> | 'any'> = new Map<string, ReadonlySet<string> | 'any'>([
  ['index.ts', new Set(['model', 'graph', 'diagnose', 'simulate', 'io', 'fhir'])],
])

/**
 * Files outside src/ that a folder may import: the Node-only folders read the version
 * from package.json (the build inlines it). The browser-safe core imports nothing outside src/.
 */
export const allowedOutsideSource: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['package.json', new Set(['node', 'cli'])],
])

/** Folders that must run in a browser: no Node built-ins, console, clock or hidden randomness. */
export const browserSafeLayers: ReadonlySet<string> = new Set(['model', 'graph', 'diagnose', 'simulate', 'io', 'fhir', 'stats', 'evidence'])

/** Folders where no function may call itself (STYLE.md 9: traversals are iterative). */
export const recursionFreeLayers: ReadonlySet<string> = new Set(['graph'])

export const maxFileLines = 250

/** `src/graph/scc.ts` → `graph`; `src/index.ts` → `` (an entry file). */
export const layerOf = (path: string): string => {
  const parts = path.split('/')
  return parts.length > 2 ? parts[1]! : ''
}

const isNodeBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)

/** (a) Imports between folders follow the layer table; unknown folders are findings too. */
export const checkLayers = (files: ReadonlyArray<SourceFile>): ReadonlyArray<Finding> => {
  const findings: Finding[] = []
  for (const file of files) {
    const layer = layerOf(file.path)
    const allowed = layer === '' ? entryRules.get(posix.basename(file.path)) ?? 'any' : allowedImports.get(layer)
    if (allowed === undefined) {
      findings.push({ path: file.path, line: 1, message: `folder src/${layer} is not in the layer table (test/architecture/rules.ts)` })
      continue
    }
    for (const statement of findImports(file)) {
      if (!statement.specifier.startsWith('.')) continue
      const target = posix.normalize(posix.join(posix.dirname(file.path), statement.specifier))
      if (!target.startsWith('src/')) {
        if (allowedOutsideSource.get(target)?.has(layer) === true) continue
        findings.push({ path: file.path, line: statement.line, message: `imports ${statement.specifier}, outside src/` })
        continue
      }
      const targetLayer = layerOf(target)
      if (targetLayer === layer || allowed === 'any') continue
      if (targetLayer === '' || !allowed.has(targetLayer)) {
        const what = layer === '' ? `entry ${posix.basename(file.path)}` : layer
        findings.push({
          path: file.path,
          line: statement.line,
          message: `${what} may not import ${targetLayer === '' ? 'an entry file' : targetLayer} (${statement.specifier})`,
        })
      }
    }
  }
  return findings
}

const bannedInCore: ReadonlyArray<readonly [RegExp, string]> = [
  // Any mention in code (comments and strings are blanked): `console.log`, `globalThis.console`, `const { log } = console`.
  [/\bconsole\b/g, 'console'],
  [/\bMath\s*\.\s*random\b/g, 'Math.random (inject a seeded generator)'],
  [/\bDate\s*\.\s*now\b/g, 'Date.now (the clock)'],
  [/\bnew\s+Date\s*\(/g, 'new Date( (the clock)'],
  [/\bperformance\s*\.\s*now\b/g, 'performance.now (the clock)'],
  [/(?<![.\w$])process\s*\./g, 'process. (a Node global)'],
]

/** (b) The browser-safe core: no Node built-ins, console, clock, randomness or process. */
export const checkCorePurity = (files: ReadonlyArray<SourceFile>): ReadonlyArray<Finding> => {
  const findings: Finding[] = []
  for (const file of files) {
    const layer = layerOf(file.path)
    const isRootEntry = file.path === 'src/index.ts'
    if (!browserSafeLayers.has(layer) && !isRootEntry) continue
    for (const statement of findImports(file)) {
      if (isNodeBuiltin(statement.specifier)) {
        findings.push({ path: file.path, line: statement.line, message: `imports Node built-in ${statement.specifier} in the browser-safe core` })
      }
    }
    for (const [pattern, what] of bannedInCore) {
      const search = new RegExp(pattern.source, pattern.flags)
      for (let match = search.exec(file.code); match !== null; match = search.exec(file.code)) {
        findings.push({ path: file.path, line: lineAt(file.text, match.index), message: `uses ${what} in the browser-safe core` })
      }
    }
  }
  return findings
}

/** (c) `export *` hides the public surface: banned in entry files. */
export const checkNoExportStar = (files: ReadonlyArray<SourceFile>): ReadonlyArray<Finding> => {
  const findings: Finding[] = []
  for (const file of files) {
    const search = /\bexport\s*\*/g
    for (let match = search.exec(file.code); match !== null; match = search.exec(file.code)) {
      findings.push({ path: file.path, line: lineAt(file.text, match.index), message: 'export * in an entry file: name every export' })
    }
  }
  return findings
}

/**
 * (d) fp-ts and io-ts have no `exports` map: `fp-ts/Either` works in bundlers and
 * crashes plain Node ESM. Only the package roots or `…/lib/X.js` are allowed.
 * Relative imports need their `.js` suffix too.
 */
export const checkImportSpecifiers = (files: ReadonlyArray<SourceFile>): ReadonlyArray<Finding> => {
  const findings: Finding[] = []
  for (const file of files) {
    for (const { specifier, line } of findImports(file)) {
      const deep = /^(fp-ts|io-ts)\/(.*)$/.exec(specifier)
      if (deep !== null && !/^lib\/[\w/]+\.js$/.test(deep[2]!)) {
        findings.push({ path: file.path, line, message: `deep import ${specifier}: use ${deep[1]}/lib/<Module>.js or ${deep[1]}` })
      }
      if (specifier.startsWith('.') && !specifier.endsWith('.js') && !specifier.endsWith('.json')) {
        findings.push({ path: file.path, line, message: `relative import ${specifier} lacks its .js suffix` })
      }
    }
  }
  return findings
}

/** (e) Files over {@link maxFileLines} lines. */
export const checkFileLength = (files: ReadonlyArray<SourceFile>): ReadonlyArray<Finding> =>
  files
    .map((file) => ({ file, lines: file.text.split('\n').length - (file.text.endsWith('\n') ? 1 : 0) }))
    .filter(({ lines }) => lines > maxFileLines)
    .map(({ file, lines }) => ({ path: file.path, line: maxFileLines + 1, message: `${lines} lines (at most ${maxFileLines}): split it` }))
