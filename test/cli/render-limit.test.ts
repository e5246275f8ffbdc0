import { describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInProcess as runCli } from './harness.js'

const wide = (channels: number) => ({
  schema: 'orgintel/v2',
  id: 'wide',
  name: 'Wide',
  actors: [
    { id: 'a', name: 'A', kind: 'patient', levels: ['delivery'] },
    { id: 'b', name: 'B', kind: 'clinician', levels: ['delivery'] },
  ],
  assets: [],
  channels: Array.from({ length: channels }, (_, i) => ({ id: `c${i}`, from: i % 2 ? 'a' : 'b', to: i % 2 ? 'b' : 'a', carries: [], level: 'delivery' })),
})

describe('orgintel render --to mermaid on a model too large to draw', () => {
  const folder = mkdtempSync(join(tmpdir(), 'orgintel-render-limit-'))
  const model = join(folder, 'model.json')
  writeFileSync(model, JSON.stringify(wide(12)))

  it('refuses with exit code 2, names the limit and writes nothing', async () => {
    const out = join(folder, 'out.mmd')
    const result = await runCli(['render', model, '--to', 'mermaid', '--max-channels', '10', '-o', out])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('12 channels')
    expect(result.stderr).toContain('limit 10')
    expect(readdirSync(folder)).toEqual(['model.json'])
  })

  it('draws it when the limit is raised, and other targets have no limit', async () => {
    expect((await runCli(['render', model, '--to', 'mermaid', '--max-channels', '12'])).code).toBe(0)
    expect((await runCli(['render', model, '--to', 'dot', '--max-channels', '10'])).code).toBe(0)
  })
})
