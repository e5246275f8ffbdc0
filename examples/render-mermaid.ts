/**
 * Render the Ward 7 model as a Mermaid flowchart, with the withdrawn PALS letter
 * highlighted and a proposed repair dashed. Run with `npx tsx examples/render-mermaid.ts`.
 */
import assert from 'node:assert/strict'

// #region render
import { readFileSync } from 'node:fs'
import { formatModelErrors, parseModel } from 'orgintel'
import { toMermaid } from 'orgintel/io'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))

// Options take ids as plain strings.
const mermaid = toMermaid(parsed.right, {
  highlight: {
    channels: ['pals-letter'],
    proposed: [{ from: 'pals', to: 'carers', level: 'delivery', carries: [], reason: 'Close the carers’ concerns loop' }],
  },
})
console.log(mermaid)
// #endregion render

// One subgraph per level the model uses, lay and professional actors styled apart.
assert.match(mermaid, /^flowchart LR\n/)
assert.match(mermaid, /subgraph level0 \["Delivery"\]/)
assert.match(mermaid, /subgraph level1 \["Planning"\]/)
assert.match(mermaid, /class n0,n1 layActor/)
// The proposed repair is dashed.
assert.match(mermaid, /n5 -\.-> n1/)
