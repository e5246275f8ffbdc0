import { writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lines, runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

const write = (name: string, value: unknown): string => {
  writeFileSync(folder.file(name), typeof value === 'string' ? value : JSON.stringify(value))
  return folder.file(name)
}

/** Two actors in one loop whose channels take half a day each: one of everything, one day round. */
const tinyModel = {
  schema: 'orgintel/v2',
  id: 'tiny',
  name: 'Tiny',
  actors: [
    { id: 'p', name: 'P', kind: 'patient', levels: ['delivery'] },
    { id: 'm', name: 'M', kind: 'manager', levels: ['delivery'] },
  ],
  assets: [
    { id: 's', name: 'S', kind: 'experience', holder: 'p' },
    { id: 'r', name: 'R', kind: 'response', holder: 'm', derivedFrom: ['s'] },
  ],
  channels: [
    { id: 'c1', from: 'p', to: 'm', carries: ['s'], level: 'delivery', latencyDays: 0.5 },
    { id: 'c2', from: 'm', to: 'p', carries: ['r'], level: 'delivery', latencyDays: 0.5 },
  ],
  loops: [{ id: 'l', name: 'L', level: 'delivery', through: ['p', 'm', 'p'] }],
}

/** io-ts codec names and generated type names that a user should never read. */
const codecJargon = /Probability|NonNegative|LatencyDistribution|Intervention\b|ActorParameters|AddedChannel|UnknownRecord|Function\b|\bId\b|\bLevel\b|\bstring\b|\bboolean\b|[{<|]/

describe('option files: errors in plain words, with codes', () => {
  it('describes a probability out of range without the codec name', async () => {
    const path = write('p.json', { respond: 2 })
    const result = await runInProcess(['simulate', wardModel, '--days', '1', '--seed', '1', '--parameters', path])
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toEqual([
      `${path}: /respond: '/respond' must be a number from 0 to 1, but it is 2. [invalid-option]`,
      `orgintel simulate: ${path} is not a valid set of simulation parameters`,
    ])
  })

  it('describes a negative day and names the list of interventions grammatically', async () => {
    const path = write('i.json', [{ day: 0, kind: 'remove-actor', actor: 'ward-team' }, { day: -1, kind: 'remove-actor', actor: 'ward-team' }])
    const result = await runInProcess(['simulate', wardModel, '--days', '1', '--seed', '1', '--interventions', path])
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toEqual([
      `${path}: /1/day: '/1/day' must be a number, 0 or more, but it is -1. [invalid-option]`,
      `orgintel simulate: ${path} is not a valid list of interventions`,
    ])
  })

  it('never shows a codec name, for any field of the parameters or interventions', async () => {
    const parameters = write('p.json', {
      raiseRate: -1, raiseRateByKind: { patient: 'x' }, respond: 2, capacityPerDay: 'many', latency: 'gamma', jitter: 7,
      defaultLatencyDays: -2, defaultReliability: null, maxHops: [], actors: [{ actor: '', act: 3 }, 'ward-team'],
    })
    const interventions = write('i.json', [
      { day: 'monday', kind: 'set-latency', latencyDays: -3 },
      { day: 0, kind: 'teleport' },
      { day: 0, kind: 'add-channel', channel: { from: '', to: 'a', level: 'board', carries: [1], reliability: 2, polarity: '?' } },
      { day: 0, kind: 'set-reliability', reliability: 'high', channel: '' },
      7,
    ])
    const messages = [
      ...lines((await runInProcess(['simulate', wardModel, '--days', '1', '--seed', '1', '--parameters', parameters])).stderr),
      ...lines((await runInProcess(['simulate', wardModel, '--days', '1', '--seed', '1', '--interventions', interventions])).stderr),
      ...lines((await runInProcess(['simulate', wardModel, '--days', '1', '--seed', '1', '--interventions', write('o.json', {})])).stderr),
    ].filter((line) => line.includes(' must be '))
    expect(messages.length).toBeGreaterThanOrEqual(20)
    for (const message of messages) expect(message.split(': ').slice(2).join(': ')).not.toMatch(codecJargon)
    expect(messages).toContain(`${interventions}: /1/kind: '/1/kind' must be one of add-channel, remove-actor, remove-channel, set-reliability, set-latency, but it is text. [invalid-option]`)
    expect(messages).toContain(`${folder.file('o.json')}: (document): The document must be a list of interventions, but it is an object. [invalid-option]`)
  })
})

describe('diagnose --config: invalid input like any other', () => {
  it('gives every error line a stable code and exits 1', async () => {
    const config = write('rules.json', { names: 'yes', loops: { maxLength: 0 } })
    const result = await runInProcess(['diagnose', wardModel, '--config', config])
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toEqual([
      `${config}: /loops/maxLength: The config value at /loops/maxLength must be a whole number, 1 or more, but it is 0. [invalid-config]`,
      `${config}: /names: The config value at /names must be true or false, but it is "yes". [invalid-config]`,
      `orgintel diagnose: ${config} is not a valid diagnosis configuration`,
    ])
    const second = await runInProcess(['diagnose', wardModel, '--config', write('rules2.json', { loops: { depth: 3 }, rules: { 'slow-loop': 'loud', nope: 'off' } })])
    expect(second.code).toBe(1)
    const codes = lines(second.stderr).slice(0, -1).map((line) => /\[([a-z-]+)\]$/.exec(line)?.[1])
    expect(codes.sort()).toEqual(['invalid-setting', 'unknown-field', 'unknown-rule'])
  })

  it('exits 1 for a config that is not JSON, as for a model', async () => {
    const config = write('rules.json', '{ rules: ')
    const result = await runInProcess(['diagnose', wardModel, '--config', config])
    expect(result.code).toBe(1)
    expect(lines(result.stderr).at(-1)).toMatch(new RegExp(`^orgintel diagnose: ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the configuration is not valid JSON`))
  })
})

describe('counts in the output agree with their nouns', () => {
  it('says "1 declared loop", "1 loop" and "1 day"', async () => {
    const model = write('tiny.json', tinyModel)
    const validate = await runInProcess(['validate', model])
    expect(validate.stdout).toBe(`${model}: valid orgintel/v2 model 'tiny': 2 actors, 2 assets, 2 channels, 1 declared loop, 0 warnings\n`)
    const loops = await runInProcess(['loops', model])
    expect(lines(loops.stdout)).toEqual(['m -> p -> m  [single loop; delivery; 1 lay, 1 professional; 1 day; reliability 1.000; unknown]', '1 loop'])
    const diagnosis = await runInProcess(['diagnose', model, '--fail-on', 'never'])
    expect(diagnosis.stdout).toContain('round trip median 1 day, worst 1 day')
    const simulation = await runInProcess(['simulate', model, '--days', '1', '--seed', '1', '-o', folder.file('run.json')])
    expect(simulation.stderr).toBe(`wrote ${folder.file('run.json')}: 1 day, 0 experiences raised\n`)
  })

  it('says "1 option does not fit" and "1 run", "1 file"', async () => {
    const model = write('tiny.json', tinyModel)
    const interventions = write('i.json', [{ day: 0, kind: 'remove-actor', actor: 'nobody' }])
    const simulation = await runInProcess(['simulate', model, '--days', '1', '--seed', '1', '--interventions', interventions])
    expect(lines(simulation.stderr).at(-1)).toBe('orgintel simulate: 1 option does not fit the model; nothing was simulated')
    const spec = write('spec.json', { seed: 1, days: 1, modelPath: model, metrics: ['closureRate'] })
    const sweep = await runInProcess(['sweep', spec, '--out', folder.file('rows.csv'), '--workers', '0'])
    expect(sweep.stderr).toContain(`wrote ${folder.file('rows.csv')}: 1 row from 1 run\n`)
    const merge = await runInProcess(['merge', folder.file('rows.csv'), '--out', folder.file('all.csv')])
    expect(merge.stderr).toContain(`wrote ${folder.file('all.csv')}: 1 row from 1 file\n`)
  })
})
