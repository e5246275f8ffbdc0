import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import Papa from 'papaparse'
import { fromCsv, toCsv } from '../../src/io/index.js'
import { protectCell, unprotectCell } from '../../src/io/csv-columns.js'
import { joinList, splitList } from '../../src/io/text.js'
import type { Model } from '../../src/model/codecs.js'
import { exampleModels, expectGolden, hostileModel, wardModel } from './fixtures.js'

const metadata = (model: Model) => ({
  id: model.id,
  name: model.name,
  ...(model.description === undefined ? {} : { description: model.description }),
})

const readBack = (model: Model): Model => {
  const result = fromCsv(toCsv(model), metadata(model))
  if (result._tag === 'Left') throw new Error(JSON.stringify(result.left))
  return result.right
}

describe('toCsv and fromCsv', () => {
  it.each(exampleModels())('round-trips %s without loss and writes a fixed point', (name, model) => {
    const tables = toCsv(model)
    expect(readBack(model)).toEqual(model)
    expect(toCsv(readBack(model))).toEqual(tables)
    for (const table of ['actors', 'channels', 'assets', 'loops'] as const) expectGolden(`${name}.${table}.csv`, tables[table])
  })

  it('round-trips hostile ids and names', () => {
    const model = hostileModel()
    expect(readBack(model)).toEqual(model)
  })

  it('guards formula cells and reads them back', () => {
    const tables = toCsv(hostileModel())
    expect(tables.actors).toContain(`'=HYPERLINK(""http://x"")`)
    expect(tables.actors).toContain("'@SUM(1+1)")
    for (const text of Object.values(tables)) {
      for (const record of Papa.parse<string[]>(text).data) {
        for (const cell of record) expect(cell).not.toMatch(/^[=@\t\r]|^[+-]./)
      }
    }
  })

  it('reports errors with table, spreadsheet row and column', () => {
    const actors = 'id,name,kind,levels\np,Patients,patient,delivery\nc,Clinic,clinician,delivery\n'
    const channels = 'id,from,to,level,latencyDays\n\nc1,p,c,delivery,1\nc2,p,nobody,delivery,soon\n'
    const result = fromCsv({ actors, channels })
    expect(result._tag).toBe('Left')
    if (result._tag === 'Left') {
      // The blank line is row 2, so c2 is row 4.
      expect(result.left.map(({ table, row, column, code, path }) => ({ table, row, column, code, path }))).toEqual([
        { table: 'channels', row: 4, column: 'latencyDays', code: 'invalid-type', path: '/channels/1/latencyDays' },
        // The row's references are checked in the same pass as its shape.
        { table: 'channels', row: 4, column: 'to', code: 'unknown-reference', path: '/channels/1/to' },
      ])
    }
    const fixed = fromCsv({ actors, channels: channels.replace('soon', '2') })
    expect(fixed._tag === 'Left' && fixed.left.map(({ table, row, column, code }) => ({ table, row, column, code }))).toEqual([
      { table: 'channels', row: 4, column: 'to', code: 'unknown-reference' },
    ])
  })

  it('reports structural faults: missing and unknown columns, extra cells, bad quoting', () => {
    const result = fromCsv({ actors: 'id,name,kind,levles\n', channels: 'id,from,to,level\nc,a,b,delivery,extra\n' })
    expect(result._tag === 'Left' && result.left.map((error) => [error.table, error.code, error.row])).toEqual([
      ['actors', 'unknown-column', 1],
      ['actors', 'missing-column', 1],
      ['channels', 'extra-cell', 2],
    ])
    const quotes = fromCsv({ actors: 'id,name,kind,levels\na,"unclosed,patient,delivery\n', channels: 'id,from,to,level\n' })
    expect(quotes._tag === 'Left' && quotes.left[0]!.code).toBe('invalid-csv')
  })

  it('reports a table that is not text as invalid-csv instead of throwing (untyped input)', () => {
    const result = fromCsv({ actors: 42, channels: 'id,from,to,level\n', loops: null } as any)
    expect(result).toEqual({
      _tag: 'Left',
      left: [
        expect.objectContaining({ code: 'invalid-csv', table: 'actors', path: '', message: 'The actors table must be CSV text or bytes, but it is a number.' }),
        expect.objectContaining({ code: 'invalid-csv', table: 'loops', path: '', message: 'The loops table must be CSV text or bytes, but it is null.' }),
      ],
    })
    expect(() => fromCsv(null as any)).not.toThrow()
  })

  it('reads headers in any order and case, a BOM, CRLF, defaults for empty cells', () => {
    const result = fromCsv(
      {
        actors: '\ufeffLevels,Kind,Name,ID\r\ndelivery|planning,carer,Carers,c\r\ndelivery,manager,Manager,m\r\n',
        channels: 'id,from,to,level\r\nx,c,m,delivery\r\n',
      },
      { id: 'm1', name: 'Model one' },
    )
    expect(result._tag).toBe('Right')
    if (result._tag === 'Right') {
      expect(result.right.actors[0]).toEqual({ id: 'c', name: 'Carers', kind: 'carer', perspective: 'lay', levels: ['delivery', 'planning'], tags: [] })
      expect(result.right.channels[0]).toEqual({ id: 'x', from: 'c', to: 'm', carries: [], level: 'delivery', status: 'active' })
      expect(result.right.id).toBe('m1')
    }
  })

  it('keeps the ward model readable in a spreadsheet', () => {
    const { channels } = toCsv(wardModel())
    expect(channels.split('\n')[0]).toBe('id,from,to,carries,level,status,latencyDays,reliability,polarity')
    expect(channels).toContain('themes-to-committee,experience-team,quality-committee,story-themes|fft-scores|quality-report,planning,active,30,0.95,+')
  })
})

describe('cell encoding', () => {
  it('splits what it joins, for any values without empty-only lists', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1 }).filter((values) => !(values.length === 1 && values[0] === '')), (values) => {
        expect(splitList(joinList(values))).toEqual(values)
      }),
    )
  })

  it('unprotects what it protects', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', 'a', ' ') }), (cell) => {
        expect(unprotectCell(protectCell(cell))).toBe(cell)
        expect(protectCell(cell)).not.toMatch(/^[=@\t\r]|^[+-]./)
      }),
    )
  })
})
