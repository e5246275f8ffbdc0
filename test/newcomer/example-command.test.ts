/**
 * `orgintel example`: the example models that ship in the package, listed and written
 * out, so an installed package has something to diagnose at once.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { hasStackTrace, runInProcess, scratchFolder, wardModel } from '../cli/harness.js'

let scratch: ReturnType<typeof scratchFolder> | undefined
afterEach(() => scratch?.remove())

describe('orgintel example', () => {
  it('lists every bundled model with its name', async () => {
    const result = await runInProcess(['example'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('ward-you-said-we-did  Ward 7: you said, we did\n')
    expect(result.stdout.trim().split('\n')).toHaveLength(7)
  })

  it('writes one, byte for byte, to a file or standard output', async () => {
    scratch = scratchFolder()
    const written = await runInProcess(['example', 'ward-you-said-we-did', '-o', scratch.file('ward.json')])
    expect(written.code).toBe(0)
    expect(readFileSync(scratch.file('ward.json'), 'utf8')).toBe(readFileSync(wardModel, 'utf8'))
    const printed = await runInProcess(['example', 'ward-you-said-we-did'])
    expect(printed.stdout).toBe(readFileSync(wardModel, 'utf8'))
  })

  it('names the examples, and the likely one, when the name is wrong', async () => {
    const result = await runInProcess(['example', 'healthy-referense'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'orgintel example: there is no example called "healthy-referense" (did you mean healthy-reference?); the examples are acute-ward-fft, commissioning-cycle, health-and-wellbeing-board, healthy-reference, icb-quality-committee, recovery-college, ward-you-said-we-did\n',
    )
    expect(hasStackTrace(result.stderr)).toBe(false)
  })
})
