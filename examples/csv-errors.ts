/**
 * A spreadsheet with a mistake in it: the import names the table, the row and the
 * column. Run with `npx tsx examples/csv-errors.ts`.
 */
import assert from 'node:assert/strict'

// #region errors
import { readFileSync } from 'node:fs'
import { formatInteropErrors, fromCsv } from 'orgintel/io'

const actors = readFileSync('examples/data/community-actors.csv', 'utf8')
const broken = fromCsv({ actors, channels: 'id,from,to,level\nc1,service-users,nobody,delivery\n' })
// Errors name the table, the spreadsheet row (the header is row 1) and the column.
if (broken._tag === 'Left') console.log(formatInteropErrors(broken.left))
// #endregion errors

assert.ok(broken._tag === 'Left')
assert.deepEqual(
  broken.left.map(({ table, row, column, code }) => ({ table, row, column, code })),
  [{ table: 'channels', row: 2, column: 'to', code: 'unknown-reference' }],
)
