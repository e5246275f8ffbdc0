/**
 * What the README says about the project's own tooling is true: `npm test` prints a
 * short summary unless a step fails (then that step's whole output), always ending with
 * the line CI reads, and the bundle size it states is the one `npm run size` measures.
 * Both run `scripts/test-all.mjs` with every step skipped but the quick size step.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const onlySize = '--skip=typecheck,unit,build,lint,smoke,docs,examples'

const testAll = (environment: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ['scripts/test-all.mjs', onlySize], { cwd: root, encoding: 'utf8', env: { ...process.env, ...environment } })
  const lines = result.stdout.trimEnd().split('\n')
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines, last: lines.at(-1) }
}

describe('npm test (scripts/test-all.mjs)', () => {
  it('prints one line per step, not the steps’ output, when everything passes', () => {
    const run = testAll()
    expect(run.status).toBe(0)
    expect(run.last).toBe('1 passed, 0 failed')
    expect(run.stdout).toMatch(/^ok {6}browser bundle size \(\d+\.\d s\)$/m)
    expect(run.stdout).not.toContain('size: orgintel')
    expect(run.lines.length).toBeLessThanOrEqual(12)
  })

  it('prints the whole output of a step that fails, and still ends with the count; the README’s bundle size is the measured one', () => {
    const run = testAll({ ORGINTEL_SIZE_BUDGET: '1000' })
    expect(run.status).toBe(1)
    expect(run.last).toBe('0 passed, 1 failed')
    expect(run.stdout).toContain('OVER BUDGET')
    const measured = /^size: orgintel: [\d.]+ kB min, ([\d.]+) kB min\+gz/m.exec(run.stdout)
    const stated = /root entry is about (\d+(?:\.\d+)?) kB min\+gz/.exec(readme.replace(/\s+/g, ' '))
    expect(measured, run.stdout).not.toBeNull()
    expect(stated).not.toBeNull()
    expect(Math.abs(Number(stated![1]) - Number(measured![1])), `README says about ${stated![1]} kB; npm run size measures ${measured![1]} kB`).toBeLessThanOrEqual(2)
    const budget = /budget (\d+) kB, checked by `npm run size`/.exec(readme.replace(/\s+/g, ' '))
    // scripts/size.mjs's default, read from the script.
    const byDefault = /ORGINTEL_SIZE_BUDGET \?\? ([\d_]+)\)/.exec(readFileSync(new URL('../../scripts/size.mjs', import.meta.url), 'utf8'))
    expect(Number(budget?.[1]) * 1000).toBe(Number(byDefault?.[1]?.replace(/_/g, '')))
  })

  it('the README says how long npm test takes', () => {
    expect(readme).toMatch(/^npm test\s+#.*\(about \d+–\d+ minutes\)$/m)
  })
})
