import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { vi } from 'vitest'
import type { CommandContext } from '../../src/cli/command.js'
import { main } from '../../src/cli/main.js'

/** What a run of the command line printed and returned. */
export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export const root = resolve(import.meta.dirname, '../..')
export const examplePath = (relative: string): string => join(root, 'examples', relative)
export const wardModel = examplePath('models/ward-you-said-we-did.json')
export const healthyModel = examplePath('models/healthy-reference.json')

/** Run `main(argv)` in this process, capturing stdout and stderr. */
export const runInProcess = async (argv: ReadonlyArray<string>, context?: CommandContext): Promise<CliResult> => {
  let stdout = ''
  let stderr = ''
  const capture = (append: (text: string) => void) => (chunk: string | Uint8Array): boolean => {
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    return true
  }
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((text) => (stdout += text)) as never)
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((text) => (stderr += text)) as never)
  try {
    const code = await main(argv, context)
    return { code, stdout, stderr }
  } finally {
    out.mockRestore()
    err.mockRestore()
  }
}

/** Start the real executable (`node --import tsx src/cli/bin.ts …`). */
export const startChild = (argv: ReadonlyArray<string>, options: { readonly env?: NodeJS.ProcessEnv } = {}): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), ...argv], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })

/** Run the real executable to the end, optionally feeding `input` on stdin. */
export const runChild = (argv: ReadonlyArray<string>, input?: string): Promise<CliResult> =>
  new Promise((resolvePromise, reject) => {
    const child = startChild(argv)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code, signal) => resolvePromise({ code: code ?? (signal === null ? -1 : 128), stdout, stderr }))
    child.stdin!.end(input ?? '')
  })

/** A fresh scratch folder, removed by the returned function; `write` puts a file in it and returns its path. */
export const scratchFolder = (): {
  readonly path: string
  file(name: string): string
  write(name: string, text: string): string
  names(): ReadonlyArray<string>
  remove(): void
} => {
  const path = mkdtempSync(join(tmpdir(), 'orgintel-cli-'))
  return {
    path,
    file: (name) => join(path, name),
    write: (name, text) => {
      writeFileSync(join(path, name), text)
      return join(path, name)
    },
    names: () => readdirSync(path).sort(),
    remove: () => rmSync(path, { recursive: true, force: true }),
  }
}

/** Lines of stderr, without empty ones. */
export const lines = (text: string): ReadonlyArray<string> => text.split('\n').filter((line) => line.length > 0)

/** `true` when text looks like a stack trace (what user errors must never print). */
export const hasStackTrace = (text: string): boolean => /\n\s+at .+:\d+:\d+\)?/.test(text)
