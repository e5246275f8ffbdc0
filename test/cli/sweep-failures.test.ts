import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { lines, runInProcess, scratchFolder, wardModel } from './harness.js'

// Run 2 fails as a run that cannot allocate memory does; the others run as usual.
vi.mock('../../src/node/execute.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/node/execute.js')>()
  return {
    ...actual,
    executeRun: (...args: Parameters<typeof actual.executeRun>) => {
      if (args[2].run === 2) throw new RangeError('Array buffer allocation failed')
      return actual.executeRun(...args)
    },
  }
})

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

const writeSpec = (extra: Record<string, unknown> = {}): string => {
  const spec = { seed: 3, days: 10, modelPath: wardModel, vary: { grid: { respond: [0.2, 0.8] } }, replications: 2, metrics: ['closureRate', 'responseRate'], ...extra }
  writeFileSync(folder.file('spec.json'), JSON.stringify(spec))
  return folder.file('spec.json')
}

describe('a sweep with a failed run', () => {
  it('keeps the completed rows, names the failed run, lists it in the manifest and exits 1', async () => {
    const out = folder.file('rows.csv')
    const result = await runInProcess(['sweep', writeSpec(), '--out', out, '--workers', '0'])
    expect(result.code).toBe(1)
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as { completedRuns: number; failures: Array<Record<string, unknown>> }
    const failure = manifest.failures[0]!
    expect(manifest.completedRuns).toBe(3)
    expect(manifest.failures).toEqual([{ run: 2, replicate: 0, seed: failure['seed'], parameters: { respond: 0.8 }, reason: 'Array buffer allocation failed' }])
    expect(lines(result.stderr).filter((line) => !line.startsWith('sweep: '))).toEqual([
      `wrote ${out}: 6 rows from 3 runs`,
      `orgintel sweep: run 2 (replicate 0, seed ${failure['seed']}, respond=0.8) failed: Array buffer allocation failed`,
      `orgintel sweep: 1 of 4 runs failed; the rows of the others are in ${out}, and its manifest lists the failed runs (merge refuses the file until the shard is run again)`,
    ])
    const runs = lines(readFileSync(out, 'utf8')).slice(1).map((line) => Number(line.split(',')[0]))
    expect(runs).toEqual([0, 0, 1, 1, 3, 3])
    const merged = await runInProcess(['merge', out, '--out', folder.file('merged.csv')])
    expect(merged.code).toBe(1)
    expect(merged.stderr).toContain(`${out}: Shard 0 has 1 failed run (2); run the shard again. [mismatched-shards]`)
  })
})

describe('sweep --workers', () => {
  it('uses at most the processor cores available, and says so', async () => {
    const cores = availableParallelism()
    const result = await runInProcess(['sweep', writeSpec({ vary: { grid: { respond: [0.2] } }, replications: 1 }), '--out', folder.file('rows.csv'), '--workers', '1000'])
    expect(result.code).toBe(0)
    expect(lines(result.stderr)[0]).toBe(`orgintel sweep: --workers 1000 is more than the ${cores} processor core${cores === 1 ? '' : 's'} available; using ${cores}`)
  })
})
