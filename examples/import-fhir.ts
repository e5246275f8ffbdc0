/**
 * Start a model from FHIR R4 (UK Core) resources: import a small synthetic community
 * mental health bundle (examples/data/fhir-community-bundle.json).
 * Run: `npx tsx examples/import-fhir.ts`.
 */
import assert from 'node:assert/strict'

// #region import
import { readFileSync } from 'node:fs'
import { fromFhirBundle } from 'orgintel/fhir'

const bundle: unknown = JSON.parse(readFileSync('examples/data/fhir-community-bundle.json', 'utf8'))
const { model, diagnostics } = await fromFhirBundle(bundle, { id: 'community-mental-health', name: 'Community mental health (from FHIR)' })
if (model === undefined) throw new Error(diagnostics.map((diagnostic) => diagnostic.message).join('\n'))
// Patients, carers, teams and organisations become actors; each Communication a channel.
console.log(model.actors.map((actor) => `${actor.id} (${actor.kind})`))
// What could not be read is reported, never thrown: here an Observation and a dangling reference.
for (const diagnostic of diagnostics) console.log(`${diagnostic.code}: ${diagnostic.message}`)
// #endregion import

assert.deepEqual(
  model.actors.map((actor) => [actor.id, actor.kind]),
  [
    ['Organization/trust-1', 'provider'],
    ['Organization/icb-1', 'commissioner'],
    ['HealthcareService/cmht-1', 'provider'],
    ['PractitionerRole/role-1', 'clinician'],
    ['CareTeam/team-1', 'clinician'],
    ['Patient/pat-1', 'patient'],
    ['RelatedPerson/carer-1', 'carer'],
  ],
)
// A Communication with `inResponseTo` carries a response: the nurse answers the patient.
assert.equal(model.assets.find((asset) => asset.id === 'Communication/comm-2')?.kind, 'response')
assert.deepEqual(
  diagnostics.map((diagnostic) => diagnostic.code),
  ['ignored-resources', 'unresolved-reference'],
)
