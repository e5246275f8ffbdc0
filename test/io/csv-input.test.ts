/**
 * CSV input as a spreadsheet user gives it (issue 15, items 3, 5 and 7): bytes in other
 * encodings, `;` separators, words in the wrong case, lists joined the wrong way, extra
 * columns and repeated ids, each reported in the file's own terms: its name, its row.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { formatInteropErrors, fromCsv, importCsv } from '../../src/io/index.js'

const actors = 'id,name,kind,levels\np,Café group,community-group,delivery\nc,Clinic,clinician,delivery\n'
const channels = 'id,from,to,level\nx,p,c,delivery\n'

const utf16 = (text: string, endian: 'le' | 'be'): Uint8Array => {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    bytes.set(endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff], 2 + i * 2)
  }
  return bytes
}

/** The text as Windows-1252 bytes (for the Latin-1 range it uses here). */
const windows1252 = (text: string): Uint8Array => Uint8Array.from(text, (character) => character.charCodeAt(0))

const errorsOf = (result: E.Either<ReadonlyArray<{ readonly code: string; readonly message: string }>, unknown>) => (E.isLeft(result) ? result.left : [])

describe('CSV tables given as bytes', () => {
  it('reads UTF-8 bytes, with or without a byte order mark', () => {
    const bytes = new TextEncoder().encode(actors)
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
    for (const input of [bytes, withMark]) {
      const result = fromCsv({ actors: input, channels })
      expect(E.isRight(result) && result.right.actors[0]!.name).toBe('Café group')
    }
  })

  it('reads UTF-16 with a byte order mark, little- and big-endian', () => {
    for (const endian of ['le', 'be'] as const) {
      const result = fromCsv({ actors: utf16(actors, endian), channels: utf16(channels, endian) })
      expect(E.isRight(result) && result.right.actors.map((actor) => actor.name)).toEqual(['Café group', 'Clinic'])
    }
  })

  it('refuses bytes that are not UTF-8 (a Windows-1252 file), naming the row', () => {
    const result = importCsv({ actors: windows1252(actors), channels }, { files: { actors: 'people.csv' } })
    expect(result.model).toBeUndefined()
    expect(result.errors).toEqual([
      {
        code: 'invalid-csv',
        path: '',
        table: 'actors',
        file: 'people.csv',
        row: 2,
        message: 'The actors table is not UTF-8 text: row 2 (byte 26) has a byte that UTF-8 does not allow. It may be saved as Windows-1252 or Latin-1: save it as "CSV UTF-8".',
      },
    ])
    expect(formatInteropErrors(result.errors)).toMatch(/^people\.csv row 2: The actors table is not UTF-8 text/)
  })

  it('refuses overlong forms, surrogates and truncated sequences as not UTF-8', () => {
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf5, 0x80, 0x80, 0x80]]) {
      const bytes = new Uint8Array([...new TextEncoder().encode('id,name,kind,levels\np,'), ...bad])
      expect(errorsOf(fromCsv({ actors: bytes, channels })).map((error) => error.message)).toEqual([expect.stringContaining('is not UTF-8 text: row 2')])
    }
  })
})

describe('CSV messages in the spreadsheet user\'s terms', () => {
  it('says when a table separates its cells with semicolons', () => {
    const errors = errorsOf(fromCsv({ actors: actors.replace(/,/g, ';'), channels }))
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-csv', table: 'actors', row: 1, message: expect.stringContaining("separates its cells with ';' (semicolons)") })])
  })

  it('describes bad quoting in words, without the parser\'s codes', () => {
    const errors = errorsOf(fromCsv({ actors: 'id,name,kind,levels\na,"unclosed,patient,delivery\n', channels }))
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining('a quoted cell is never closed')])
    expect(errors.map((error) => error.message).join('\n')).not.toMatch(/MissingQuotes|InvalidQuotes|\(\w+Quotes\)/)
  })

  it('quotes a word in the wrong case with the word it meant', () => {
    const errors = errorsOf(fromCsv({ actors: actors.replace('clinician', 'Clinician'), channels }))
    expect(errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'kind',
        message: expect.stringMatching(/^The 'kind' cell is 'Clinician', which is not one of 'patient', .*; did you mean 'clinician'\? Values are lower case\.$/),
      }),
    ])
  })

  it('hints at the | separator in a list joined another way', () => {
    for (const joined of ['"delivery, planning"', 'delivery;planning', 'delivery and planning']) {
      const errors = errorsOf(fromCsv({ actors: actors.replace('clinician,delivery', `clinician,${joined}`), channels }))
      expect(errors.map((error) => error.message)).toEqual([expect.stringContaining("separate several values with '|', as in 'delivery|planning'.")])
    }
  })

  it('does not quote a cell that is no slip of a word (a name in a column out of place)', () => {
    const errors = errorsOf(fromCsv({ actors: 'id,name,kind,levels\np,Patients,Jo Bloggs,delivery\n', channels: 'id,from,to,level\n' }))
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining("The 'kind' cell is not one of")])
    expect(errors[0]!.message).not.toContain('Bloggs')
  })

  it('points a repeated id at its file and rows, not at a JSON Pointer', () => {
    const result = importCsv({ actors: `${actors}p,Again,patient,delivery\n`, channels }, { files: { actors: 'actors.csv' } })
    expect(result.errors).toEqual([expect.objectContaining({ code: 'duplicate-id', file: 'actors.csv', table: 'actors', row: 4, column: 'id' })])
    expect(formatInteropErrors(result.errors)).toBe("actors.csv row 4, column id: The actor id 'p' is used more than once (first at actors row 2). [duplicate-id]")
  })

  it('reads a table with an extra column, warning that it is ignored and naming it', () => {
    const withNotes = 'id,name,kind,levels,notes\np,Patients,patient,delivery,call back Tuesday\nc,Clinic,clinician,delivery,\n'
    const result = importCsv({ actors: withNotes, channels }, { files: { actors: 'actors.csv' } })
    expect(result.errors).toEqual([])
    expect(result.model?.actors.map((actor) => actor.id)).toEqual(['p', 'c'])
    expect(JSON.stringify(result.model)).not.toContain('Tuesday')
    expect(formatInteropErrors(result.warnings)).toBe("actors.csv row 1, column 5: The actors table's column 'notes' (column 5) is not one orgintel reads; it is ignored. [unknown-column]")
    expect(E.isRight(fromCsv({ actors: withNotes, channels }))).toBe(true)
  })

  it('still refuses a mistyped heading, with the column it meant', () => {
    const errors = errorsOf(fromCsv({ actors: actors.replace('levels', 'levles'), channels }))
    expect(errors.map((error) => [error.code, error.message])).toEqual([
      ['unknown-column', "The actors table's heading 'levles' in column 4 is not a column; did you mean 'levels'?"],
      ['missing-column', "The actors table has no 'levels' column."],
    ])
  })
})
