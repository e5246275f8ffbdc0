/**
 * The page the browser test loads: the library's browser-safe entries (the root and
 * orgintel/io), bundled for the browser with fp-ts and io-ts inside, decode and diagnose
 * the Ward 7 model and draw it. The outcome is left on `window.orgintelResult`.
 */
import { renderMermaidSVG } from 'beautiful-mermaid'
import * as orgintel from '../../../src/index.js'
import * as io from '../../../src/io/index.js'

interface PageResult {
  readonly decoded: boolean
  readonly actors: number
  readonly errors: string
  readonly diagnosed: boolean
  readonly defectRules: ReadonlyArray<string>
  readonly mermaidRendered: boolean
  readonly dotLength: number
}

declare global {
  interface Window {
    orgintelResult?: PageResult | { readonly failure: string }
  }
}

const optional = (module: object, name: string): ((...args: never[]) => unknown) | undefined => {
  const value = (module as Record<string, unknown>)[name]
  return typeof value === 'function' ? (value as (...args: never[]) => unknown) : undefined
}

const run = async (): Promise<PageResult> => {
  const text = await (await fetch('./ward-you-said-we-did.json')).text()
  const parsed = orgintel.parseModel(text)
  if (parsed._tag === 'Left') {
    return { decoded: false, actors: 0, errors: orgintel.formatModelErrors(parsed.left), diagnosed: false, defectRules: [], mermaidRendered: false, dotLength: 0 }
  }
  const model = parsed.right
  // diagnose lands in the root entry during development; use it once it is exported.
  const diagnose = optional(orgintel, 'diagnose') as ((m: typeof model) => { defects: ReadonlyArray<{ rule: string }> }) | undefined
  const defectRules = diagnose === undefined ? [] : [...new Set(diagnose(model).defects.map((defect) => defect.rule))].sort()
  // beautiful-mermaid's SVG @imports a web font; drop it so the page makes no network request.
  const svg = renderMermaidSVG(io.toMermaid(model)).replace(/@import url\([^)]*\);/g, '')
  const diagram = document.getElementById('diagram')!
  diagram.innerHTML = svg
  return {
    decoded: true,
    actors: model.actors.length,
    errors: '',
    diagnosed: diagnose !== undefined,
    defectRules,
    mermaidRendered: diagram.querySelector('svg g.node') !== null,
    dotLength: io.toDot(model).length,
  }
}

run().then(
  (result) => {
    window.orgintelResult = result
    document.getElementById('status')!.textContent = `Decoded ${result.actors} actors; ${result.defectRules.length} kinds of defect.`
  },
  (error: unknown) => {
    window.orgintelResult = { failure: String(error) }
  },
)
