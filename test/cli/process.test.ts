import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hasStackTrace, lines, runChild, scratchFolder, startChild, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

describe('the orgintel executable', () => {
  it('reads the model from standard input with "-" and writes to standard output', async () => {
    const result = await runChild(['render', '-', '--to', 'dot', '-o', '-'], readFileSync(wardModel, 'utf8'))
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^digraph "ward-7-you-said-we-did" \{/)
  })

  it('exits 1 for an invalid model on standard input, with paths and without a stack trace', async () => {
    const model = JSON.parse(readFileSync(wardModel, 'utf8')) as { channels: Array<Record<string, unknown>> }
    model.channels[3]!['to'] = 'nobody'
    const result = await runChild(['validate', '-'], JSON.stringify(model))
    expect(result.code).toBe(1)
    expect(lines(result.stderr)[0]).toMatch(/^stdin: \/channels\/3\/to: /)
    expect(lines(result.stderr).at(-1)).toBe('orgintel validate: standard input is not a valid orgintel/v2 model')
    expect(hasStackTrace(result.stderr)).toBe(false)
  })

  it('exits 2 for an unknown flag and for a missing file', async () => {
    const flag = await runChild(['diagnose', wardModel, '--fail-on-everything'])
    expect(flag.code).toBe(2)
    expect(lines(flag.stderr)).toEqual(['orgintel diagnose: unknown option --fail-on-everything; see --help'])
    const missing = await runChild(['simulate', folder.file('none.json'), '--days', '5', '--seed', '1', '-o', folder.file('out.json')])
    expect(missing.code).toBe(2)
    expect(lines(missing.stderr)).toEqual([`orgintel simulate: cannot read ${folder.file('none.json')}: no such file or folder`])
    expect(folder.names()).toEqual([])
  })

  it('exits 1 from diagnose when findings reach --fail-on', async () => {
    const result = await runChild(['diagnose', wardModel, '--fail-on', 'warning', '--format', 'json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toHaveProperty('defects')
  })
})

/** A sweep of 300 runs, each a few hundred milliseconds: far longer than the test waits. */
const writeLongSpec = (): string => {
  const spec = { seed: 1, days: 1500, modelPath: wardModel, replications: 300, parameters: { raiseRate: 2 } }
  writeFileSync(folder.file('spec.json'), JSON.stringify(spec))
  return folder.file('spec.json')
}

/** Wait until a temporary rows file holds the header and at least one row (the sweep is mid-write). */
const waitForPartialWrite = async (): Promise<string> => {
  for (let attempt = 0; attempt < 600; attempt++) {
    const temporary = folder.names().find((name) => name.includes('.tmp.') && !name.endsWith('.manifest.json'))
    if (temporary !== undefined && lines(readFileSync(folder.file(temporary), 'utf8')).length >= 2) return temporary
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the sweep never started writing')
}

const exitOf = (child: ReturnType<typeof startChild>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> =>
  new Promise((resolve) => {
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('close', (code, signal) => resolve({ code, signal, stderr }))
  })

describe('interrupting a sweep', () => {
  it.each([
    ['SIGTERM', '1', 143],
    ['SIGINT', '0', 130],
  ] as const)('on %s (workers %s) stops, removes its temporary files and writes no output', async (signal, workers, code) => {
    const spec = writeLongSpec()
    const out = folder.file('results.csv')
    const child = startChild(['sweep', spec, '--out', out, '--workers', workers])
    const exited = exitOf(child)
    await waitForPartialWrite()
    child.kill(signal)
    const { code: exitCode, stderr } = await exited
    expect(exitCode).toBe(code)
    expect(stderr).toContain(`stopped by ${signal}`)
    expect(hasStackTrace(stderr)).toBe(false)
    expect(folder.names()).toEqual(['spec.json'])
  })

  it('on SIGKILL leaves the previous output untouched, never partial', async () => {
    const spec = writeLongSpec()
    const out = folder.file('results.csv')
    writeFileSync(out, 'previous complete results\n')
    const child = startChild(['sweep', spec, '--out', out, '--workers', '1'])
    const exited = exitOf(child)
    await waitForPartialWrite()
    child.kill('SIGKILL')
    expect((await exited).signal).toBe('SIGKILL')
    // The old file is untouched; only a hidden temporary file (which SIGKILL cannot clean up) may remain.
    expect(readFileSync(out, 'utf8')).toBe('previous complete results\n')
    expect(existsSync(`${out}.manifest.json`)).toBe(false)
    expect(folder.names().filter((name) => !name.startsWith('.orgintel-'))).toEqual(['results.csv', 'spec.json'])
  })
})
