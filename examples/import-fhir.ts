/**
 * Start a model from FHIR R4 (UK Core) resources: import a small synthetic community
 * mental health bundle (examples/data/fhir-community-bundle.json), check that no
 * personal data survives the import, pseudonymise the ids, and diagnose the result.
 * Run: `npx tsx examples/import-fhir.ts`.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { diagnose } from '../src/diagnose/diagnose.js'
import { fromFhirBundle } from '../src/fhir/index.js'

const bundle: unknown = JSON.parse(readFileSync(new URL('./data/fhir-community-bundle.json', import.meta.url), 'utf8'))

// #region import
const { model, diagnostics } = await fromFhirBundle(bundle, { id: 'community-mental-health', name: 'Community mental health (from FHIR)' })
if (model === undefined) throw new Error(diagnostics.map((diagnostic) => diagnostic.message).join('\n'))
// Patients, carers, teams and organisations become actors; each Communication a channel.
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
// What could not be read is reported, never thrown: here an Observation and a dangling reference.
assert.deepEqual(
  diagnostics.map((diagnostic) => diagnostic.code),
  ['ignored-resources', 'unresolved-reference'],
)
// #endregion import

// #region privacy
// The bundle holds names, an NHS number, phone numbers, addresses, birth dates and free
// text. None of it is copied: people are named by their role ("Patient 1", "Carer 1").
const personalValues = ['9990000018', 'Bartholomew', 'Gwendolyn', 'Fictitious', 'Alexandra', 'Testperson', '07700 900123', '42 Imaginary Lane', 'ZZ99 1AA', '1961-02-29', 'found the team kind']
const imported = JSON.stringify(model)
for (const value of personalValues) assert.ok(!imported.includes(value), 'no personal data in the model')
assert.equal(model.actors.find((actor) => actor.kind === 'patient')?.name, 'Patient 1')

// With a secret key, resource ids become keyed pseudonyms (HMAC-SHA-256): the same key
// gives the same ids, so two imports can be joined without revealing the originals.
const pseudonymised = await fromFhirBundle(bundle, { pseudonymKey: 'a secret kept outside the code' })
const again = await fromFhirBundle(bundle, { pseudonymKey: 'a secret kept outside the code' })
assert.ok(pseudonymised.model !== undefined && again.model !== undefined)
assert.ok(!JSON.stringify(pseudonymised.model).includes('pat-1'))
assert.match(pseudonymised.model.actors[5]!.id, /^Patient\/[0-9a-f]{24}$/)
assert.deepEqual(pseudonymised.model, again.model)
// #endregion privacy

// #region diagnose
// FHIR records who talks to whom: the carer writes to the care team and hears nothing back.
const diagnosis = diagnose(model)
assert.ok(
  diagnosis.defects.some((defect) => defect.rule === 'open-loop' && defect.channels.includes('Communication/comm-3#1' as never)),
)
// #endregion diagnose

process.stdout.write(
  `${model.id}: ${model.actors.length} actors, ${model.channels.length} channels, ${diagnosis.defects.length} defects; ` +
    `diagnostics: ${diagnostics.map((diagnostic) => diagnostic.code).join(', ')}\n`,
)
