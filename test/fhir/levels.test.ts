/**
 * Every channel the FHIR importer builds works at a level both its actors take part in,
 * so an imported model never draws a `level-mismatch` warning (the bundled example's
 * Communication/comm-4, a service writing to its commissioner, used to).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromFhirBundle } from '../../src/fhir/index.js'
import { encodeModel, modelWarnings, parseModel } from '../../src/index.js'
import type { Model } from '../../src/index.js'

const example = (): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL('../../examples/data/fhir-community-bundle.json', import.meta.url)), 'utf8'))

/** The model as a user gets it back: written to JSON and decoded again. */
const reloaded = (model: Model): Model => {
  const result = parseModel(JSON.stringify(encodeModel(model)))
  if (result._tag === 'Left') throw new Error(result.left.map((error) => error.code).join(', '))
  return result.right
}

const levelMismatches = (model: Model) => modelWarnings(reloaded(model)).filter((warning) => warning.code === 'level-mismatch')

/** Channels at a level one of their actors does not take part in, as `channel: actor`. */
const outsideLevel = (model: Model): string[] => {
  const actors = new Map(model.actors.map((actor) => [actor.id, actor]))
  return model.channels.flatMap((channel) =>
    [channel.from, channel.to]
      .filter((id) => !actors.get(id)!.levels.includes(channel.level))
      .map((id) => `${channel.id}: ${id}`),
  )
}

const icbType = [{ coding: [{ system: 'https://digital.nhs.uk/services/organisation-data-service/CodeSystem/ODSOrganisationRole', code: 'RO318' }] }]

