/**
 * Read a model from spreadsheet CSV (examples/data/community-*.csv), validate it and
 * print a summary. Run with `npx tsx examples/import-csv.ts`.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { fromCsv, toCsv, formatInteropErrors } from '../src/io/index.js'

const read = (table: string): string =>
  readFileSync(fileURLToPath(new URL(`./data/community-${table}.csv`, import.meta.url)), 'utf8')

// #region import
const result = fromCsv(
  { actors: read('actors'), channels: read('channels'), assets: read('assets'), loops: read('loops') },
  { id: 'community-mental-health', name: 'Community mental health team' },
)
if (result._tag === 'Left') throw new Error(formatInteropErrors(result.left))
const model = result.right
// An empty `perspective` cell takes the default for the actor's kind.
assert.equal(model.actors.find((actor) => actor.id === 'peer-workers')?.perspective, 'lay')
// Multi-valued cells are split on `|`.
assert.deepEqual(model.actors.find((actor) => actor.id === 'icb')?.levels, ['planning', 'strategy'])
// #endregion import

// #region errors
const broken = fromCsv({ actors: read('actors'), channels: 'id,from,to,level\nc1,service-users,nobody,delivery\n' })
assert.equal(broken._tag, 'Left')
if (broken._tag === 'Left') {
  // Errors name the table, the spreadsheet row (the header is row 1) and the column.
  assert.deepEqual(
    broken.left.map(({ table, row, column, code }) => ({ table, row, column, code })),
    [{ table: 'channels', row: 2, column: 'to', code: 'unknown-reference' }],
  )
}
// #endregion errors

// #region round-trip
assert.deepEqual(toCsv(fromCsvOrThrow(toCsv(model))), toCsv(model))
function fromCsvOrThrow(tables: ReturnType<typeof toCsv>) {
  const again = fromCsv(tables, { id: model.id, name: model.name })
  if (again._tag === 'Left') throw new Error(formatInteropErrors(again.left))
  return again.right
}
// #endregion round-trip

process.stdout.write(
  `${model.name}: ${model.actors.length} actors, ${model.assets.length} assets, ${model.channels.length} channels, ${model.loops.length} declared loop(s)\n`,
)
