import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fromFhirBundle } from '../../src/fhir/index.js'

const bundle = (): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/data/fhir-community-bundle.json', import.meta.url)), 'utf8'))

// Every personal value in the synthetic bundle: none may appear in any output.
const personalValues = [
  '9990000018',
  'Bartholomew',
  'Gwendolyn',
  'Fictitious',
  'Alexandra',
  'Testperson',
  'alexandra.testperson@example.org',
  '07700 900123',
  '07700 900456',
  '01632 960001',
  '42 Imaginary Lane',
  '1 Synthetic Road',
  'ZZ99 1AA',
  'ZZ99 9ZZ',
  '1961-02-29',
  '1963-07-14',
  'evening visits',
  'medication',
  'found the team kind',
]

describe('fromFhirBundle', () => {
  it('builds actors, channels and assets from a UK-style bundle', async () => {
    const { model, diagnostics } = await fromFhirBundle(bundle())
    expect(model).toBeDefined()
    expect(model!.actors.map((actor) => [actor.id, actor.kind, actor.name])).toEqual([
      ['Organization/trust-1', 'provider', 'Example Community Health NHS Trust'],
      ['Organization/icb-1', 'commissioner', 'Example Integrated Care Board'],
      ['HealthcareService/cmht-1', 'provider', 'Community Mental Health Team (Example)'],
      ['PractitionerRole/role-1', 'clinician', 'Nurse 1'],
      ['CareTeam/team-1', 'clinician', 'Care team 1'],
      ['Patient/pat-1', 'patient', 'Patient 1'],
      ['RelatedPerson/carer-1', 'carer', 'Carer 1'],
    ])
    // The reply (inResponseTo) carries a response asset back to the patient and carer.
    const reply = model!.channels.filter((channel) => channel.carries[0] === 'Communication/comm-2')
    expect(reply.map((channel) => [channel.from, channel.to, channel.latencyDays])).toEqual([
      ['PractitionerRole/role-1', 'Patient/pat-1', 0.25],
      ['PractitionerRole/role-1', 'RelatedPerson/carer-1', 0.25],
    ])
    expect(model!.assets.find((asset) => asset.id === 'Communication/comm-2')?.kind).toBe('response')
    expect(model!.assets.find((asset) => asset.id === 'QuestionnaireResponse/qr-1')).toMatchObject({ kind: 'experience', holder: 'Patient/pat-1' })
    expect(model!.channels.find((channel) => channel.id === 'Communication/comm-4')?.status).toBe('planned')
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'ignored-resources', severity: 'info' }),
      expect.objectContaining({ code: 'unresolved-reference', path: '/entry/10/resource/recipient/1' }),
    ])
  })

  it('lets no name, telecom, address, birth date, identifier or free text through', async () => {
    const results = [await fromFhirBundle(bundle()), await fromFhirBundle(bundle(), { pseudonymKey: 'k', organisationNames: false })]
    for (const result of results) {
      const text = JSON.stringify(result)
      for (const value of personalValues) expect(text).not.toContain(value)
    }
  })

  it('pseudonymises ids with a keyed HMAC, stably per key', async () => {
    const first = await fromFhirBundle(bundle(), { pseudonymKey: 'secret' })
    const again = await fromFhirBundle(bundle(), { pseudonymKey: new TextEncoder().encode('secret') })
    const other = await fromFhirBundle(bundle(), { pseudonymKey: 'another secret' })
    expect(first.model).toEqual(again.model)
    const ids = first.model!.actors.map((actor) => actor.id)
    expect(ids.every((id) => /^[A-Za-z]+\/[0-9a-f]{24}$/.test(id))).toBe(true)
    expect(ids.some((id) => id.includes('pat-1') || id.includes('trust-1'))).toBe(false)
    expect(other.model!.actors.map((actor) => actor.id)).not.toEqual(ids)
    // References still join up under pseudonyms.
    expect(first.model!.channels).toHaveLength(5)
  })

  it('uses option code maps for organisation and role kinds', async () => {
    const { model } = await fromFhirBundle(bundle(), {
      organizationKinds: new Map([['RO197', 'board']]),
      roleKinds: new Map([['nurse', 'manager']]),
    })
    expect(model!.actors.find((actor) => actor.id === 'Organization/trust-1')).toMatchObject({ kind: 'board', levels: ['planning'] })
    expect(model!.actors.find((actor) => actor.id === 'PractitionerRole/role-1')?.kind).toBe('manager')
  })

  it('turns malformed input into diagnostics, never exceptions', async () => {
    for (const input of [null, 42, 'Bundle', [], { resourceType: 'Patient' }]) {
      const result = await fromFhirBundle(input)
      expect(result.model).toBeUndefined()
      expect(result.diagnostics[0]?.code).toBe('invalid-bundle')
    }
    const messy = {
      resourceType: 'Bundle',
      entry: [
        null,
        { resource: { id: 'no-type' } },
        { resource: { resourceType: 'Patient', id: 'p' } },
        { resource: { resourceType: 'Patient', id: 'p' } },
        { resource: { resourceType: 'Communication', id: 'c1', sender: { reference: '#secret-ref' }, recipient: [{ reference: 'Patient/p' }] } },
        { resource: { resourceType: 'Communication', id: 'c2', recipient: 'not a list' } },
        { resource: { resourceType: 'Communication', id: 'c3', sender: { reference: 'Observation/o' }, recipient: [{ reference: 'Patient/p' }], inResponseTo: [{ reference: 'Communication/gone' }] } },
        { resource: { resourceType: 'Observation', id: 'o' } },
        { resource: { resourceType: 'QuestionnaireResponse', id: 'q' } },
      ],
    }
    const result = await fromFhirBundle(messy)
    expect(result.model?.actors).toHaveLength(1)
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'invalid-resource',
      'invalid-resource',
      'duplicate-resource',
      'ignored-resources',
      'unsupported-reference',
      'missing-reference',
      'unresolved-reference',
      'unresolved-reference',
      'missing-reference',
    ])
    for (const diagnostic of result.diagnostics) expect(diagnostic.message).not.toMatch(/gone|secret-ref|Observation\/o/)
  })

  it('resolves urn:uuid fullUrls and absolute URLs', async () => {
    const result = await fromFhirBundle({
      resourceType: 'Bundle',
      entry: [
        { fullUrl: 'urn:uuid:1', resource: { resourceType: 'Patient' } },
        { fullUrl: 'https://x.example/fhir/Organization/o', resource: { resourceType: 'Organization', id: 'o', name: 'Org' } },
        { resource: { resourceType: 'Communication', id: 'c', sender: { reference: 'urn:uuid:1' }, recipient: [{ reference: 'https://x.example/fhir/Organization/o/_history/2' }] } },
      ],
    })
    expect(result.diagnostics).toEqual([])
    expect(result.model!.channels[0]).toMatchObject({ from: 'Patient/1', to: 'Organization/o' })
  })
})
