/**
 * Hand the Ward 7 model to `@dagrejs/graphlib` (the graph type dagre lays out) with
 * `toGraphlib` and read it back with `fromGraphlib`. Run: `npx tsx examples/graphlib-adapter.ts`.
 * The same adapter with hostile ids, with a layout and with one of graphlib's
 * algorithms: `graphlib-hostile-ids.ts`, `graphlib-layout.ts`, `graphlib-algorithm.ts`.
 */
import assert from 'node:assert/strict'

// #region adapter
import { readFileSync } from 'node:fs'
import { json } from '@dagrejs/graphlib'
import { type ModelGraph, decodeGraphlibId, encodeActorNodeId, formatModelErrors, fromGraphlib, parseModel, toGraphlib } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const ward = parsed.right

// One node per actor, one edge per channel (of any status), the rest as the graph label.
const graph = toGraphlib(ward)
console.log(`${graph.nodeCount()} nodes, ${graph.edgeCount()} edges`)
// Node ids and edge names are encoded; decode them rather than reading them directly.
console.log(decodeGraphlibId(graph.nodes()[0]!)) // { kind: 'actor', id: 'ward-7-patients' }
console.log(graph.node(encodeActorNodeId('carers')).kind) // 'carer'

// graphlib's JSON form travels (to a worker, a file, another tool) and comes back as the same model.
const travelled: ModelGraph = json.read(JSON.parse(JSON.stringify(json.write(graph))))
const back = fromGraphlib(travelled)
console.log(back._tag === 'Right' ? `the same ${back.right.actors.length} actors and ${back.right.channels.length} channels` : back.left)
// #endregion adapter

assert.equal(graph.nodeCount(), ward.actors.length)
assert.equal(graph.edgeCount(), ward.channels.length)
assert.deepEqual(decodeGraphlibId(graph.nodes()[0]!), { kind: 'actor', id: 'ward-7-patients' })
assert.equal(graph.node(encodeActorNodeId('carers')).kind, 'carer')
assert.deepEqual(back, { _tag: 'Right', right: ward })
