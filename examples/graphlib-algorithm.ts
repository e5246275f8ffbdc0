/**
 * Run one of graphlib's (recursive) algorithms on a small acyclic part of the Ward 7
 * model: the order in which stories travel. Run: `npx tsx examples/graphlib-algorithm.ts`.
 */
import assert from 'node:assert/strict'

// #region algorithm
import { readFileSync } from 'node:fs'
import { alg } from '@dagrejs/graphlib'
import { decodeGraphlibId, formatModelErrors, parseModel, toGraphlib } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const ward = parsed.right

// graphlib's algorithms are recursive, so keep them to small graphs. Here: the order in
// which patients' stories and carers' concerns travel, a small acyclic part of the ward.
const experienceAssets = new Set<string>(ward.assets.filter((asset) => ['experience', 'insight'].includes(asset.kind)).map((asset) => asset.id))
const stories = toGraphlib(ward)
for (const edge of stories.edges()) {
  const channel = stories.edge(edge)
  if (channel.status !== 'active' || !channel.carries.some((id) => experienceAssets.has(id))) stories.removeEdge(edge)
}
const order: ReadonlyArray<string> = alg.isAcyclic(stories) ? alg.topsort(stories).map((node) => decodeGraphlibId(node)?.id ?? node) : []
console.log(`Stories travel: ${order.join(' → ')}`)
// #endregion algorithm

const before = (first: string, second: string): boolean => order.indexOf(first) < order.indexOf(second)
assert.ok(order.length > 0)
assert.ok(before('ward-7-patients', 'story-platform') && before('story-platform', 'ward-manager'))
assert.ok(before('carers', 'pals') && before('pals', 'ward-manager'))
assert.ok(before('experience-team', 'quality-committee'))
