/**
 * Hand a model back to spreadsheet users with `toCsv`, and read the tables back.
 * Run with `npx tsx examples/csv-round-trip.ts`.
 */
import assert from 'node:assert/strict'

// #region round-trip
import { readFileSync } from 'node:fs'
import { formatModelErrors, parseModel } from 'orgintel'
import { formatInteropErrors, fromCsv, toCsv } from 'orgintel/io'

const parsed = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (parsed._tag === 'Left') throw new Error(formatModelErrors(parsed.left))
const ward = parsed.right

const tables = toCsv(ward) // { actors, assets, channels, loops }: one CSV text each
console.log(tables.channels.split('\n').slice(0, 3).join('\n'))
// The model's own id, name and description are not in the tables: pass them back.
const again = fromCsv(tables, { id: ward.id, name: ward.name, ...(ward.description === undefined ? {} : { description: ward.description }) })
if (again._tag === 'Left') throw new Error(formatInteropErrors(again.left))
console.log(`read back: ${again.right.actors.length} actors, ${again.right.channels.length} channels`)
// #endregion round-trip

assert.deepEqual(again.right, ward)
assert.deepEqual(toCsv(again.right), tables)
