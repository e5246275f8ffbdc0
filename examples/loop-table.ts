/**
 * Read the loops of a search through its table: counts and figures of every loop without
 * building a `Loop` object per loop, which is what keeps a search of hundreds of
 * thousands of loops fast. Run: `npx tsx examples/loop-table.ts`.
 */
import assert from 'node:assert/strict'

// #region table
import { readFileSync } from 'node:fs'
import { type Level, findLoops, formatModelErrors, parseModel } from 'orgintel'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const ward = parsed.right

// Every figure of a loop is in the table as soon as the search ends; read it by position.
const { table, truncated } = findLoops(ward, { maxLoops: 1_000_000 })
const loopsAtLevel = new Map<Level, number>()
let slowest = 0
for (let i = 0; i < table.size; i++) {
  for (const level of table.levelsOf(i)) loopsAtLevel.set(level, (loopsAtLevel.get(level) ?? 0) + 1)
  slowest = Math.max(slowest, table.latencyDaysOf(i))
}
console.log(`${table.size} loops${truncated ? ' (a bound left some out)' : ''}; by level:`, Object.fromEntries(loopsAtLevel))
console.log(`the slowest takes ${slowest} days`)
// Build a Loop object only for the loops you show.
if (table.size > 0) console.log(`first: ${table.loop(0).actors.join(' → ')}`)
// #endregion table

// The table holds what search.loops holds, loop for loop.
const { loops } = findLoops(ward, { maxLoops: 1_000_000 })
assert.ok(table.size >= 3)
assert.equal(loops.length, table.size)
for (const level of ['delivery', 'planning', 'strategy'] as const) {
  assert.equal(loopsAtLevel.get(level) ?? 0, loops.filter((loop) => loop.levels.includes(level)).length)
}
assert.equal(slowest, Math.max(...loops.map((loop) => loop.latencyDays)))
assert.deepEqual(table.loop(0), loops[0])
