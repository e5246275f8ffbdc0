import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lines, runInProcess, scratchFolder, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
  mkdirSync(folder.file('models'))
  mkdirSync(folder.file('specs'))
  mkdirSync(folder.file('out'))
  copyFileSync(wardModel, folder.file('models/ward.json'))
})
afterEach(() => folder.remove())

const writeSpec = (name: string, spec: Record<string, unknown>): string => {
  writeFileSync(folder.file(name), JSON.stringify(spec))
  return folder.file(name)
}

describe('a relative modelPath is read from the spec file\'s folder', () => {
  it('runs a spec whose model lies beside it, from any working directory', async () => {
    // The tests run from the repository root, where models/ward.json does not exist.
    const spec = writeSpec('specs/sweep.json', { modelPath: '../models/ward.json', seed: 1, days: 5, metrics: ['closureRate'] })
    const result = await runInProcess(['sweep', spec, '--out', folder.file('out/rows.csv'), '--workers', '0'])
    expect(result.stderr).not.toContain('cannot be read')
    expect(result.code).toBe(0)
  })

  it('names the path it tried, and how it got there, when the model file cannot be read', async () => {
    const spec = writeSpec('specs/missing.json', { modelPath: 'ward.json', seed: 1, days: 5 })
    const result = await runInProcess(['sweep', spec, '--out', folder.file('out/rows.csv'), '--workers', '0'])
    expect(result.code).toBe(2) // a file that cannot be read, as for any other input file
    const tried = join(folder.path, 'specs', 'ward.json')
    expect(lines(result.stderr)[0]).toBe(
      `${spec}: /modelPath: The model file ${tried} ("ward.json" from ${join(folder.path, 'specs')}) cannot be read: there is no such file. [unreadable-file]`,
    )
  })

  it('writes a sensitivity design whose modelPath still names the same file from the design\'s folder', async () => {
    const spec = writeSpec('specs/sensitivity.json', {
      modelPath: '../models/ward.json', seed: 2, days: 30, method: 'morris', samples: 2,
      ranges: { respond: { min: 0.2, max: 1 } }, metrics: ['responseRate'],
    })
    const design = await runInProcess(['sensitivity', spec, '--design', folder.file('design.json')])
    expect(design.code).toBe(0)
    expect(JSON.parse(readFileSync(folder.file('design.json'), 'utf8')).modelPath).toBe('models/ward.json')
    const direct = await runInProcess(['sensitivity', spec, '--workers', '0', '-o', folder.file('out/indices.json')])
    expect(direct.code).toBe(0)
    const swept = await runInProcess(['sweep', folder.file('design.json'), '--out', folder.file('out/rows.csv'), '--workers', '0'])
    expect(swept.code).toBe(0)
  })
})
