/**
 * The code a newcomer copies from the docs: the shell lines and code blocks of a
 * Markdown page, and the example regions its `{@includeCode}` tags pull in, exactly as
 * typedoc shows them (the lines between `// #region name` and `// #endregion name`).
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** One fenced block of a page: its language and text. */
export interface Block {
  readonly language: string
  readonly text: string
}

/** A snippet a guide shows, with where it came from. */
export interface Snippet {
  readonly source: string
  readonly text: string
}

/** Every fenced block of a Markdown text, in order. */
export const fencedBlocks = (markdown: string): ReadonlyArray<Block> =>
  [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ language: match[1]!, text: match[2]! }))

/** The part of a Markdown text from a heading to the next heading of the same depth or higher. */
export const sectionOf = (markdown: string, heading: string): string => {
  const start = markdown.indexOf(`${heading}\n`)
  if (start === -1) throw new Error(`no heading ${heading}`)
  const depth = /^#+/.exec(heading)![0].length
  const rest = markdown.slice(start + heading.length)
  const next = new RegExp(`^#{1,${depth}} `, 'm').exec(rest)
  return markdown.slice(start, next === null ? undefined : start + heading.length + next.index)
}

/** The lines of a shell block that are commands (not blank, not comments). */
export const commandLines = (block: Block): ReadonlyArray<string> =>
  block.text.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))

/** The text of `// #region name` in a file, as typedoc's `{@includeCode file#name}` shows it. */
export const regionOf = (file: string, name: string): string => {
  const lines = readFileSync(file, 'utf8').split('\n')
  const start = lines.findIndex((line) => line.trim() === `// #region ${name}`)
  const end = lines.findIndex((line, index) => index > start && line.trim() === `// #endregion ${name}`)
  if (start === -1 || end === -1) throw new Error(`${file} has no region ${name}`)
  return `${lines.slice(start + 1, end).join('\n')}\n`
}

/**
 * Every code snippet a guide page shows: its TypeScript and JavaScript blocks and its
 * included regions. A source file's doc comments are read for their included regions.
 */
export const guideSnippets = (page: string): ReadonlyArray<Snippet> => {
  const markdown = readFileSync(page, 'utf8')
  const snippets: Snippet[] = []
  for (const block of page.endsWith('.md') ? fencedBlocks(markdown) : []) {
    if (['ts', 'typescript', 'js', 'javascript', 'mjs'].includes(block.language)) snippets.push({ source: `${page} (a ${block.language} block)`, text: block.text })
  }
  for (const match of markdown.matchAll(/\{@includeCode ([^#}]+)#([^}]+)\}/g)) {
    const file = resolve(join(page, '..'), match[1]!.trim())
    snippets.push({ source: `${match[1]!.trim()}#${match[2]!.trim()}`, text: regionOf(file, match[2]!.trim()) })
  }
  return snippets
}
