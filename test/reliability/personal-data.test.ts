/**
 * No personal data leak (issue 8): what the library says about a model — diagnoses in
 * every format, simulation issues, every export — never quotes a name or free text
 * unless the caller asked for names, and a FHIR import copies no personal field
 * (names, identifiers, telecom, addresses, birth dates, narrative, free-text answers)
 * into the model, its diagnostics or anything made from them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fromFhirBundle } from '../../src/fhir/index.js'
import { toCsv, toCytoscape, toDot, toGexf, toGraphML, toKumu, toMermaid } from '../../src/io/index.js'
import { type Model, diagnose, formatDiagnosis, simulate } from '../../src/index.js'
import { fuzzedModels } from './fuzzed-models.js'
import { freeTextMarker, nameMarker } from './hostile-text.js'

const personalMarker = 'PERSONAL\u00a7'
const bundleFile = join(import.meta.dirname, '..', '..', 'examples', 'data', 'fhir-community-bundle.json')
/** Resource types about people, and the fields of theirs that hold personal data or free text. */
const peopleTypes = new Set(['Patient', 'RelatedPerson', 'Practitioner', 'PractitionerRole', 'CareTeam', 'Communication', 'QuestionnaireResponse', 'Observation'])
const codeKeys = new Set(['code', 'coding', 'type', 'system', 'status', 'resourceType', 'reference', 'id'])
const personalKeys = new Set(['name', 'family', 'given', 'prefix', 'text', 'div', 'line', 'city', 'postalCode', 'birthDate', 'value', 'contentString', 'valueString', 'display'])

/** The bundle with the marker planted in every personal field of every resource about people. */
const plantedBundle = (): unknown => {
  const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as { entry: Array<{ resource: { resourceType: string } }> }
  const plant = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return personalKeys.has(key) ? `${personalMarker}${value}` : value
    if (Array.isArray(value)) return value.map((item) => plant(item, key))
    if (typeof value !== 'object' || value === null) return value
    // Codes are vocabulary (a role's display "Nurse" names the role, not a person).
    return Object.fromEntries(Object.entries(value).map(([inner, item]) => [inner, codeKeys.has(inner) ? item : plant(item, personalKeys.has(key) ? key : inner)]))
  }
  bundle.entry = bundle.entry.map((entry) => (peopleTypes.has(entry.resource.resourceType) ? { ...entry, resource: plant(entry.resource, '') as typeof entry.resource } : entry))
  return bundle
}

/** Everything a tool built on orgintel might show or save about a model. */
const everythingSaidAbout = (model: Model): string[] => {
  const diagnosis = diagnose(model)
  return [
    JSON.stringify(model),
    ...(['text', 'markdown', 'json'] as const).map((format) => formatDiagnosis(diagnosis, format)),
    toMermaid(model, { label: 'id' }), toDot(model, { label: 'id' }),
    JSON.stringify(simulate(model, { seed: 1, days: 10, interventions: [{ day: 1, kind: 'remove-actor', actor: 'nobody' as never }] })),
  ]
}

describe('personal data', () => {
  it('a FHIR import copies no personal field into the model or its diagnostics, with or without pseudonyms', async () => {
    const bundle = plantedBundle()
    expect(JSON.stringify(bundle).split(personalMarker).length - 1).toBeGreaterThan(15)
    for (const options of [{}, { pseudonymKey: 'secret' }, { organisationNames: false }]) {
      const imported = await fromFhirBundle(bundle, options)
      expect(imported.model).toBeDefined()
      expect(imported.diagnostics.length).toBeGreaterThan(0)
      expect(JSON.stringify(imported)).not.toContain(personalMarker)
      const model = imported.model!
      for (const text of [...everythingSaidAbout(model), formatDiagnosis(diagnose(model, { names: true }), 'text')]) expect(text).not.toContain(personalMarker)
      for (const text of [toMermaid(model), toDot(model), toGraphML(model), toGexf(model), JSON.stringify([toCsv(model), toCytoscape(model), toKumu(model)])]) {
        expect(text).not.toContain(personalMarker)
      }
    }
  })

  it('a FHIR bundle damaged in every resource is reported by path, never by a personal value', async () => {
    const bundle = plantedBundle() as { entry: Array<{ resource: Record<string, unknown> }> }
    for (const entry of bundle.entry) {
      for (const key of ['sender', 'recipient', 'subject', 'author', 'patient', 'practitioner']) {
        if (key in entry.resource) entry.resource[key] = { reference: `${personalMarker}`, display: `${personalMarker} Smith` }
      }
    }
    const imported = await fromFhirBundle(bundle)
    expect(imported.diagnostics.length).toBeGreaterThan(3)
    for (const diagnostic of imported.diagnostics) expect(diagnostic.message).not.toContain(`${personalMarker} Smith`)
  })

  it('diagnoses in every format, exports by id and simulation issues never quote a name or free text; names: true does', () => {
    let named = 0
    for (const model of fuzzedModels(70_000, 200)) {
      for (const text of everythingSaidAbout(model).slice(1)) {
        expect(text).not.toContain(nameMarker)
        expect(text).not.toContain(freeTextMarker)
      }
      if (formatDiagnosis(diagnose(model, { names: true }), 'text').includes(nameMarker)) named++
    }
    // The markers are there to be found: asking for names shows them.
    expect(named).toBeGreaterThan(100)
  })
})
