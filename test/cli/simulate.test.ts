import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lines, runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

describe('orgintel simulate', () => {
  it('gives byte-identical output for the same seed, and different output for another', async () => {
    const first = await runInProcess(['simulate', wardModel, '--days', '120', '--seed', '42'])
    const second = await runInProcess(['simulate', wardModel, '--days', '120', '--seed', '42'])
    const other = await runInProcess(['simulate', wardModel, '--days', '120', '--seed', '43'])
    expect(first.code).toBe(0)
    expect(first.stdout).toBe(second.stdout)
    expect(first.stdout).not.toBe(other.stdout)
    const result = JSON.parse(first.stdout) as { seed: number; days: number; metrics: { experiencesRaised: number }; series: unknown[] }
    expect(result.seed).toBe(42)
    expect(result.days).toBe(120)
    expect(result.metrics.experiencesRaised).toBeGreaterThan(0)
  })

  it('writes the daily series as CSV to a file named *.csv', async () => {
    const out = folder.file('series.csv')
    const result = await runInProcess(['simulate', wardModel, '--days', '30', '--seed=-7', '-o', out])
    expect(result.code).toBe(0)
    const rows = lines(readFileSync(out, 'utf8'))
    expect(rows[0]).toBe('day,level,experiencesRaised,inFlight,responsesReturned,changesMade,lessonsRecorded')
    // the ward's actors work at two levels: one row per day and level
    expect(rows).toHaveLength(1 + 30 * 2)
    expect(rows[1]).toMatch(/^0,delivery,\d+,\d+,\d+,\d+,\d+$/)
    expect(folder.names()).toEqual(['series.csv'])
  })

  it('applies parameters and interventions from files, a byte order mark or not', async () => {
    writeFileSync(folder.file('quiet.json'), `\ufeff${JSON.stringify({ raiseRate: 0 })}`)
    const quiet = await runInProcess(['simulate', wardModel, '--days', '60', '--seed', '1', '--parameters', folder.file('quiet.json')])
    expect(JSON.parse(quiet.stdout).metrics.experiencesRaised).toBe(0)
    writeFileSync(folder.file('changes.json'), JSON.stringify([{ day: 0, kind: 'remove-actor', actor: 'ward-teem' }]))
    const out = folder.file('result.json')
    const result = await runInProcess(['simulate', wardModel, '--days', '10', '--seed', '1', '--interventions', folder.file('changes.json'), '-o', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("options: /interventions/0/actor: No actor has the id 'ward-teem'. Did you mean 'ward-team'? [unknown-actor]")
    expect(result.stdout).toBe('')
    expect(folder.names()).not.toContain('result.json')
  })

  it('refuses a misspelt parameter with a suggestion instead of running on the default', async () => {
    writeFileSync(folder.file('params.json'), JSON.stringify({ raiseRte: 0.5, actors: [{ actor: 'ward-manager', respnd: 1 }] }))
    const result = await runInProcess(['simulate', wardModel, '--days', '10', '--seed', '1', '--parameters', folder.file('params.json')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("options: /parameters/raiseRte: 'raiseRte' at /parameters/raiseRte is not an option here. Did you mean 'raiseRate'? [unknown-option]")
    expect(result.stderr).toContain("/parameters/actors/0/respnd: 'respnd' at /parameters/actors/0/respnd is not an option here. Did you mean 'respond'?")
  })

  it('exits 1 with the JSON Pointer of a bad parameter, writing nothing', async () => {
    writeFileSync(folder.file('params.json'), JSON.stringify({ respond: 1.5, actors: [{ actor: 'ward-team', act: 'often' }] }))
    const out = folder.file('result.json')
    const result = await runInProcess(['simulate', wardModel, '--days', '10', '--seed', '1', '--parameters', folder.file('params.json'), '-o', out])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${folder.file('params.json')}: /respond: `)
    expect(result.stderr).toContain(`${folder.file('params.json')}: /actors/0/act: `)
    expect(lines(result.stderr).at(-1)).toBe(`orgintel simulate: ${folder.file('params.json')} is not a valid set of simulation parameters`)
    expect(folder.names()).toEqual(['params.json'])
  })

  it.each([
    [['simulate', wardModel, '--seed', '1'], 'orgintel simulate: --days is required (how many days to simulate)'],
    [['simulate', wardModel, '--days', '10'], 'orgintel simulate: --seed is required (a whole number; the same seed gives the same result)'],
    [['simulate', wardModel, '--days=-3', '--seed', '1'], 'orgintel simulate: --days must be a whole number, 0 or more (got "-3")'],
    [['simulate', wardModel, '--days', '10000000', '--seed', '1'], 'orgintel simulate: --days must be at most 100000 (about 270 years; got 10000000)'],
    [['simulate', wardModel, '--days', '-3', '--seed', '1'], 'orgintel simulate: --days needs a value (to pass one that starts with "-", write --days=VALUE); see --help'],
    [['simulate', wardModel, '--days', '10', '--seed', '1.5'], 'orgintel simulate: --seed must be a whole number (got "1.5")'],
    [['simulate', wardModel, '--days', '10', '--seed', '1', '--format', 'xml'], 'orgintel simulate: --format must be one of json, csv (got "xml")'],
    [['simulate', '-', '--days', '1', '--seed', '1', '--parameters', '-'], 'orgintel simulate: only one input can come from standard input (-)'],
  ])('exits 2 for %j', async (argv, message) => {
    const result = await runInProcess(argv)
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([message])
  })
})
