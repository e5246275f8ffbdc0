import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fromFhirBundle } from '../../src/fhir/index.js'

const bundle = (): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/data/fhir-community-bundle.json', import.meta.url)), 'utf8'))

// Ids of the example bundle that must never leak when a pseudonym key was asked for.
const realIds = ['pat-1', 'carer-1', 'team-1', 'role-1', 'trust-1', 'comm-1', 'qr-1']

describe('fromFhirBundle with an unusable pseudonym key', () => {
  it.each([
    ['an empty string', ''],
    ['an empty byte array', new Uint8Array(0)],
  ])('reports %s as an invalid-option error instead of throwing or keeping real ids', async (_label, pseudonymKey) => {
    const result = await fromFhirBundle(bundle(), { pseudonymKey })
    expect(result.model).toBeUndefined()
    expect(result.diagnostics).toEqual([
      { code: 'invalid-option', severity: 'error', path: '/pseudonymKey', message: 'The pseudonym key is empty; give at least one character or byte.' },
    ])
    const text = JSON.stringify(result)
    for (const id of realIds) expect(text).not.toContain(id)
  })

  it.each([
    ['null', null],
    ['a number', 5],
    ['a plain object', { key: 'secret' }],
  ])('reports a key that is %s (from untyped JavaScript) without using it', async (_label, pseudonymKey) => {
    const result = await fromFhirBundle(bundle(), { pseudonymKey } as never)
    expect(result.model).toBeUndefined()
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.path])).toEqual([['invalid-option', 'error', '/pseudonymKey']])
    expect(JSON.stringify(result)).not.toContain('secret')
  })

  it('reports the bad key together with a bad bundle', async () => {
    const result = await fromFhirBundle({ resourceType: 'Patient', id: 'pat-1' }, { pseudonymKey: '' })
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['invalid-option', 'invalid-bundle'])
    expect(JSON.stringify(result)).not.toContain('pat-1')
  })

  it('keeps the pseudonyms of a one-character key and of a Buffer key', async () => {
    const text = await fromFhirBundle(bundle(), { pseudonymKey: ' ' })
    const bytes = await fromFhirBundle(bundle(), { pseudonymKey: Buffer.from(' ') })
    expect(text.diagnostics.some((diagnostic) => diagnostic.code === 'invalid-option')).toBe(false)
    expect(bytes.model).toEqual(text.model)
    expect(text.model!.actors.every((actor) => /^[A-Za-z]+\/[0-9a-f]{24}$/.test(actor.id))).toBe(true)
  })
})
