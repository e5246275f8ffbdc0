import { quoteId } from '../model/errors.js'
import { csvColumns, type CsvColumn } from './csv-columns.js'
import type { ReadTable } from './csv-table.js'
import type { CsvTableName, InteropError } from './errors.js'
import { closestName } from '../model/suggest.js'

const unescapeSegment = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~')

const tableNames: ReadonlySet<string> = new Set<CsvTableName>(['actors', 'assets', 'channels', 'loops'])

/** `/actors/2` in a message becomes `actors row 4`, the row a spreadsheet shows. */
const rowsInMessage = (message: string, tables: ReadonlyMap<CsvTableName, ReadTable>): string =>
  message.replace(/\/(actors|assets|channels|loops)\/(\d+)\b/g, (pointer, name: string, index: string) => {
    const row = tables.get(name as CsvTableName)?.rows[Number(index)]
    return row === undefined ? pointer : `${name} row ${row}`
  })

/**
 * A message for a cell outside its column's vocabulary, in spreadsheet terms: the value
 * quoted, the word it may have meant (`Patient` → `patient`), and for a list column a
 * hint at the `|` separator when the cell holds several values joined otherwise.
 */
const vocabularyMessage = (column: CsvColumn, value: unknown): string | undefined => {
  const allowed = column.values
  if (allowed === undefined) return undefined
  const cells = Array.isArray(value) ? (value as ReadonlyArray<unknown>) : [value]
  const wrong = cells.find((cell): cell is string => typeof cell === 'string' && !allowed.includes(cell))
  if (wrong === undefined) return undefined
  const list = column.type === 'list' || column.type === 'optional-list'
  const parts = list ? wrong.split(/\s*[,;/+&]\s*|\s+and\s+|\s+/).filter((part) => part !== '') : [wrong]
  const words = parts.map((part) => (allowed.includes(part) ? part : (closestName(part, allowed) ?? part)))
  const known = `one of ${allowed.map((word) => `'${word}'`).join(', ')}`
  const what = `The '${column.name}' ${list ? 'list holds' : 'cell is'}`
  if (list && parts.length > 1 && words.every((word) => allowed.includes(word))) {
    return `${what} ${quoteId(wrong)}, which is not ${known}; separate several values with '|', as in '${words.join('|')}'.`
  }
  if (words.length === 1 && allowed.includes(words[0]!)) {
    const lower = words[0]!.toLowerCase() === wrong.toLowerCase() ? ' Values are lower case.' : ''
    return `${what} ${quoteId(wrong)}, which is not ${known}; did you mean '${words[0]}'?${lower}`
  }
  // Not a slip of a word: the cell may hold other text, such as a name in a column out
  // of place, so it is not quoted.
  return `${what} not ${known} (it holds other text; is a cell missing or out of place in this row?).`
}

/**
 * Attach the table, row and column to an error whose path points into a table, name
 * rows instead of JSON Pointers in its message, and say what is wrong with a word cell
 * in spreadsheet terms. @internal
 */
export const locate = (error: InteropError, tables: ReadonlyMap<CsvTableName, ReadTable>): InteropError => {
  const [, collection = '', index = '', field] = error.path.split('/').map(unescapeSegment)
  const table = tableNames.has(collection) ? tables.get(collection as CsvTableName) : undefined
  const row = table?.rows[Number(index)]
  if (table === undefined || row === undefined || !/^\d+$/.test(index)) return error
  const column = csvColumns[collection as CsvTableName].find((candidate) => candidate.name === field)
  const vocabulary = column === undefined || error.code !== 'invalid-value' ? undefined : vocabularyMessage(column, table.items[Number(index)]?.[column.name])
  return {
    ...error,
    message: vocabulary ?? rowsInMessage(error.message, tables),
    table: collection as CsvTableName,
    row,
    ...(column === undefined ? {} : { column: column.name }),
  }
}
