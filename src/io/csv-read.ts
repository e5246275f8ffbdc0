import * as E from 'fp-ts/lib/Either.js'
import type { Model } from '../model/codecs.js'
import { decodeModel } from '../model/decode.js'
import type { ModelError } from '../model/errors.js'
import { csvBytesText } from './csv-bytes.js'
import { locate } from './csv-locate.js'
import { readTable, type ReadTable } from './csv-table.js'
import { asInteropErrors, type CsvTableName, type InteropError } from './errors.js'

/**
 * CSV tables to read, as text or as the bytes of a file (UTF-8, or UTF-16 with a byte
 * order mark). `actors` and `channels` are required; `assets` and `loops` may be left
 * out (no assets, no declared loops).
 * @category Interop
 */
export interface CsvInput {
  readonly actors: string | Uint8Array
  readonly channels: string | Uint8Array
  readonly assets?: string | Uint8Array
  readonly loops?: string | Uint8Array
}

/** Model-level fields, which the tables do not hold, and the names of the files. @category Interop */
export interface CsvImportOptions {
  /** The model's id (default `csv-import`). */
  readonly id?: string
  /** The model's name (default `Imported from CSV`). */
  readonly name?: string
  readonly description?: string
  /** The file each table came from, set as `file` on its errors and warnings so messages can start with it. */
  readonly files?: Readonly<Partial<Record<CsvTableName, string>>>
}

/**
 * The result of {@link importCsv}: the model when the tables describe a valid one (and
 * `errors` is empty), and what is only worth a warning, such as a column orgintel does
 * not read (a spreadsheet's `notes`), which is ignored.
 * @category Interop
 */
export interface CsvImport {
  readonly model?: Model
  readonly errors: ReadonlyArray<InteropError>
  readonly warnings: ReadonlyArray<InteropError>
}

const describeInput = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`

// By tag rather than `instanceof`, so a Buffer or a Uint8Array from another realm counts.
const isBytes = (value: unknown): value is Uint8Array => Object.prototype.toString.call(value) === '[object Uint8Array]'

/** The text of a table, or `undefined` after adding why there is none to `errors`. */
const tableText = (name: CsvTableName, input: unknown, errors: InteropError[]): string | undefined => {
  if (typeof input === 'string') return input
  // Untyped callers (JavaScript, parsed JSON) can pass anything; only text or bytes is a table.
  if (!isBytes(input)) {
    errors.push({ code: 'invalid-csv', path: '', table: name, message: `The ${name} table must be CSV text or bytes, but it is ${describeInput(input)}.` })
    return undefined
  }
  const decoded = csvBytesText(input)
  if ('text' in decoded) return decoded.text
  const { row, byte } = decoded.invalidAt
  errors.push({
    code: 'invalid-csv',
    path: '',
    table: name,
    row,
    message: `The ${name} table is not UTF-8 text: row ${row} (byte ${byte}) has a byte that UTF-8 does not allow. It may be saved as Windows-1252 or Latin-1: save it as "CSV UTF-8".`,
  })
  return undefined
}

const withFile = (file: string | undefined) => (error: InteropError): InteropError =>
  file === undefined || error.table === undefined ? error : { ...error, file }

/**
 * Read a model from spreadsheet CSV (the texts {@link toCsv} writes). The first row of
 * each table is a header; column names are matched ignoring case and order:
 *
 * - `actors`: `id`, `name`, `kind`, `levels` (required), `perspective`, `tags`;
 * - `channels`: `id`, `from`, `to`, `level` (required), `carries`, `status`,
 *   `latencyDays`, `reliability`, `polarity` (`+` or `-`);
 * - `assets`: `id`, `name`, `kind`, `holder` (required), `acknowledged` (`true`/`false`);
 * - `loops`: `id`, `name`, `level`, `through` (required), `maxLatencyDays`.
 *
 * `levels`, `tags`, `carries` and `through` hold several values separated by `|`;
 * write `\|` for a bar and `\\` for a backslash inside a value. An empty cell means
 * "not given" (the model's default applies). Blank rows are skipped. A leading `'`
 * before `=`, `+`, `-`, `@`, tab or CR (added by `toCsv` against formula injection) is
 * removed. The model is validated by `decodeModel`; every error carries its table, its
 * spreadsheet row (the header is row 1) and its column where it has one, so
 * `/channels/3/to` is reported as channels row 5, column `to`, and a message's
 * pointers name rows too (a repeated id says `first at actors row 2`). A word outside
 * its column's vocabulary is quoted with the word it may have meant (`Patient` →
 * `patient`), and for a list column with a hint at the `|` separator.
 *
 * Tables can be given as bytes: UTF-8 (a byte order mark is dropped) or UTF-16 with its
 * byte order mark; bytes that are not UTF-8 (a file saved as Windows-1252) are an
 * `invalid-csv` error naming the row, never read as mistaken characters. A table whose
 * cells are separated by `;` or tabs is an `invalid-csv` error that says so. A column
 * orgintel does not read (such as `notes`) is ignored with an `unknown-column` warning
 * naming it; a heading close to a known column (`levles`) or, in a table that lacks a
 * required column, any unknown heading is an error. A table given as anything but text
 * or bytes (from untyped JavaScript or JSON) is an `invalid-csv` error for that table,
 * never a throw. O(size of the text).
 * @category Interop
 */
export const importCsv = (input: CsvInput, options: CsvImportOptions = {}): CsvImport => {
  const errors: InteropError[] = []
  const warnings: InteropError[] = []
  const tables = new Map<CsvTableName, ReadTable>()
  const given: Partial<Record<CsvTableName, unknown>> = typeof input === 'object' && input !== null ? input : {}
  const names: ReadonlyArray<CsvTableName> = ['actors', 'assets', 'channels', 'loops']
  for (const name of names) {
    if (given[name] === undefined) continue
    const text = tableText(name, given[name], errors)
    if (text !== undefined) tables.set(name, readTable(name, text, errors, warnings))
  }
  const named = (list: ReadonlyArray<InteropError>): ReadonlyArray<InteropError> => list.map((error) => withFile(error.table === undefined ? undefined : options.files?.[error.table])(error))
  if (errors.length > 0) return { errors: named(errors), warnings: named(warnings) }
  const document = {
    schema: 'orgintel/v2',
    id: options.id ?? 'csv-import',
    name: options.name ?? 'Imported from CSV',
    ...(options.description === undefined ? {} : { description: options.description }),
    actors: tables.get('actors')?.items ?? [],
    assets: tables.get('assets')?.items ?? [],
    channels: tables.get('channels')?.items ?? [],
    loops: tables.get('loops')?.items ?? [],
  }
  const decoded = decodeModel(document)
  if (E.isRight(decoded)) return { model: decoded.right, errors: [], warnings: named(warnings) }
  const located = asInteropErrors(decoded.left as ReadonlyArray<ModelError>).map((error) => locate(error, tables))
  return { errors: named(located), warnings: named(warnings) }
}

/**
 * Read a model from spreadsheet CSV as {@link importCsv} does, with its errors in a
 * `Left` and its warnings dropped.
 * @example
 * {@includeCode ../../examples/import-csv.ts#import}
 * @category Interop
 */
export const fromCsv = (input: CsvInput, options: CsvImportOptions = {}): E.Either<ReadonlyArray<InteropError>, Model> => {
  const result = importCsv(input, options)
  return result.model === undefined ? E.left(result.errors) : E.right(result.model)
}
