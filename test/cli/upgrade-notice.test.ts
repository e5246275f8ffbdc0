import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { healthyModel, runInProcess, wardModel } from './harness.js'

describe('commands that read a model', () => {
  it('say on stderr when a v1 document was read as v2, and go on', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'orgintel-v1-'))
    const v1 = join(folder, 'v1.json')
    writeFileSync(v1, readFileSync(healthyModel, 'utf8').replace('"orgintel/v2"', '"orgintel/v1"'))
    const result = await runInProcess(['validate', v1])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('[upgraded-from-v1]')
    const diagnosed = await runInProcess(['diagnose', v1, '--fail-on', 'never'])
    expect(diagnosed.stderr).toContain("'orgintel migrate'")
  })

  it('say nothing of the kind for a v2 document', async () => {
    const result = await runInProcess(['validate', wardModel])
    expect(result.stderr).not.toContain('upgraded-from-v1')
  })
})
