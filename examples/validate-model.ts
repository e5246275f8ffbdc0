/**
 * Validate a bundled model and a broken document, and print what is wrong with the
 * broken one. Run from the repository (or a project with the package's examples
 * copied in): `npx tsx examples/validate-model.ts`.
 */
import assert from 'node:assert/strict'

// #region decode
import { readFileSync } from 'node:fs'
import { formatModelErrors, modelWarnings, parseModel } from 'orgintel'

const ward = parseModel(readFileSync('examples/models/ward-you-said-we-did.json', 'utf8'))
if (ward._tag === 'Left') throw new Error(formatModelErrors(ward.left))
console.log(`${ward.right.id}: ${ward.right.actors.length} actors, ${ward.right.channels.length} channels`)
console.log(`a patient's perspective defaults to ${ward.right.actors[0]?.perspective}; ${modelWarnings(ward.right).length} warnings`)

// Every problem in one pass, each with a JSON Pointer path and a stable code.
const broken = parseModel(`{
  "schema": "orgintel/v2", "id": "broken", "name": "Broken",
  "actors": [{ "id": "patients", "name": "Patients", "kind": "patient", "levels": [] }],
  "assets": [],
  "channels": [{ "id": "c1", "from": "patients", "to": "ward-7", "carries": [], "level": "delivery", "reliability": 1.5 }]
}`)
if (broken._tag === 'Left') console.log(formatModelErrors(broken.left))

// Text that is not JSON says where it stops being JSON.
const notJson = parseModel('{ "schema": "orgintel/v2",\n  "actors": [,] }')
if (notJson._tag === 'Left') console.log(formatModelErrors(notJson.left))
// #endregion decode

assert.equal(ward.right.actors[0]?.perspective, 'lay') // a patient: lay by default
// The ward's lapsed channels leave what was made downstream of the stories unreached.
assert.deepEqual(modelWarnings(ward.right).map((warning) => warning.code), ['provenance-unreached', 'provenance-unreached'])
assert.ok(broken._tag === 'Left')
assert.deepEqual(
  broken.left.map((error) => `${error.path} ${error.code}`),
  ['/actors/0/levels invalid-value', '/channels/0/reliability out-of-range', '/channels/0/to unknown-reference'],
)
assert.ok(notJson._tag === 'Left' && notJson.left[0]?.code === 'invalid-json')
assert.equal(notJson.left[0]?.line, 2)
assert.equal(notJson.left[0]?.column, 14)
