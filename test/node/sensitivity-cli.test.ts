import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runInProcess, scratchFolder, wardModel } from '../cli/harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

const spec = {
  modelPath: wardModel,
  seed: 2,
  days: 90,
  method: 'morris',
  samples: 4,
  ranges: { respond: { min: 0.2, max: 1 }, passOn: { min: 0.5, max: 1 } },
  metrics: ['responseRate'],
}

describe('orgintel sensitivity', () => {
  it('writes the indices, and gives the same ones from a sharded sweep of its design', async () => {
    writeFileSync(folder.file('spec.json'), JSON.stringify(spec))
    const direct = await runInProcess(['sensitivity', folder.file('spec.json'), '--workers', '0', '-o', folder.file('direct.json')])
    expect(direct.code).toBe(0)
    const result = JSON.parse(readFileSync(folder.file('direct.json'), 'utf8'))
    expect(result.format).toBe('orgintel-sensitivity/v1')
    expect(result.metrics[0].parameters.map((entry: { parameter: string }) => entry.parameter)).toEqual(['respond', 'passOn'])
    const design = await runInProcess(['sensitivity', folder.file('spec.json'), '--design', folder.file('experiment.json')])
    expect(design.code).toBe(0)
    for (const index of [0, 1]) {
      const shard = await runInProcess(['sweep', folder.file('experiment.json'), '--shard', `${index}/2`, '--workers', '0', '--out', folder.file(`part-${index}.csv`)])
      expect(shard.code).toBe(0)
    }
    expect((await runInProcess(['merge', folder.file('part-0.csv'), folder.file('part-1.csv'), '--out', folder.file('all.csv')])).code).toBe(0)
    const fromRows = await runInProcess(['sensitivity', folder.file('spec.json'), '--rows', folder.file('all.csv'), '-o', folder.file('rows.json')])
    expect(fromRows.code).toBe(0)
    expect(readFileSync(folder.file('rows.json'), 'utf8')).toBe(readFileSync(folder.file('direct.json'), 'utf8'))
  })

  it('exits 1 with paths and suggestions for a spec that does not fit', async () => {
    writeFileSync(folder.file('bad.json'), JSON.stringify({ ...spec, ranges: { respnd: { min: 0, max: 1 } } }))
    const result = await runInProcess(['sensitivity', folder.file('bad.json')])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("/ranges/respnd: 'respnd' is not a numeric parameter that can be varied. Did you mean 'respond'?")
  })
})
