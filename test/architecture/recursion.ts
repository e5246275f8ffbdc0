/**
 * A simple recursion check: no function or method calls itself by name inside its own
 * body. Bodies are found by indentation (the code is formatted), which is enough to
 * keep graph traversals iterative (STYLE.md 9); mutual recursion is not looked for.
 */
import { type Finding, type SourceFile, lineAt } from './source-scan.js'
import { layerOf, recursionFreeLayers } from './rules.js'

const controlWords = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'with', 'await', 'typeof', 'new'])

interface Declaration {
  readonly name: string
  readonly method: boolean
  /** Offset just after the name. */
  readonly after: number
}

const declarationPatterns: ReadonlyArray<readonly [RegExp, boolean]> = [
  [/\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)/g, false],
  [/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=\s*(?:async\s*)?(?:function\b|\(|<|[A-Za-z_$][\w$]*\s*=>)/g, false],
  [
    /^[ \t]*(?:(?:public|private|protected|static|readonly|async|override|get|set)\s+)*\*?([A-Za-z_$][\w$]*)\s*(?:<[^>\n]*>)?\s*\([^)\n]*\)\s*(?::[^{\n]+)?\{/gm,
    true,
  ],
]

const declarationsOf = (code: string): ReadonlyArray<Declaration> => {
  const found: Declaration[] = []
  for (const [pattern, method] of declarationPatterns) {
    const search = new RegExp(pattern.source, `${pattern.flags}d`)
    for (let match = search.exec(code); match !== null; match = search.exec(code)) {
      const name = match[1]!
      if (controlWords.has(name)) continue
      const after = match.indices![1]![1]
      found.push({ name, method, after })
    }
  }
  return found
}

const indentOf = (line: string): number => line.length - line.trimStart().length

/** The text of a declaration's body: its line's rest, then deeper-indented lines. */
const bodyOf = (code: string, declaration: Declaration): { start: number; text: string } => {
  const lineStart = code.lastIndexOf('\n', declaration.after - 1) + 1
  const firstLineEnd = code.indexOf('\n', declaration.after)
  const declarationIndent = indentOf(code.slice(lineStart, firstLineEnd === -1 ? code.length : firstLineEnd))
  let end = firstLineEnd === -1 ? code.length : firstLineEnd
  while (end < code.length) {
    const nextEnd = code.indexOf('\n', end + 1)
    const line = code.slice(end + 1, nextEnd === -1 ? code.length : nextEnd)
    const trimmed = line.trim()
    if (trimmed !== '' && indentOf(line) <= declarationIndent && !/^[)\]}]/.test(trimmed)) break
    end = nextEnd === -1 ? code.length : nextEnd
  }
  return { start: declaration.after, text: code.slice(declaration.after, end) }
}

const escapeRegExp = (text: string): string => text.replace(/[$]/g, '\\$')

/** Findings for every function that calls itself, in the recursion-free folders. */
export const checkRecursion = (files: ReadonlyArray<SourceFile>): ReadonlyArray<Finding> => {
  const findings: Finding[] = []
  for (const file of files) {
    if (!recursionFreeLayers.has(layerOf(file.path))) continue
    for (const declaration of declarationsOf(file.code)) {
      const body = bodyOf(file.code, declaration)
      const name = escapeRegExp(declaration.name)
      const call = declaration.method
        ? new RegExp(`\\bthis\\s*\\.\\s*${name}\\s*\\(`)
        : new RegExp(`(?<![.\\w$])${name}\\s*\\(`)
      const match = call.exec(body.text)
      if (match === null) continue
      findings.push({
        path: file.path,
        line: lineAt(file.text, body.start + match.index),
        message: `${declaration.name} calls itself: use an explicit stack (STYLE.md 9)`,
      })
    }
  }
  return findings
}
