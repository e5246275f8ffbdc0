/**
 * Prepare the Ward 7 model for a dagre layout: a graphlib graph with labels of its own,
 * sized for the boxes a page will draw. Run: `npx tsx examples/graphlib-layout.ts`.
 */
import assert from 'node:assert/strict'

// #region layout
import { readFileSync } from 'node:fs'
import { Graph } from '@dagrejs/graphlib'
import { decodeGraphlibId, formatModelErrors, parseModel, toGraphlib } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const graph = toGraphlib(parsed.right)

// dagre lays out a graphlib graph by writing onto the labels it is given (`x`, `y` and
// `rank` on nodes, `points` on edges). The adapter's labels are the model's own actor
// and channel objects, so give dagre a copy with labels of its own, sized for your boxes.
interface Box {
  readonly width: number
  readonly height: number
  x?: number
  y?: number
}
const layoutGraph = new Graph<{ rankdir: string }, Box, { points?: ReadonlyArray<{ x: number; y: number }> }>({ directed: true, multigraph: true })
layoutGraph.setGraph({ rankdir: 'LR' })
for (const node of graph.nodes()) layoutGraph.setNode(node, { width: 160, height: 48 })
for (const edge of graph.edges()) layoutGraph.setEdge(edge, {})
// With dagre installed: `dagre.layout(layoutGraph)`, then read each node's position
// back by actor: `decodeGraphlibId(node)` gives the id, `layoutGraph.node(node)` x and y.
for (const node of layoutGraph.nodes().slice(0, 2)) console.log(decodeGraphlibId(node)?.id, layoutGraph.node(node))
// #endregion layout

assert.equal(layoutGraph.nodeCount(), parsed.right.actors.length)
assert.equal(layoutGraph.edgeCount(), parsed.right.channels.length) // one edge per channel, parallel ones kept
assert.deepEqual(layoutGraph.edges()[0], { v: 'actor:ward-7-patients', w: 'actor:story-platform', name: 'channel:post-story' })
