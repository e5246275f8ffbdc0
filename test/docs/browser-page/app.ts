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
  readonly defectRules: ReadonlyArray<string>
  readonly mermaidRendered: boolean
  readonly dotLength: number
}

declare global {
  interface Window {
    orgintelResult?: PageResult | { readonly failure: string }
  }
}

const run = async (): Promise<PageResult> => {
  const text = await (await fetch('./ward-you-said-we-did.json')).text()
  const parsed = orgintel.parseModel(text)
  if (parsed._tag === 'Left') {
    return { decoded: false, actors: 0, errors: orgintel.formatModelErrors(parsed.left), defectRules: [], mermaidRendered: false, dotLength: 0 }
  }
  const model = parsed.right
  const diagnosis = orgintel.diagnose(model)
  const defectRules = [...new Set(diagnosis.defects.map((defect) => defect.rule))].sort()
  // Draw the model with the defects highlighted and the repairs dashed.
  const mermaid = io.toMermaid(model, { highlight: orgintel.highlightOf(diagnosis) })
  // beautiful-mermaid's SVG @imports a web font; drop it so the page makes no network request.
  const svg = renderMermaidSVG(mermaid).replace(/@import url\([^)]*\);/g, '')
  const diagram = document.getElementById('diagram')!
  diagram.innerHTML = svg
  return {
    decoded: true,
    actors: model.actors.length,
    errors: '',
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