describe('fromFhirBundle levels', () => {
  it('imports the bundled example with no level-mismatch warning', async () => {
    const { model } = await fromFhirBundle(example())
    expect(model).toBeDefined()
    expect(levelMismatches(model!)).toEqual([])
    expect(outsideLevel(model!)).toEqual([])
    // comm-4: the community mental health team writes to the integrated care board.
    expect(model!.channels.find((channel) => channel.id === 'Communication/comm-4')?.level).toBe('planning')
    expect(model!.actors.find((actor) => actor.id === 'HealthcareService/cmht-1')?.levels).toEqual(['delivery', 'planning'])
    expect(model!.actors.find((actor) => actor.id === 'Organization/icb-1')?.levels).toEqual(['planning'])
  })

  it('has no level-mismatch with pseudonyms either', async () => {
    const { model } = await fromFhirBundle(example(), { pseudonymKey: 'a test key' })
    expect(levelMismatches(model!)).toEqual([])
  })

  it('puts a service-to-commissioner channel at planning and adds planning to the service', async () => {
    const { model, diagnostics } = await fromFhirBundle({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Organization', id: 'icb', type: icbType } },
        { resource: { resourceType: 'HealthcareService', id: 'svc' } },
        { resource: { resourceType: 'Communication', id: 'c', status: 'preparation', sender: { reference: 'HealthcareService/svc' }, recipient: [{ reference: 'Organization/icb' }] } },
      ],
    })
    expect(diagnostics).toEqual([])
    expect(model!.actors.map((actor) => [actor.id, actor.kind, actor.levels])).toEqual([
      ['Organization/icb', 'commissioner', ['planning']],
      ['HealthcareService/svc', 'provider', ['delivery', 'planning']],
    ])
    expect(model!.channels.map((channel) => [channel.id, channel.level])).toEqual([['Communication/c', 'planning']])
    expect(levelMismatches(model!)).toEqual([])
  })

  it('chooses a shared level when there is one, whatever the order of the bundle', async () => {
    const entries = [
      { resource: { resourceType: 'Organization', id: 'icb', type: icbType } },
      { resource: { resourceType: 'Organization', id: 'cqc', type: [{ coding: [{ code: 'govt' }] }] } },
      { resource: { resourceType: 'Patient', id: 'p' } },
      { resource: { resourceType: 'HealthcareService', id: 'svc' } },
      { resource: { resourceType: 'Communication', id: 'up', sender: { reference: 'HealthcareService/svc' }, recipient: [{ reference: 'Organization/icb' }] } },
      { resource: { resourceType: 'Communication', id: 'down', sender: { reference: 'Organization/cqc' }, recipient: [{ reference: 'Patient/p' }, { reference: 'HealthcareService/svc' }] } },
      { resource: { resourceType: 'Communication', id: 'care', sender: { reference: 'HealthcareService/svc' }, recipient: [{ reference: 'Patient/p' }] } },
    ]
    const forward = await fromFhirBundle({ resourceType: 'Bundle', entry: entries })
    const backward = await fromFhirBundle({ resourceType: 'Bundle', entry: [...entries].reverse() })
    for (const { model } of [forward, backward]) {
      const levelOf = (id: string) => model!.channels.find((channel) => channel.id === id)?.level
      expect([levelOf('Communication/up'), levelOf('Communication/down#1'), levelOf('Communication/down#2'), levelOf('Communication/care')])
        .toEqual(['planning', 'strategy', 'strategy', 'delivery'])
      expect(model!.actors.find((actor) => actor.id === 'HealthcareService/svc')?.levels).toEqual(['delivery', 'planning', 'strategy'])
      expect(model!.actors.find((actor) => actor.id === 'Patient/p')?.levels).toEqual(['delivery', 'strategy'])
      expect(model!.actors.find((actor) => actor.id === 'Organization/cqc')?.levels).toEqual(['strategy'])
      expect(levelMismatches(model!)).toEqual([])
    }
  })

  it('never puts a channel outside its actors\' levels, for random small bundles', async () => {
    const actorResources = [
      { resourceType: 'Patient' },
      { resourceType: 'RelatedPerson' },
      { resourceType: 'CareTeam' },
      { resourceType: 'HealthcareService' },
      { resourceType: 'PractitionerRole', code: [{ coding: [{ code: 'nurse' }] }] },
      { resourceType: 'PractitionerRole', code: [{ coding: [{ code: 'teacher' }] }] },
      { resourceType: 'Organization', type: [{ coding: [{ code: 'prov' }] }] },
      { resourceType: 'Organization', type: icbType },
      { resourceType: 'Organization', type: [{ coding: [{ code: 'govt' }] }] },
      { resourceType: 'Organization', type: [{ coding: [{ code: 'edu' }] }] },
    ]
    const bundles = fc
      .array(fc.constantFrom(...actorResources), { minLength: 1, maxLength: 6 })
      .chain((actors) => {
        const references = actors.map((actor, i) => `${actor.resourceType}/a${i}`)
        const communication = fc.record({
          sender: fc.constantFrom(...references),
          recipients: fc.array(fc.constantFrom(...references), { minLength: 1, maxLength: 3 }),
          reply: fc.boolean(),
        })
        return fc.tuple(fc.constant(actors), fc.array(communication, { maxLength: 8 }), fc.boolean())
      })
      .map(([actors, communications, reversed]) => {
        const entry = [
          ...actors.map((actor, i) => ({ resource: { ...actor, id: `a${i}` } })),
          ...communications.map((communication, i) => ({
            resource: {
              resourceType: 'Communication',
              id: `c${i}`,
              sender: { reference: communication.sender },
              recipient: communication.recipients.map((reference) => ({ reference })),
              ...(communication.reply && i > 0 ? { inResponseTo: [{ reference: `Communication/c${i - 1}` }] } : {}),
            },
          })),
        ]
        return { resourceType: 'Bundle', type: 'collection', entry: reversed ? entry.reverse() : entry }
      })
    await fc.assert(
      fc.asyncProperty(bundles, async (bundle) => {
        const { model, diagnostics } = await fromFhirBundle(bundle)
        expect(diagnostics).toEqual([])
        expect(outsideLevel(model!)).toEqual([])
        expect(levelMismatches(model!)).toEqual([])
      }),
      { seed: 20_120_601, numRuns: 300 },
    )
  })
})
