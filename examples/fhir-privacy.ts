/**
 * No personal data survives a FHIR import, and resource ids can be replaced by keyed
 * pseudonyms. Run: `npx tsx examples/fhir-privacy.ts`.
 */
import assert from 'node:assert/strict'

// #region privacy
import { readFileSync } from 'node:fs'
import { fromFhirBundle } from 'orgintel/fhir'

// The bundle holds names, an NHS number, phone numbers, addresses, birth dates and free
// text. None of it is copied: people are named by their role ("Patient 1", "Carer 1").
const bundle: unknown = JSON.parse(readFileSync('examples/data/fhir-community-bundle.json', 'utf8'))
const plain = await fromFhirBundle(bundle)
console.log(plain.model?.actors.map((actor) => actor.name))

// With a secret key, resource ids become keyed pseudonyms (HMAC-SHA-256): the same key
// gives the same ids, so two imports can be joined without revealing the originals.
const pseudonymised = await fromFhirBundle(bundle, { pseudonymKey: 'a secret kept outside the code' })
const again = await fromFhirBundle(bundle, { pseudonymKey: 'a secret kept outside the code' })
console.log(pseudonymised.model?.actors.map((actor) => actor.id))
// #endregion privacy

const personalValues = ['9990000018', 'Bartholomew', 'Gwendolyn', 'Fictitious', 'Alexandra', 'Testperson', '07700 900123', '42 Imaginary Lane', 'ZZ99 1AA', '1961-02-29', 'found the team kind']
const imported = JSON.stringify(plain.model)
for (const value of personalValues) assert.ok(!imported.includes(value), 'no personal data in the model')
assert.equal(plain.model?.actors.find((actor) => actor.kind === 'patient')?.name, 'Patient 1')
assert.ok(pseudonymised.model !== undefined && again.model !== undefined)
assert.ok(!JSON.stringify(pseudonymised.model).includes('pat-1'))
assert.match(pseudonymised.model.actors[5]!.id, /^Patient\/[0-9a-f]{24}$/)
assert.deepEqual(pseudonymised.model, again.model)
