/**
 * Build a small "you said, we did" model in TypeScript with the builder, and check it
 * validates exactly as a JSON document would. Run: `npx tsx examples/build-model.ts`.
 */
import assert from 'node:assert/strict'
import { createModel, modelBuilder } from '../src/model/builder.js'
import { formatModelErrors } from '../src/model/errors.js'

// #region builder
const base = modelBuilder({ id: 'clinic-feedback', name: 'Clinic feedback', description: 'Illustrative.' })
  .actor({ id: 'patients', name: 'Clinic patients', kind: 'patient', levels: ['delivery'] })
  .actor({ id: 'clinic-team', name: 'Clinic team', kind: 'clinician', levels: ['delivery'] })
  .asset({ id: 'stories', name: 'Patient stories', kind: 'experience', holder: 'patients' })
  .asset({ id: 'reply', name: 'What we changed', kind: 'response', holder: 'clinic-team' })
  .channel({ from: 'patients', to: 'clinic-team', carries: ['stories'], level: 'delivery', polarity: '+' })

// The builder is immutable: `base` is unchanged by what is added to `closed`.
const closed = base
  .channel({ from: 'clinic-team', to: 'patients', carries: ['reply'], level: 'delivery', polarity: '+' })
  .loop({ id: 'you-said-we-did', name: 'You said, we did', level: 'delivery', through: ['patients', 'clinic-team', 'patients'] })

const built = closed.build()
assert.equal(built._tag, 'Right')
if (built._tag === 'Right') {
  // Channel ids were made from their ends; defaults were filled in.
  assert.deepEqual(
    built.right.channels.map((channel) => channel.id),
    ['patients->clinic-team', 'clinic-team->patients'],
  )
  assert.equal(built.right.actors[0]?.perspective, 'lay')
  assert.equal(built.right.channels[0]?.status, 'active')
}
const baseBuilt = base.build()
assert.ok(baseBuilt._tag === 'Right' && baseBuilt.right.channels.length === 1)
// #endregion builder

// #region create
const broken = createModel({
  id: 'broken',
  name: 'Broken',
  actors: [{ id: 'patients', name: 'Patients', kind: 'patient', levels: ['delivery'] }],
  channels: [{ from: 'patients', to: 'nobody', carries: [], level: 'delivery' }],
})
assert.equal(broken._tag, 'Left')
if (broken._tag === 'Left') {
  console.log(formatModelErrors(broken.left))
  assert.deepEqual(
    broken.left.map((error) => [error.code, error.path]),
    [['unknown-reference', '/channels/0/to']],
  )
}
// #endregion create
