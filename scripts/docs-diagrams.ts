/**
 * Render every diagram the guide pages show into static SVG under
 * `docs/assets/diagrams/`, so the site needs no script or network to show them.
 *
 * Sources:
 * - `docs/diagrams/*.mmd` (Mermaid, via beautiful-mermaid) and `docs/diagrams/*.dot`
 *   (Graphviz, via @viz-js/viz);
 * - `docs/diagrams/rules/*.json`: one small `orgintel/v2` model per diagnosis rule, in
 *   which `planned` channels are the repair (drawn green and dashed);
 * - `examples/models/*.json`: the bundled example organisations;
 * - once `orgintel/io` exists, the Ward 7 model through the library's own `toMermaid`;
 * - plots of seeded simulation runs (`docs-plots.ts`), once `simulate` exists.
 *
 * Usage: `tsx scripts/docs-diagrams.ts` writes files that changed (so file times only
 * move when content does); `--check` writes nothing and exits 1 if any file is stale.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decodeModel, formatModelErrors } from '../src/index.js'
import type { Model } from '../src/index.js'
import { modelToDot } from './docs-model-dot.js'
import { renderPlots } from './docs-plots.js'
import { renderDot, renderMermaid } from './docs-svg.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sourceDirectory = join(root, 'docs', 'diagrams')
const rulesDirectory = join(sourceDirectory, 'rules')
const modelsDirectory = join(root, 'examples', 'models')
/** Where rendered diagrams go; guide pages link them as `./assets/diagrams/<name>.svg`. */
export const diagramsDirectory = join(root, 'docs', 'assets', 'diagrams')

const listFiles = (directory: string, extension: string): string[] =>
  existsSync(directory)
    ? readdirSync(directory)
        .filter((name) => name.endsWith(extension))
        .sort()
        .map((name) => join(directory, name))
    : []

/** Read and decode a model file; a model that does not decode is a bug in the docs. */
export const readModel = (file: string): Model => {
  const result = decodeModel(JSON.parse(readFileSync(file, 'utf8')))
  if (result._tag === 'Left') throw new Error(`${file} is not a valid model:\n${formatModelErrors(result.left)}`)
  return result.right
}

interface Diagram {
  readonly name: string
  readonly render: () => Promise<string>
}

type ToMermaid = (model: Model, options?: { readonly direction?: 'LR' | 'TB' }) => string

const optionalIo = async (): Promise<{ toMermaid?: ToMermaid } | undefined> => {
  if (!existsSync(join(root, 'src', 'io', 'index.ts'))) return undefined
  return (await import('../src/io/index.js' as string)) as { toMermaid?: ToMermaid }
}

/** Every diagram the site needs, by output name (without `.svg`). */
export const collectDiagrams = async (): Promise<Diagram[]> => {
  const diagrams: Diagram[] = []
  for (const file of listFiles(sourceDirectory, '.mmd')) {
    diagrams.push({ name: basename(file, '.mmd'), render: async () => renderMermaid(readFileSync(file, 'utf8')) })
  }
  for (const file of listFiles(sourceDirectory, '.dot')) {
    diagrams.push({ name: basename(file, '.dot'), render: () => renderDot(readFileSync(file, 'utf8')) })
  }
  for (const file of listFiles(rulesDirectory, '.json')) {
    const name = basename(file, '.json')
    diagrams.push({
      name: `rule-${name}`,
      render: () => renderDot(modelToDot(readModel(file), { showPolarity: name === 'unknown-polarity' })),
    })
  }
  for (const file of listFiles(modelsDirectory, '.json')) {
    // Whole models are shown in a page's column: top to bottom and compact, so that
    // their text stays readable (the browser test checks it).
    diagrams.push({ name: `model-${basename(file, '.json')}`, render: () => renderDot(modelToDot(readModel(file), { direction: 'TB', compact: true })) })
  }
  const io = await optionalIo()
  const toMermaid = io?.toMermaid
  if (toMermaid !== undefined) {
    const ward = join(modelsDirectory, 'ward-you-said-we-did.json')
    diagrams.push({ name: 'mermaid-ward-you-said-we-did', render: async () => renderMermaid(toMermaid(readModel(ward), { direction: 'TB' })) })
  }
  for (const [name, svg] of await renderPlots(readModel)) diagrams.push({ name, render: async () => svg })
  return diagrams
}

/** Render every diagram; returns the names of files that were (or, with `check`, would be) rewritten. */
export const renderDiagrams = async (check: boolean): Promise<string[]> => {
  mkdirSync(diagramsDirectory, { recursive: true })
  const changed: string[] = []
  for (const diagram of await collectDiagrams()) {
    const file = join(diagramsDirectory, `${diagram.name}.svg`)
    const svg = await diagram.render()
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined
    if (current === svg) continue
    changed.push(`${diagram.name}.svg`)
    if (!check) writeFileSync(file, svg)
  }
  return changed
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check')
  const changed = await renderDiagrams(check)
  if (check && changed.length > 0) {
    process.stderr.write(`Stale diagrams (run tsx scripts/docs-diagrams.ts): ${changed.join(', ')}\n`)
    process.exit(1)
  }
  process.stdout.write(`${changed.length} diagram(s) ${check ? 'stale' : 'written'} in docs/assets/diagrams\n`)
}
