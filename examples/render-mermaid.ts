/**
 * Render the Ward 7 model as a Mermaid flowchart, with the withdrawn PALS letter
 * highlighted and a proposed repair dashed. Run with `npx tsx examples/render-mermaid.ts`.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseModel } from '../src/model/decode.js'
import type { ActorId, ChannelId } from '../src/model/primitives.js'
import { toMermaid } from '../src/io/index.js'

const text = readFileSync(fileURLToPath(new URL('./models/ward-you-said-we-did.json', import.meta.url)), 'utf8')
const parsed = parseModel(text)
if (parsed._tag === 'Left') throw new Error('the example model is invalid')
const model = parsed.right

// #region render
const mermaid = toMermaid(model, {
  highlight: {
    channels: ['pals-letter' as ChannelId],
    proposed: [
      { from: 'pals' as ActorId, to: 'carers' as ActorId, level: 'delivery', carries: [], reason: 'Close the carers’ concerns loop' },
    ],
  },
})
// One subgraph per level the model uses, lay and professional actors styled apart.
assert.match(mermaid, /^flowchart LR\n/)
assert.match(mermaid, /subgraph level0 \["Delivery"\]/)
assert.match(mermaid, /subgraph level1 \["Planning"\]/)
assert.match(mermaid, /class n0,n1 layActor/)
// The proposed repair is dashed.
assert.match(mermaid, /n5 -\.-> n1/)
// #endregion render

process.stdout.write(mermaid)
