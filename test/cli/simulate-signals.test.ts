import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { lines, runInProcess, scratchFolder, startChild, wardModel } from './harness.js'

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
})
afterEach(() => folder.remove())

/** Ten million events: many seconds of computing, far longer than the tests wait. */
const longRun = (): ReadonlyArray<string> => {
  writeFileSync(folder.file('busy.json'), JSON.stringify({ raiseRate: 20 }))
  return ['--days', '100000', '--seed', '1', '--parameters', folder.file('busy.json'), '-o', folder.file('out.json')]
}

describe('stopping a simulation', () => {
  it('on SIGTERM, the executable stops while computing, exits 143 and writes nothing', async () => {
    // The model comes through a FIFO: once the command opens it, its signal handlers are in place.
    const fifo = folder.file('model.fifo')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const child = startChild(['simulate', fifo, ...longRun()])
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
    const writer = await open(fifo, 'w')
    await writer.writeFile(readFileSync(wardModel))
    await writer.close()
    await new Promise((resolve) => setTimeout(resolve, 500))
    child.kill('SIGTERM')
    expect(await exited).toBe(143)
    expect(lines(stderr)).toEqual([`orgintel simulate: stopped by SIGTERM; ${folder.file('out.json')} was not written`])
    expect(folder.names()).toEqual(['busy.json', 'model.fifo'])
  })

  it('in-process with signals, the simulation runs on a worker thread that an abort ends', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort('SIGINT'), 200)
    const result = await runInProcess(['simulate', wardModel, ...longRun()], { signal: controller.signal, signalsArrive: true })
    expect(result.code).toBe(130)
    expect(lines(result.stderr)).toEqual([`orgintel simulate: stopped by SIGINT; ${folder.file('out.json')} was not written`])
    expect(folder.names()).toEqual(['busy.json'])
  })

  it('gives the same result on a worker thread as in this thread', async () => {
    const argv = ['simulate', wardModel, '--days', '60', '--seed', '9']
    const threaded = await runInProcess(argv, { signal: new AbortController().signal, signalsArrive: true })
    const inline = await runInProcess(argv)
    expect(threaded.code).toBe(0)
    expect(threaded.stdout).toBe(inline.stdout)
  })
})
