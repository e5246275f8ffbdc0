/**
 * `orgintel import --from fhir` is safe by default (issue 14, items 7 and 9): without a
 * key it pseudonymises with a random key for the run (and says so), keeps real ids only
 * with `--keep-ids`, never quotes a resource id in a message, and can number
 * organisations instead of naming them (`--no-organisation-names`).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { examplePath, runInProcess, scratchFolder } from './harness.js'

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

interface Written {
  readonly actors: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly channels: ReadonlyArray<{ readonly id: string }>
}
const written = (path: string): Written => JSON.parse(readFileSync(path, 'utf8')) as Written

const realIds = /trust-1|icb-1|cmht-1|role-1|team-1|pat-1|carer-1|comm-\d/

describe('orgintel import --from fhir without a key', () => {
  it('replaces resource ids by pseudonyms from a random key, different on every run, and says so', async () => {
    const runs = []
    for (const name of ['one', 'two']) {
      const result = await runInProcess(['import', '--from', 'fhir', bundle, '-o', folder.file(`${name}.json`)])
      expect(result.code).toBe(0)
      expect(result.stderr).toContain('no pseudonym key given, so resource ids are replaced by pseudonyms from a random key for this run only')
      runs.push(written(folder.file(`${name}.json`)))
    }
    const [one, two] = runs as [Written, Written]
    const text = JSON.stringify(one)
    expect(text).not.toMatch(realIds)
    expect(one.actors.map((actor) => actor.id)).toContainEqual(expect.stringMatching(/^Patient\/[0-9a-f]{24}$/))
    expect(two.actors.map((actor) => actor.id)).not.toEqual(one.actors.map((actor) => actor.id))
    // Only the ids change: the same actors, names and channels.
    expect(two.actors.map((actor) => actor.name)).toEqual(one.actors.map((actor) => actor.name))
  })

  it('keeps the real ids only with --keep-ids, and says that they may identify people', async () => {
    const result = await runInProcess(['import', '--from', 'fhir', bundle, '--keep-ids', '-o', folder.file('kept.json')])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain("--keep-ids: the model keeps the bundle's resource ids, which may identify people")
    expect(written(folder.file('kept.json')).actors.map((actor) => actor.id)).toContain('Patient/pat-1')
  })

  it('refuses --keep-ids with a key', async () => {
    writeFileSync(folder.file('secret.key'), 'secret')
    const withFile = await runInProcess(['import', '--from', 'fhir', bundle, '--keep-ids', '--key-file', folder.file('secret.key'), '-o', folder.file('out.json')])
    expect(withFile.code).toBe(2)
    expect(withFile.stderr).toContain('--keep-ids cannot be used with a pseudonym key (--key-file)')
    vi.stubEnv('ORGINTEL_PSEUDONYM_KEY', 'secret')
    const withEnvironment = await runInProcess(['import', '--from', 'fhir', bundle, '--keep-ids', '-o', folder.file('out.json')])
    expect(withEnvironment.code).toBe(2)
    expect(folder.names()).toEqual(['secret.key'])
  })

  it('quotes no resource id in any message, with or without --keep-ids', async () => {
    const nhsNumber = '9434765919'
    const patient = { resourceType: 'Patient', id: nhsNumber }
    const trust = { resourceType: 'Organization', id: 'trust', name: 'Trust' }
    const message = (extra: object) => ({ resourceType: 'Communication', status: 'completed', sender: { reference: `Patient/${nhsNumber}` }, ...extra })
    const bundleText = JSON.stringify({
      resourceType: 'Bundle',
      entry: [
        { fullUrl: `urn:uuid:${nhsNumber}`, resource: patient },
        { resource: trust },
        // Two recipients give channels `Communication/9434765919#1` and `#2`; the next
        // Communication, known only by its fullUrl, gets the id `9434765919#1` too.
        { resource: message({ id: nhsNumber, recipient: [{ reference: 'Organization/trust' }, { reference: 'Organization/trust' }] }) },
        { fullUrl: `urn:uuid:${nhsNumber}#1`, resource: message({ recipient: [{ reference: 'Organization/trust' }] }) },
        { resource: { resourceType: 'Communication', id: `${nhsNumber}-x`, sender: { reference: `Patient/${nhsNumber}-missing` }, recipient: [{ reference: 'Organization/trust' }] } },
      ],
    })
    writeFileSync(folder.file('bundle.json'), bundleText)
    const kept = await runInProcess(['import', '--from', 'fhir', folder.file('bundle.json'), '--keep-ids', '-o', folder.file('kept.json')])
    expect(kept.code).toBe(1)
    expect(kept.stderr).toContain('duplicate-id')
    expect(kept.stderr).toContain('from the resource at /entry/3/resource')
    const pseudonymised = await runInProcess(['import', '--from', 'fhir', folder.file('bundle.json'), '-o', folder.file('out.json')])
    expect(pseudonymised.code).toBe(0)
    for (const result of [kept, pseudonymised]) {
      expect(result.stderr).toContain('warning')
      expect(result.stderr).not.toContain(nhsNumber)
      expect(result.stdout).toBe('')
    }
    expect(readFileSync(folder.file('out.json'), 'utf8')).not.toContain(nhsNumber)
  })

  it('numbers organisations and services instead of naming them with --no-organisation-names', async () => {
    const named = await runInProcess(['import', '--from', 'fhir', bundle, '-o', folder.file('named.json')])
    const numbered = await runInProcess(['import', '--from', 'fhir', bundle, '--no-organisation-names', '-o', folder.file('numbered.json')])
    expect([named.code, numbered.code]).toEqual([0, 0])
    expect(written(folder.file('named.json')).actors.map((actor) => actor.name)).toContain('Example Integrated Care Board')
    const names = written(folder.file('numbered.json')).actors.map((actor) => actor.name)
    expect(names).toEqual(expect.arrayContaining(['Organisation 1', 'Organisation 2', 'Healthcare service 1']))
    expect(names.join(' ')).not.toMatch(/Example|Trust|Board|Team/)
  })
})
