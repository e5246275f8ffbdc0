import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chooseShard } from '../../src/cli/shard-option.js'
import { CommandFailure } from '../../src/cli/failure.js'
import { lines, runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

/** 4 parameter sets × 2 replicates = 8 short runs. */
const writeSpec = (extra: Record<string, unknown> = {}): string => {
  const spec = {
    seed: 11,
    days: 40,
    modelPath: wardModel,
    replications: 2,
    vary: { grid: { respond: [0.2, 0.8], raiseRate: [0.1, 0.4] } },
    metrics: ['closureRate', 'responseRate', 'experiencesRaised'],
    ...extra,
  }
  writeFileSync(folder.file('spec.json'), JSON.stringify(spec))
  return folder.file('spec.json')
}

const read = (name: string): string => readFileSync(folder.file(name), 'utf8')

describe('orgintel sweep and merge', () => {
  it('writes rows and a manifest; shards merge to exactly the unsharded output', async () => {
    const spec = writeSpec()
    const whole = await runInProcess(['sweep', spec, '--out', folder.file('all.csv'), '--workers', '0'])
    expect(whole.code).toBe(0)
    expect(whole.stderr).toContain(`wrote ${folder.file('all.csv')}: 24 rows from 8 runs`)
    const rows = lines(read('all.csv'))
    expect(rows[0]).toBe('run,replicate,seed,respond,raiseRate,metric,value')
    expect(rows).toHaveLength(1 + 8 * 3)

    for (const index of [0, 1, 2]) {
      const shard = await runInProcess(['sweep', spec, '--out', folder.file(`part-${index}.csv`), '--shard', `${index}/3`, '--workers', '0'])
      expect(shard.code).toBe(0)
      const runs = lines(read(`part-${index}.csv`)).slice(1).map((line) => Number(line.split(',')[0]))
      expect(runs.length).toBeGreaterThan(0)
      for (const run of runs) expect(run % 3).toBe(index)
    }
    const merged = await runInProcess(['merge', folder.file('part-2.csv'), folder.file('part-0.csv'), folder.file('part-1.csv'), '--out', folder.file('merged.csv')])
    expect(merged.code).toBe(0)
    expect(read('merged.csv')).toBe(read('all.csv'))
    expect(read('merged.csv.manifest.json')).toBe(read('all.csv.manifest.json'))
    expect(folder.names().filter((name) => name.includes('.tmp'))).toEqual([])
  })

  it('gives the same bytes on worker threads as in this thread, in JSON Lines', async () => {
    const spec = writeSpec({ replications: 1 })
    expect((await runInProcess(['sweep', spec, '--out', folder.file('threads.jsonl'), '--workers', '2'])).code).toBe(0)
    expect((await runInProcess(['sweep', spec, '--out', folder.file('inline.txt'), '--format', 'jsonl', '--workers', '0'])).code).toBe(0)
    expect(read('threads.jsonl')).toBe(read('inline.txt'))
    expect(JSON.parse(lines(read('threads.jsonl'))[0]!)).toMatchObject({ run: 0, metric: 'closureRate' })
  })

  it('refuses to merge an incomplete set of shards, writing nothing', async () => {
    const spec = writeSpec()
    await runInProcess(['sweep', spec, '--out', folder.file('part-0.csv'), '--shard', '0/2', '--workers', '0'])
    const before = folder.names()
    const result = await runInProcess(['merge', folder.file('part-0.csv'), '--out', folder.file('merged.csv')])
    expect(result.code).toBe(1)
    expect(lines(result.stderr)).toEqual([
      'merge: (document): Shard 1/2 is missing; got shard 0/2. [mismatched-shards]',
      'orgintel merge: nothing was written: the files are not the complete shards of one experiment',
    ])
    const twice = await runInProcess(['merge', folder.file('part-0.csv'), folder.file('part-0.csv'), '--out', folder.file('merged.csv')])
    expect(twice.code).toBe(1)
    expect(twice.stderr).toContain(`${folder.file('part-0.csv')}: Shard 0 appears twice. [mismatched-shards]`)
    expect(twice.stderr).toContain('merge: (document): Shard 1/2 is missing; got shard 0/2. [mismatched-shards]')
    expect(folder.names()).toEqual(before)
  })

  it('exits 2 when a file to merge is missing or has no manifest', async () => {
    const missing = await runInProcess(['merge', folder.file('nope.csv'), '--out', folder.file('merged.csv')])
    expect(missing.code).toBe(2)
    expect(lines(missing.stderr)).toEqual([`orgintel merge: cannot read ${folder.file('nope.csv')}: no such file or folder`])
    writeFileSync(folder.file('bare.csv'), 'run,replicate,seed,metric,value\n')
    const bare = await runInProcess(['merge', folder.file('bare.csv'), '--out', folder.file('merged.csv')])
    expect(bare.code).toBe(2)
    expect(bare.stderr).toContain(`${folder.file('bare.csv')}: The manifest beside this rows file is missing`)
    expect(folder.names()).toEqual(['bare.csv'])
  })

  it('stops when its signal is aborted, leaving neither rows nor manifest nor temporary files', async () => {
    const spec = writeSpec()
    const controller = new AbortController()
    controller.abort('SIGTERM')
    const result = await runInProcess(['sweep', spec, '--out', folder.file('all.csv'), '--workers', '0'], { signal: controller.signal })
    expect(result.code).toBe(143)
    expect(lines(result.stderr).at(-1)).toBe(`orgintel sweep: stopped by SIGTERM while planning; ${folder.file('all.csv')} was not written`)
    expect(folder.names()).toEqual(['spec.json'])
  })

  it('exits 2 before running anything when the output folder does not exist', async () => {
    const spec = writeSpec()
    const out = folder.file('missing/all.csv')
    const result = await runInProcess(['sweep', spec, '--out', out, '--workers', '0'])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([`orgintel sweep: cannot write ${out}: no such file or folder`])
    expect(folder.names()).toEqual(['spec.json'])
  })

  it('exits 1 with JSON Pointer paths for a bad spec, writing nothing', async () => {
    const spec = writeSpec({ days: -1, vary: { grid: { respond: [2], colour: ['red'] } } })
    const result = await runInProcess(['sweep', spec, '--out', folder.file('all.csv')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${spec}: /days: `)
    expect(lines(result.stderr).at(-1)).toBe(`orgintel sweep: ${spec} is not a runnable experiment`)
    const invalidValues = writeSpec({ vary: { grid: { respond: [2], colour: ['red'] } } })
    const second = await runInProcess(['sweep', invalidValues, '--out', folder.file('all.csv')])
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(`${spec}: /vary/grid/colour/0: `)
    expect(second.stderr).toContain(`${spec}: /vary/grid/respond`)
    expect(folder.names()).toEqual(['spec.json'])
  })

  it('exits 1 when the spec names an invalid model, with the path into it', async () => {
    const model = JSON.parse(readFileSync(wardModel, 'utf8')) as { channels: Array<Record<string, unknown>> }
    model.channels[3]!['to'] = 'nobody'
    const spec = writeSpec({ modelPath: undefined, model })
    const result = await runInProcess(['sweep', spec, '--out', folder.file('all.csv')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${spec}: /model/channels/3/to: `)
  })

  it.each([
    [['sweep', 'spec.json'], 'orgintel sweep: --out is required (the rows file to write, e.g. --out results.csv)'],
    [['sweep', 'spec.json', '--out', '-'], 'orgintel sweep: --out must be a file: the rows need a manifest beside them'],
    [['sweep', 'spec.json', '--out', 'x.csv', '--shard', '3/3'], 'orgintel sweep: --shard needs 0 ≤ i < n (got "3/3")'],
    [['sweep', 'spec.json', '--out', 'x.csv', '--shard', '1'], 'orgintel sweep: --shard must be i/n (e.g. 0/4), auto or auto/n (got "1")'],
    [['sweep', 'spec.json', '--out', 'x.csv', '--format', 'xlsx'], 'orgintel sweep: --format must be one of csv, jsonl (got "xlsx")'],
    [['sweep', 'spec.json', '--out', 'x.csv', '--workers', 'many'], 'orgintel sweep: --workers must be a whole number, 0 or more (got "many")'],
    [['merge', '--out', 'x.csv'], 'orgintel merge: missing the shard files to merge'],
    [['merge', 'a.csv'], 'orgintel merge: --out is required (the merged file to write, e.g. --out results.csv)'],
  ])('exits 2 for %j', async (argv, message) => {
    const result = await runInProcess(argv)
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([message])
  })
})

describe('choosing a shard', () => {
  it('reads --shard i/n, or the scheduler environment', () => {
    expect(chooseShard('1/4', {})).toEqual({ shard: { index: 1, count: 4 }, source: 'flag' })
    expect(chooseShard(undefined, {})).toEqual({ shard: undefined, source: 'none' })
    const slurm = { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '5' }
    expect(chooseShard(undefined, slurm)).toEqual({ shard: { index: 2, count: 5 }, source: 'environment' })
    expect(chooseShard('0/2', slurm).shard).toEqual({ index: 0, count: 2 })
    expect(chooseShard('auto/8', { JOB_COMPLETION_INDEX: '7' })).toEqual({ shard: { index: 7, count: 8 }, source: 'environment' })
    expect(() => chooseShard('auto', { JOB_COMPLETION_INDEX: '7' })).toThrow(CommandFailure)
    expect(() => chooseShard('auto/4', {})).toThrow(/found no shard in the environment/)
  })
})
