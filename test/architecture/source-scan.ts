/**
 * Small source scanners for the architecture tests. Text-based on purpose: they read
 * what a reviewer reads, and every finding names `file:line`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export interface SourceFile {
  /** Path relative to the repository root, with `/` separators. */
  readonly path: string
  readonly text: string
  /** The text with comments and string contents blanked (same length, same lines). */
  readonly code: string
}

export interface Finding {
  readonly path: string
  readonly line: number
  readonly message: string
}

export const formatFinding = (finding: Finding): string => `${finding.path}:${finding.line}: ${finding.message}`

export const lineAt = (text: string, offset: number): number => {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/**
 * Blank comments and the contents of string and template literals, keeping newlines
 * so offsets and line numbers still match. Quote characters are kept, contents become
 * spaces. A `'` or `"` string ends at the end of its line, so a regular expression
 * holding a quote cannot swallow the rest of a file.
 */
export const blankCommentsAndStrings = (text: string): string => {
  const out = text.split('')
  let i = 0
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' '
  }
  while (i < text.length) {
    const c = text[i]
    const next = text[i + 1]
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i)
      const stop = end === -1 ? text.length : end
      blank(i, stop)
      i = stop
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2)
      const stop = end === -1 ? text.length : end + 2
      blank(i, stop)
      i = stop
    } else if (c === "'" || c === '"' || c === '`') {
      let k = i + 1
      while (k < text.length && text[k] !== c) {
        if (text[k] === '\\') k++
        else if (c !== '`' && text[k] === '\n') break
        k++
      }
      blank(i + 1, Math.min(k, text.length))
      i = k + 1
    } else i++
  }
  return out.join('')
}

export const readSourceFile = (root: string, path: string): SourceFile => {
  const text = readFileSync(join(root, path), 'utf8')
  return { path, text, code: blankCommentsAndStrings(text) }
}

/** Every `.ts` file under `folder` (relative to `root`), sorted. */
export const listTypeScriptFiles = (root: string, folder: string): ReadonlyArray<string> => {
  const found: string[] = []
  const stack = [join(root, folder)]
  while (stack.length > 0) {
    const current = stack.pop()!
    for (const name of readdirSync(current)) {
      const full = join(current, name)
      if (statSync(full).isDirectory()) stack.push(full)
      else if (name.endsWith('.ts')) found.push(relative(root, full).split(sep).join('/'))
    }
  }
  return found.sort()
}

export interface ImportStatement {
  readonly specifier: string
  readonly line: number
  /** `import type` / `export type`: erased at build time. */
  readonly typeOnly: boolean
}

const importPattern =
  /(?:^|[\n;])\s*(import|export)(\s+type)?\b(?:(?!\n\s*(?:import|export)\b)[^;])*?\bfrom\s*['"]([^'"\n]*)['"]|(?:^|[\n;])\s*import\s*['"]([^'"\n]*)['"]|\bimport\s*\(\s*['"]([^'"\n]*)['"]\s*\)|\brequire\s*\(\s*['"]([^'"\n]*)['"]\s*\)/dg

/**
 * Static imports, re-exports, side-effect imports, `import()` and `require()`. Matched
 * on the blanked code (so commented-out imports do not count); the specifier is read
 * back from the original text at the same offsets.
 */
export const findImports = (file: SourceFile): ReadonlyArray<ImportStatement> => {
  const result: ImportStatement[] = []
  const pattern = new RegExp(importPattern.source, importPattern.flags)
  for (let match = pattern.exec(file.code); match !== null; match = pattern.exec(file.code)) {
    const group = [3, 4, 5, 6].find((index) => match!.indices![index] !== undefined)!
    const [start, end] = match.indices![group]!
    result.push({
      specifier: file.text.slice(start, end),
      line: lineAt(file.text, start),
      typeOnly: match[2] !== undefined,
    })
  }
  return result
}
