import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import { mergeRuns, writeRuns } from '../../src/node/files.js'
import { type ExperimentOptions, type ExperimentRow, runExperiment } from '../../src/node/run-experiment.js'
import { shardFromEnvironment } from '../../src/node/shard.js'

const wardPath = new URL('../../examples/models/ward-you-said-we-did.json', import.meta.url).pathname
const directory = mkdtempSync(join(tmpdir(), 'orgintel-experiment-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const spec = {
  modelPath: wardPath,
  seed: 2026,
  days: 120,
  replications: 2,
  parameters: { raiseRate: 0.3 },
  vary: { grid: { respond: [0.4, 0.9], scenario: ['as-is', 'repaired'] } },
  metrics: ['heardBackRate', 'closureTimeMedianDays', 'experiencesRaised'],
  scenarios: [
    { name: 'as-is', interventions: [] },
    { name: 'repaired', interventions: [{ day: 0, kind: 'add-channel', channel: { from: 'pals', to: 'carers', level: 'delivery', carries: ['pals-reply'] } }] },
  ],
}

const prepare = async (input: unknown, options: ExperimentOptions = {}) => {
  const prepared = await runExperiment(input, options)
  if (E.isLeft(prepared)) throw new Error(JSON.stringify(prepared.left))
  return prepared.right
}

const writeTo = async (name: string, options: ExperimentOptions) => {
  const path = join(directory, name)
  const written = await writeRuns(await prepare(spec, options), path)
  return { path, written, rows: readFileSync(path, 'utf8'), manifest: readFileSync(`${path}.manifest.json`, 'utf8') }
}

describe('runExperiment', () => {
  it('rejects a bad spec with JSON Pointer paths', async () => {
    const result = await runExperiment({ ...spec, days: -1, metrics: ['closureRate', 'nope'], vary: { grid: { colour: [1] } } })
    // One pass: the shape errors and the varied names together.
    expect(E.isLeft(result) && result.left.map((error) => error.path)).toEqual(['/days', '/metrics/1', '/vary/grid/colour/0'])
    const long = await runExperiment({ ...spec, days: 100_001 })
    expect(E.isLeft(long) && long.left.map((error) => [error.path, error.message])).toEqual([['/days', "'/days' must be a whole number of days from 0 to 100000, but it is 100001."]])
    const unknown = await runExperiment({ ...spec, vary: { grid: { colour: [1], respond: [2] } } })
    expect(E.isLeft(unknown) && unknown.left.map((error) => error.path)).toEqual(['/vary/grid/colour/0', '/vary/grid/respond/0'])
    const noModel = await runExperiment({ seed: 1, days: 1 })
    expect(E.isLeft(noModel) && noModel.left[0]!.message).toContain('modelPath')
  })

  it('yields tidy rows in run order with seeds that do not depend on position', async () => {
    const rows: ExperimentRow[] = []
    const prepared = await prepare(spec, { workers: 0 })
    for await (const row of prepared.rows) rows.push(row)
    expect(rows).toHaveLength(2 * 2 * 2 * 3)
    expect(Object.keys(rows[0]!)).toEqual(['run', 'replicate', 'seed', 'respond', 'scenario', 'metric', 'value'])
    expect(rows.map((row) => row.run)).toEqual([...rows.map((row) => row.run)].sort((a, b) => a - b))
    // Adding a grid value in front moves every run but changes no run's seed or results.
    const wider = await prepare({ ...spec, vary: { grid: { respond: [0.1, 0.4, 0.9], scenario: ['as-is', 'repaired'] } } }, { workers: 0 })
    const widerRows: ExperimentRow[] = []
    for await (const row of wider.rows) widerRows.push(row)
    const strip = ({ run: _run, ...rest }: ExperimentRow) => JSON.stringify(rest)
    expect(widerRows.slice(12).map(strip)).toEqual(rows.map(strip))
    // Repairing the carers' reply channel brings more replies back.
    const heardBack = (scenario: string) => rows.filter((row) => row.scenario === scenario && row.metric === 'heardBackRate').reduce((sum, row) => sum + row.value!, 0)
    expect(heardBack('repaired')).toBeGreaterThan(heardBack('as-is'))
  })

  it('writes the same bytes with 1 or 2 workers and in this thread', async () => {
    const inline = await writeTo('inline.csv', { workers: 0 })
    const one = await writeTo('one.csv', { workers: 1 })
    const two = await writeTo('two.csv', { workers: 2 })
    expect(one.rows).toBe(inline.rows)
    expect(two.rows).toBe(inline.rows)
    expect(two.manifest).toBe(inline.manifest)
    expect(inline.written).toEqual({ rows: 24, completedRuns: 8, complete: true, failures: [] })
  })

  it('merges shards into exactly the unsharded output', async () => {
    for (const extension of ['csv', 'jsonl']) {
      const whole = await writeTo(`whole.${extension}`, { workers: 0 })
      const parts = []
      for (let index = 0; index < 3; index++) parts.push(await writeTo(`part-${index}.${extension}`, { workers: 1, shard: { index, count: 3 } }))
      const output = join(directory, `merged.${extension}`)
      const merged = await mergeRuns([parts[2]!.path, parts[0]!.path, parts[1]!.path], output)
      expect(E.isRight(merged)).toBe(true)
      expect(readFileSync(output, 'utf8')).toBe(whole.rows)
      expect(readFileSync(`${output}.manifest.json`, 'utf8')).toBe(whole.manifest)
      const missing = await mergeRuns([parts[0]!.path, parts[1]!.path], join(directory, `bad.${extension}`))
      expect(E.isLeft(missing) && missing.left).toEqual([{ code: 'mismatched-shards', path: '', message: 'Shard 2/3 is missing; got shards 0/3, 1/3.' }])
    }
    const alone = await mergeRuns([join(directory, 'part-1.csv')], join(directory, 'alone.csv'))
    expect(E.isLeft(alone) && alone.left.map((error) => error.message)).toEqual(['2 of the 3 shards are missing: 0/3, 2/3; got shard 1/3.'])
  })

  it('leaves only complete runs after an abort, and refuses to merge them', async () => {
    const controller = new AbortController()
    const progress: number[] = []
    const aborted = await writeTo('aborted.csv', {
      workers: 2,
      signal: controller.signal,
      onProgress: ({ completedRuns }) => {
        progress.push(completedRuns)
        if (completedRuns === 3) controller.abort()
      },
    })
    expect(progress.slice(0, 3)).toEqual([1, 2, 3])
    expect(aborted.written.complete).toBe(false)
    expect(aborted.written.completedRuns).toBe(3)
    const whole = readFileSync(join(directory, 'inline.csv'), 'utf8').split('\n')
    expect(aborted.rows).toBe(`${whole.slice(0, 1 + 3 * 3).join('\n')}\n`)
  })
})

describe('shardFromEnvironment', () => {
  it('reads Slurm, Kubernetes and AWS Batch variables', () => {
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 3, count: 4 })
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '2' }, { count: 5 })).toEqual({ index: 2, count: 5 })
    expect(shardFromEnvironment({ AWS_BATCH_JOB_ARRAY_INDEX: '0' }, { count: 2 })).toEqual({ index: 0, count: 2 })
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '7' }, { count: 5 })).toBeUndefined()
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '1' })).toBeUndefined()
    expect(shardFromEnvironment({})).toBeUndefined()
  })
})

describe('worker value packing', () => {
  it('round-trips numbers, nulls and NaN through the transferred array', async () => {
    const { decodeValues, encodeValues } = await import('../../src/node/execute.js')
    const values = [0.25, null, 0, -0, 12_345_678_901, Number.NaN, null]
    const packed = encodeValues(values)
    expect(packed).toBeInstanceOf(Float64Array)
    expect(decodeValues(packed)).toEqual(values)
    expect(decodeValues(encodeValues([]))).toEqual([])
  })
})
