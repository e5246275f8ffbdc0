import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { examplePath, lines, runInProcess, scratchFolder } from './harness.js'

const bundle = examplePath('data/fhir-community-bundle.json')

let folder: ReturnType<typeof scratchFolder>
beforeEach(() => {
  folder = scratchFolder()
  vi.stubEnv('ORGINTEL_PSEUDONYM_KEY', undefined)
})
afterEach(() => {
  vi.unstubAllEnvs()
  folder.remove()
})

const actorIds = (path: string): ReadonlyArray<string> =>
  (JSON.parse(readFileSync(path, 'utf8')) as { actors: ReadonlyArray<{ id: string }> }).actors.map((actor) => actor.id)

describe('orgintel import --from fhir with a pseudonym key', () => {
  it.each([
    ['an empty key file', ''],
    ['a key file of one newline', '\n'],
    ['a key file of whitespace only', ' \t\r\n\n'],
  ])('refuses %s with exit code 2 and writes nothing', async (_label, contents) => {
    const key = folder.file('empty.key')
    writeFileSync(key, contents)
    const result = await runInProcess(['import', '--from', 'fhir', bundle, '--key-file', key, '-o', folder.file('out.json')])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual([`orgintel import: the pseudonym key file is empty (or only whitespace): ${key}`])
    expect(result.stdout).toBe('')
    expect(folder.names()).toEqual(['empty.key'])
  })

  it.each([
    ['empty', ''],
    ['only whitespace', ' \n'],
  ])('refuses ORGINTEL_PSEUDONYM_KEY set but %s with exit code 2 and writes nothing', async (_label, value) => {
    vi.stubEnv('ORGINTEL_PSEUDONYM_KEY', value)
    const result = await runInProcess(['import', '--from', 'fhir', bundle, '-o', folder.file('out.json')])
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toEqual(['orgintel import: ORGINTEL_PSEUDONYM_KEY is set but empty (or only whitespace)'])
    expect(folder.names()).toEqual([])
  })

  it('trims the key file, so a key with or without a final newline gives the same pseudonyms as the library', async () => {
    writeFileSync(folder.file('plain.key'), 'secret')
    writeFileSync(folder.file('newline.key'), '  secret\n')
    for (const name of ['plain', 'newline']) {
      const result = await runInProcess(['import', '--from', 'fhir', bundle, '--key-file', folder.file(`${name}.key`), '-o', folder.file(`${name}.json`)])
      expect(result.code).toBe(0)
    }
    const ids = actorIds(folder.file('plain.json'))
    expect(actorIds(folder.file('newline.json'))).toEqual(ids)
    expect(ids).toContain('Patient/7bfe7a815b61efc0624f897e')
    expect(ids.join(' ')).not.toMatch(/pat-1|trust-1|carer-1/)
  })

  it('uses ORGINTEL_PSEUDONYM_KEY as given (not trimmed), and a key file over it', async () => {
    vi.stubEnv('ORGINTEL_PSEUDONYM_KEY', 'secret')
    expect((await runInProcess(['import', '--from', 'fhir', bundle, '-o', folder.file('env.json')])).code).toBe(0)
    vi.stubEnv('ORGINTEL_PSEUDONYM_KEY', ' secret')
    expect((await runInProcess(['import', '--from', 'fhir', bundle, '-o', folder.file('spaced.json')])).code).toBe(0)
    writeFileSync(folder.file('other.key'), 'other')
    expect((await runInProcess(['import', '--from', 'fhir', bundle, '--key-file', folder.file('other.key'), '-o', folder.file('file.json')])).code).toBe(0)
    const ids = actorIds(folder.file('env.json'))
    expect(ids).toContain('Patient/7bfe7a815b61efc0624f897e')
    expect(actorIds(folder.file('spaced.json'))).not.toEqual(ids)
    expect(actorIds(folder.file('file.json'))).not.toEqual(ids)
  })
})
