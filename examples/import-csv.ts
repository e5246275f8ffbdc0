/**
 * Read a model from spreadsheet CSV (examples/data/community-*.csv), validate it and
 * print a summary. Run with `npx tsx examples/import-csv.ts`.
 */
import assert from 'node:assert/strict'

// #region import
import { readFileSync } from 'node:fs'
import { formatInteropErrors, fromCsv } from 'orgintel/io'

const read = (table: string): string => readFileSync(`examples/data/community-${table}.csv`, 'utf8')
const result = fromCsv(
  { actors: read('actors'), channels: read('channels'), assets: read('assets'), loops: read('loops') },
  { id: 'community-mental-health', name: 'Community mental health team' },
)
if (result._tag === 'Left') throw new Error(formatInteropErrors(result.left))
const model = result.right
console.log(`${model.name}: ${model.actors.length} actors, ${model.assets.length} assets, ${model.channels.length} channels`)
// An empty `perspective` cell takes the default for the actor's kind; multi-valued cells are split on `|`.
console.log(model.actors.map((actor) => `${actor.id}: ${actor.perspective}, ${actor.levels.join(' and ')}`))
// #endregion import

assert.equal(model.actors.find((actor) => actor.id === 'peer-workers')?.perspective, 'lay')
assert.deepEqual(model.actors.find((actor) => actor.id === 'icb')?.levels, ['planning', 'strategy'])
