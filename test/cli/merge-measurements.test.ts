import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { examplePath, hasStackTrace, healthyModel, lines, runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

const mapping = examplePath('data/ward-stage-mapping.json')
const log = readFileSync(examplePath('data/ward-events.csv'), 'utf8')
const [header, ...rows] = log.trimEnd().split('\n')
const items = [...new Set(rows.map((row) => row.split(',')[0]!))]

/** `orgintel measure --summary` of some rows of the bundled log, censored at one date for every shard. */
const summarise = async (name: string, kept: ReadonlyArray<string>): Promise<string> => {
  writeFileSync(folder.file(`${name}.csv`), `${[header, ...kept].join('\n')}\n`)
  const result = await runInProcess(['measure', wardModel, folder.file(`${name}.csv`), '--mapping', mapping, '--summary', '--observed-until', '2026-07-20', '-o', folder.file(`${name}.json`)])
  expect(result.code, result.stderr).toBe(0)
  return folder.file(`${name}.json`)
}

describe('orgintel merge of measurement summaries', () => {
  it('merges the summaries of a log split by item into exactly the summary of the whole log', async () => {
    const first = new Set(items.filter((_, index) => index % 2 === 0))
    const whole = await summarise('whole', rows)
    const left = await summarise('left', rows.filter((row) => first.has(row.split(',')[0]!)))
    const right = await summarise('right', rows.filter((row) => !first.has(row.split(',')[0]!)))
    const result = await runInProcess(['merge', right, left, '--out', folder.file('merged.json')])
    expect(result.code, result.stderr).toBe(0)
    expect(lines(result.stderr)).toEqual([`wrote ${folder.file('merged.json')}: the summary of 340 items from 2 files`])
    const merged = JSON.parse(readFileSync(folder.file('merged.json'), 'utf8')) as unknown
    expect(merged).toEqual(JSON.parse(readFileSync(whole, 'utf8')))
    // To standard output with --out -.
    const printed = await runInProcess(['merge', left, right, '--out', '-'])
    expect(JSON.parse(printed.stdout)).toEqual(merged)
    // measure reports the merged summary as it reports the whole log.
    const fromSummary = await runInProcess(['measure', wardModel, folder.file('merged.json'), '--format', 'json'])
    const fromLog = await runInProcess(['measure', wardModel, folder.file('whole.csv'), '--mapping', mapping, '--observed-until', '2026-07-20', '--format', 'json'])
    expect(fromSummary.code, fromSummary.stderr).toBe(0)
    expect({ ...(JSON.parse(fromSummary.stdout) as object), items: [] }).toEqual({ ...(JSON.parse(fromLog.stdout) as object), items: [] })
    const otherModel = await runInProcess(['measure', healthyModel, folder.file('merged.json')])
    expect(otherModel.code).toBe(1)
    expect(otherModel.stderr).toContain(`${folder.file('merged.json')}: /model: The summary measures model "ward-7-you-said-we-did", not`)
  })

  it('refuses a mixture of summaries and sweep shards, and summaries of another model', async () => {
    const summary = await summarise('one', rows.slice(0, 50))
    writeFileSync(folder.file('rows.csv'), 'run,replicate,seed,metric,value\n')
    const mixed = await runInProcess(['merge', summary, folder.file('rows.csv'), '--out', folder.file('merged.json')])
    expect(mixed.code).toBe(2)
    expect(lines(mixed.stderr)).toEqual([
      `orgintel merge: merge takes the shard files of one sweep or the measurement summaries of one log, not both: ${summary} is a measurement summary and ${folder.file('rows.csv')} is not`,
    ])
    const other = JSON.parse(readFileSync(summary, 'utf8')) as Record<string, unknown>
    writeFileSync(folder.file('other.json'), JSON.stringify({ ...other, model: 'elsewhere' }, null, 2))
    const mismatched = await runInProcess(['merge', summary, folder.file('other.json'), '--out', folder.file('merged.json')])
    expect(mismatched.code).toBe(1)
    expect(mismatched.stderr).toContain(`${folder.file('other.json')}: /model: The summaries differ in model ("ward-7-you-said-we-did" and "elsewhere"), so they cannot be merged.`)
    expect(folder.names()).not.toContain('merged.json')
  })

  it('knows a summary whose format is not first, and reports a damaged one with paths', async () => {
    const summary = await summarise('one', rows.slice(0, 50))
    const { format, ...rest } = JSON.parse(readFileSync(summary, 'utf8')) as Record<string, unknown>
    const overall = rest['overall'] as Record<string, unknown>
    writeFileSync(folder.file('damaged.json'), JSON.stringify({ ...rest, overall: { ...overall, items: 'many' }, format }))
    const result = await runInProcess(['merge', summary, folder.file('damaged.json'), '--out', folder.file('merged.json')])
    expect(result.code).toBe(1)
    expect(hasStackTrace(result.stderr)).toBe(false)
    expect(result.stderr).toContain(`${folder.file('damaged.json')}: /overall/items: The measurement summary value at /overall/items must be`)
  })
})
