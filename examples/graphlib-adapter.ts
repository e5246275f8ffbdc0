/**
 * Hand the Ward 7 model to `@dagrejs/graphlib` (the graph type dagre lays out) with
 * `toGraphlib`, read it back with `fromGraphlib`, survive hostile ids such as
 * `__proto__`, and run one of graphlib's algorithms on a small acyclic part of the model.
 * Run: `npx tsx examples/graphlib-adapter.ts`.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { Graph, alg, json } from '@dagrejs/graphlib'
import * as E from 'fp-ts/lib/Either.js'
import { decodeModel, parseModel } from '../src/model/decode.js'
import { decodeGraphlibId, encodeActorNodeId, fromGraphlib, toGraphlib } from '../src/graph/graphlib.js'
import type { ModelGraph } from '../src/graph/graphlib.js'

const parsed = parseModel(readFileSync(new URL('./models/ward-you-said-we-did.json', import.meta.url), 'utf8'))
assert.ok(E.isRight(parsed))
const ward = parsed.right

// #region adapter
// One node per actor, one edge per channel (of any status), the rest as the graph label.
const graph = toGraphlib(ward)
assert.equal(graph.nodeCount(), ward.actors.length)
assert.equal(graph.edgeCount(), ward.channels.length)
// Node ids and edge names are encoded; decode them rather than reading them directly.
assert.deepEqual(decodeGraphlibId(graph.nodes()[0]!), { kind: 'actor', id: 'ward-7-patients' })
assert.equal(graph.node(encodeActorNodeId(ward.actors[1]!.id)).kind, 'carer')

// graphlib's JSON form travels (to a worker, a file, another tool) and comes back as the same model.
const travelled: ModelGraph = json.read(JSON.parse(JSON.stringify(json.write(graph))))
assert.deepEqual(fromGraphlib(travelled), E.right(ward))
// #endregion adapter

// #region hostile-ids
// Any string is a legal id. Raw, `__proto__` would make graphlib write onto
// Object.prototype for the whole process; encoded, it is just another node.
const hostile = decodeModel({
  schema: 'orgintel/v2',
  id: 'hostile',
  name: 'Hostile ids',
  actors: [
    { id: '__proto__', name: 'A', kind: 'patient', levels: ['delivery'] },
    { id: 'constructor', name: 'B', kind: 'clinician', levels: ['delivery'] },
  ],
  assets: [],
  channels: [{ id: 'toString', from: '__proto__', to: 'constructor', carries: [], level: 'delivery' }],
})
assert.ok(E.isRight(hostile))
const hostileGraph = toGraphlib(hostile.right)
assert.deepEqual(hostileGraph.nodes().map((node) => decodeGraphlibId(node)?.id), ['__proto__', 'constructor'])
assert.deepEqual(fromGraphlib(hostileGraph), hostile)
assert.equal(({} as Record<string, unknown>)['kind'], undefined) // nothing leaked onto Object.prototype
// #endregion hostile-ids

// #region algorithm
// graphlib's algorithms are recursive, so keep them to small graphs. Here: the order in
// which patients' stories and carers' concerns travel, a small acyclic part of the ward.
const experienceAssets = new Set(ward.assets.filter((asset) => ['experience', 'insight'].includes(asset.kind)).map((asset) => asset.id))
const stories = toGraphlib(ward)
for (const edge of stories.edges()) {
  const channel = stories.edge(edge)
  if (channel.status !== 'active' || !channel.carries.some((id) => experienceAssets.has(id))) stories.removeEdge(edge)
}
assert.ok(alg.isAcyclic(stories))
const order = alg.topsort(stories).map((node) => decodeGraphlibId(node)?.id)
const before = (first: string, second: string): boolean => order.indexOf(first as never) < order.indexOf(second as never)
assert.ok(before('ward-7-patients', 'story-platform') && before('story-platform', 'ward-manager'))
assert.ok(before('carers', 'pals') && before('pals', 'ward-manager'))
assert.ok(before('experience-team', 'quality-committee'))
// #endregion algorithm

// #region layout
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
assert.equal(layoutGraph.nodeCount(), ward.actors.length)
assert.equal(layoutGraph.edgeCount(), ward.channels.length) // one edge per channel, parallel ones kept
assert.deepEqual(layoutGraph.edges()[0], { v: 'actor:ward-7-patients', w: 'actor:story-platform', name: 'channel:post-story' })
// #endregion layout

process.stdout.write(`Stories travel: ${order.join(' → ')}\n`)
