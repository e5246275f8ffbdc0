/**
 * `orgintel import --from csv` as a spreadsheet user meets it (issue 15, items 3 and 7):
 * the files are read as bytes, so a Windows-1252 file is refused at its row and a UTF-16
 * file is read; every message starts with the file it is about; an extra column is a
 * warning naming it, not a refusal.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lines, runInProcess, scratchFolder } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

const actors = 'id,name,kind,levels\np,Café group,community-group,delivery\nc,Clinic,clinician,delivery\n'
const channels = 'id,from,to,level\nx,p,c,delivery\n'

const importCsv = (actorsFile: string, channelsFile: string) =>
  runInProcess(['import', '--from', 'csv', '--actors', actorsFile, '--channels', channelsFile, '-o', folder.file('model.json')])

describe('orgintel import --from csv', () => {
  it('refuses a Windows-1252 file at its row, the message starting with the file name', async () => {
    writeFileSync(folder.file('actors.csv'), Buffer.from(actors, 'latin1'))
    writeFileSync(folder.file('channels.csv'), channels)
    const result = await importCsv(folder.file('actors.csv'), folder.file('channels.csv'))
    expect(result.code).toBe(1)
    expect(lines(result.stderr)[0]).toBe(
      `${folder.file('actors.csv')} row 2: The actors table is not UTF-8 text: row 2 (byte 26) has a byte that UTF-8 does not allow. It may be saved as Windows-1252 or Latin-1: save it as "CSV UTF-8". [invalid-csv]`,
    )
    expect(result.stderr).not.toMatch(/^csv: /m)
    expect(folder.names()).toEqual(['actors.csv', 'channels.csv'])
  })

  it('reads a UTF-16 file with a byte order mark', async () => {
    writeFileSync(folder.file('actors.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(actors, 'utf16le')]))
    writeFileSync(folder.file('channels.csv'), channels)
    const result = await importCsv(folder.file('actors.csv'), folder.file('channels.csv'))
    expect(result.code).toBe(0)
    expect(readFileSync(folder.file('model.json'), 'utf8')).toContain('"Café group"')
  })

  it('says a semicolon-separated file uses semicolons, not that it has no id column', async () => {
    writeFileSync(folder.file('actors.csv'), actors.replace(/,/g, ';'))
    writeFileSync(folder.file('channels.csv'), channels)
    const result = await importCsv(folder.file('actors.csv'), folder.file('channels.csv'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${folder.file('actors.csv')} row 1: The actors table separates its cells with ';' (semicolons)`)
    expect(result.stderr).not.toContain("no 'id' column")
  })

  it('imports a file with a notes column, warning that the column is ignored', async () => {
    writeFileSync(folder.file('actors.csv'), actors.replace('levels\n', 'levels,notes\n'))
    writeFileSync(folder.file('channels.csv'), channels)
    const result = await importCsv(folder.file('actors.csv'), folder.file('channels.csv'))
    expect(result.code).toBe(0)
    expect(lines(result.stderr)[0]).toBe(
      `warning: ${folder.file('actors.csv')} row 1, column 5: The actors table's column 'notes' (column 5) is not one orgintel reads; it is ignored. [unknown-column]`,
    )
  })

  it('points a repeated id at its file and row, and names no parser code', async () => {
    writeFileSync(folder.file('actors.csv'), `${actors}p,Again,patient,delivery\n`)
    writeFileSync(folder.file('channels.csv'), 'id,from,to,level\nx,p,"c,delivery\n')
    const result = await importCsv(folder.file('actors.csv'), folder.file('channels.csv'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${folder.file('channels.csv')} row 2: The channels CSV cannot be read at row 2: a quoted cell is never closed`)
    expect(result.stderr).not.toContain('MissingQuotes')
    const fixed = 'id,from,to,level\nx,p,c,delivery\n'
    writeFileSync(folder.file('channels.csv'), fixed)
    const again = await importCsv(folder.file('actors.csv'), folder.file('channels.csv'))
    expect(again.stderr).toContain(`${folder.file('actors.csv')} row 4, column id: The actor id 'p' is used more than once (first at actors row 2). [duplicate-id]`)
  })
})
