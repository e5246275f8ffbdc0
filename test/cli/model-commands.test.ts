import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hasStackTrace, healthyModel, lines, runInProcess, scratchFolder, wardModel } from './harness.js'

const wardJson = (): { channels: Array<Record<string, unknown>>; actors: Array<Record<string, unknown>> } =>
  JSON.parse(readFileSync(wardModel, 'utf8'))

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

const writeModel = (name: string, edit: (model: ReturnType<typeof wardJson>) => void): string => {
  const model = wardJson()
  edit(model)
  writeFileSync(folder.file(name), JSON.stringify(model))
  return folder.file(name)
}

describe('orgintel validate', () => {
  it('accepts a valid model and summarises it by id', async () => {
    const result = await runInProcess(['validate', wardModel])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`${wardModel}: valid orgintel/v2 model 'ward-7-you-said-we-did': 8 actors, 10 assets, 11 channels, 2 declared loops, 2 warnings\n`)
  })

  it('exits 1 with the JSON Pointer of every broken reference', async () => {
    const path = writeModel('broken.json', (model) => {
      model.channels[3]!['to'] = 'nobody'
      model.channels[5]!['from'] = 'no-one'
    })
    const result = await runInProcess(['validate', path])
    expect(result.code).toBe(1)
    const errors = lines(result.stderr)
    expect(errors.some((line) => line.startsWith(`${path}: /channels/3/to: `))).toBe(true)
    expect(errors.some((line) => line.startsWith(`${path}: /channels/5/from: `))).toBe(true)
    expect(errors.at(-1)).toBe(`orgintel validate: ${path} is not a valid orgintel/v2 model`)
    expect(hasStackTrace(result.stderr)).toBe(false)
  })

  it('reports a shape error with its path and keeps names out of messages', async () => {
    const path = writeModel('shape.json', (model) => {
      model.actors[0]!['kind'] = 'alien'
    })
    const result = await runInProcess(['validate', path])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${path}: /actors/0/kind: `)
    expect(result.stderr).not.toContain('Ward 7 patients')
  })

  it('exits 1 for text that is not JSON', async () => {
    writeFileSync(folder.file('bad.json'), '{"schema": ')
    const result = await runInProcess(['validate', folder.file('bad.json')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[invalid-json]')
  })
})

describe('orgintel diagnose', () => {
  it('--apply-repairs writes the repaired model and says what it added and what it brought back', async () => {
    const out = folder.file('repaired.json')
    const result = await runInProcess(['diagnose', 'examples/models/acute-ward-fft.json', '--apply-repairs', '-o', out, '--fail-on', 'never'])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^examples\/models\/acute-ward-fft\.json: added \d+ channels? and \d+ assets?, brought back 2 channels; errors 1 -> 0, warnings \d+ -> \d+\n$/)
    const repaired = JSON.parse(readFileSync(out, 'utf8')) as { channels: Array<{ id: string; status: string }> }
    expect(repaired.channels.filter((channel) => channel.id === 'themes-to-ward' || channel.id === 'ysywd-board').map((channel) => channel.status)).toEqual(['active', 'active'])
  })

  it('--apply-repairs counts the running channels its repairs put more on', async () => {
    const result = await runInProcess(['diagnose', 'examples/models/icb-quality-committee.json', '--apply-repairs', '-o', folder.file('icb-repaired.json'), '--fail-on', 'never'])
    expect(result.stderr).toMatch(/, used 4 running channels; errors 0 -> 0/)
  })

  type Document = { schema: string; channels: Array<Record<string, unknown>>; assets: Array<Record<string, unknown>> }
  const repairedFrom = async (input: Document): Promise<Document> => {
    const path = folder.file('in.json')
    writeFileSync(path, JSON.stringify(input))
    const out = folder.file('repaired.json')
    expect((await runInProcess(['diagnose', path, '--apply-repairs', '-o', out, '--fail-on', 'never'])).code).toBe(0)
    return JSON.parse(readFileSync(out, 'utf8')) as Document
  }

  it('--apply-repairs changes only what the repairs change in the document as written, defaults left unwritten', async () => {
    const input = JSON.parse(readFileSync('examples/models/acute-ward-fft.json', 'utf8')) as Document
    const output = await repairedFrom(input)
    expect({ ...output, channels: [], assets: [] }).toEqual({ ...input, channels: [], assets: [] })
    expect(output.assets.slice(0, input.assets.length)).toEqual(input.assets)
    // The two lapsed channels come back, listing what they listed and then what the repairs add; nothing else changes.
    const changed = input.channels.flatMap((channel, i) => (JSON.stringify(channel) === JSON.stringify(output.channels[i]) ? [] : [i]))
    expect(changed.map((i) => input.channels[i]!['id'])).toEqual(['themes-to-ward', 'ysywd-board'])
    for (const i of changed) {
      const carries = output.channels[i]!['carries'] as string[]
      expect(output.channels[i]).toEqual({ ...input.channels[i], status: 'active', carries })
      expect(carries.slice(0, (input.channels[i]!['carries'] as string[]).length)).toEqual(input.channels[i]!['carries'])
    }
    const added = [...output.channels.slice(input.channels.length), ...output.assets.slice(input.assets.length)]
    expect(added.length).toBeGreaterThan(0)
    for (const item of added) expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['status', 'acknowledged', 'latencyDays', 'reliability']))
    // What the repairs create is named as a modeller would name it, from the names of what it is about.
    expect(output.assets.find((asset) => asset['id'] === 'performance-report-reply')?.['name']).toBe('Reply to Ward patients: what became of FFT ratings')
  })

  it('--apply-repairs writes a v1 document back as v2, changing nothing else it did not repair', async () => {
    const input = { ...(JSON.parse(readFileSync(wardModel, 'utf8')) as Document), schema: 'orgintel/v1' }
    const output = await repairedFrom(input)
    expect(output.schema).toBe('orgintel/v2')
    expect(Object.keys(output)).toEqual(Object.keys(input))
    expect(output.assets.slice(0, input.assets.length)).toEqual(input.assets)
  })

  it.each([
    // ward: 2 errors, 12 warnings, 2 notes; healthy reference: notes only
    [wardModel, 'error', 1],
    [wardModel, 'never', 0],
    [healthyModel, 'error', 0],
    [healthyModel, 'warning', 0],
    [healthyModel, 'info', 1],
  ])('%s with --fail-on %s exits %i', async (model, failOn, code) => {
    const result = await runInProcess(['diagnose', model, '--fail-on', failOn, '--format', 'json'])
    expect(result.code).toBe(code)
    expect(JSON.parse(result.stdout)).toHaveProperty('defects')
  })

  it('fails on error by default, and passes when a config turns the failing rules off', async () => {
    expect((await runInProcess(['diagnose', wardModel])).code).toBe(1)
    const config = folder.file('rules.json')
    writeFileSync(config, JSON.stringify({ rules: { 'acted-not-reported': 'off', 'declared-loop-broken': 'warning' } }))
    const result = await runInProcess(['diagnose', wardModel, '--config', config])
    expect(result.stdout).not.toMatch(/^\s+error\s/m)
    expect(result.code).toBe(0)
  })

  it('rejects an invalid config like any invalid input: its path, a stable code and exit code 1', async () => {
    const config = folder.file('rules.json')
    writeFileSync(config, JSON.stringify({ rules: { 'no-such-rule': 'off' } }))
    const result = await runInProcess(['diagnose', wardModel, '--config', config])
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toEqual([
      `${config}: /rules/no-such-rule: No rule has the id "no-such-rule". [unknown-rule]`,
      `orgintel diagnose: ${config} is not a valid diagnosis configuration`,
    ])
  })

  it('writes the report to a file with -o, names only with --names', async () => {
    const out = folder.file('report.md')
    const result = await runInProcess(['diagnose', wardModel, '--format', 'markdown', '-o', out, '--fail-on', 'never'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    const report = readFileSync(out, 'utf8')
    expect(report).toContain('acted-not-reported')
    expect(report).not.toContain('Carers of Ward 7 patients')
    const named = await runInProcess(['diagnose', wardModel, '--names', '--fail-on', 'never'])
    expect(named.stdout).toContain('Carers of Ward 7 patients')
  })

  it('writes nothing when the model is invalid', async () => {
    const path = writeModel('broken.json', (model) => {
      model.channels[3]!['to'] = 'nobody'
    })
    const out = folder.file('report.txt')
    const result = await runInProcess(['diagnose', path, '-o', out])
    expect(result.code).toBe(1)
    expect(folder.names()).toEqual(['broken.json'])
  })
})

describe('orgintel loops', () => {
  it('lists loops as text and as JSON', async () => {
    const text = await runInProcess(['loops', wardModel])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/^\d+ loops\n$/m)
    const json = await runInProcess(['loops', wardModel, '--format', 'json', '--through', 'ward-manager'])
    const search = JSON.parse(json.stdout) as { loops: Array<{ actors: string[] }>; truncated: boolean }
    expect(search.loops.length).toBeGreaterThan(0)
    for (const loop of search.loops) expect(loop.actors).toContain('ward-manager')
  })

  it('rejects an actor that is not in the model', async () => {
    const result = await runInProcess(['loops', wardModel, '--through', 'nobody'])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual(['orgintel loops: --through names actor "nobody", which is not in the model'])
  })
})
