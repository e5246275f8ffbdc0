/**
 * Validate a bundled model and a broken document, and print what is wrong with the
 * broken one. Run: `npx tsx examples/validate-model.ts`.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseModel } from '../src/model/decode.js'
import { formatModelErrors } from '../src/model/errors.js'
import { modelWarnings } from '../src/model/warnings.js'

const bundled = readFileSync(new URL('./models/ward-you-said-we-did.json', import.meta.url), 'utf8')

// #region decode
const ward = parseModel(bundled)
if (ward._tag === 'Left') throw new Error(formatModelErrors(ward.left))
console.log(`${ward.right.id}: ${ward.right.actors.length} actors, ${ward.right.channels.length} channels`)
assert.equal(ward.right.actors[0]?.perspective, 'lay') // a patient: lay by default
assert.deepEqual(modelWarnings(ward.right), [])

const broken = parseModel(`{
  "schema": "orgintel/v2", "id": "broken", "name": "Broken",
  "actors": [{ "id": "patients", "name": "Patients", "kind": "patient", "levels": [] }],
  "assets": [],
  "channels": [{ "id": "c1", "from": "patients", "to": "ward-7", "carries": [], "level": "delivery", "reliability": 1.5 }]
}`)
assert.equal(broken._tag, 'Left')
if (broken._tag === 'Left') {
  console.log(formatModelErrors(broken.left))
  // Shape errors first, every one of them; references are checked once the shape is right.
  assert.deepEqual(
    broken.left.map((error) => `${error.path} ${error.code}`),
    ['/actors/0/levels invalid-value', '/channels/0/reliability out-of-range'],
  )
}

const notJson = parseModel('{ "schema": "orgintel/v2",\n  "actors": [,] }')
assert.ok(notJson._tag === 'Left' && notJson.left[0]?.code === 'invalid-json')
if (notJson._tag === 'Left') {
  console.log(formatModelErrors(notJson.left))
  assert.equal(notJson.left[0]?.line, 2)
  assert.equal(notJson.left[0]?.column, 14)
}
// #endregion decode
