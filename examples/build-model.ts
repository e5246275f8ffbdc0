/**
 * Build a small "you said, we did" model in TypeScript with the builder, extend a model
 * that already exists, and check a draft exactly as a JSON document would be checked.
 * Run: `npx tsx examples/build-model.ts`.
 */
import assert from 'node:assert/strict'

// #region builder
import { modelBuilder } from 'orgintel'

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

const built = closed.build() // an Either: the model, or every problem with its path
if (built._tag === 'Left') throw new Error(built.left.map((error) => error.message).join('\n'))
// Channel ids were made from their ends; defaults were filled in.
console.log(built.right.channels.map((channel) => `${channel.id} (${channel.status})`))

// Start from an existing model to extend it: here a carers' group joins the clinic.
const withCarers = modelBuilder(built.right)
  .actor({ id: 'carers', name: 'Carers', kind: 'carer', levels: ['delivery'] })
  .channel({ from: 'carers', to: 'clinic-team', carries: [], level: 'delivery' })
  .build()
if (withCarers._tag === 'Right') console.log(`${withCarers.right.actors.length} actors, ${withCarers.right.channels.length} channels`)
// #endregion builder

assert.deepEqual(
  built.right.channels.map((channel) => channel.id),
  ['patients->clinic-team', 'clinic-team->patients'],
)
assert.equal(built.right.actors[0]?.perspective, 'lay')
assert.equal(built.right.channels[0]?.status, 'active')
const baseBuilt = base.build()
assert.ok(baseBuilt._tag === 'Right' && baseBuilt.right.channels.length === 1)
assert.ok(withCarers._tag === 'Right')
assert.deepEqual(withCarers.right.channels.map((channel) => channel.id), ['patients->clinic-team', 'clinic-team->patients', 'carers->clinic-team'])

// #region create
import { createModel, formatModelErrors } from 'orgintel'

const broken = createModel({
  id: 'broken',
  name: 'Broken',
  actors: [{ id: 'patients', name: 'Patients', kind: 'patient', levels: ['delivery'] }],
  channels: [{ from: 'patients', to: 'nobody', carries: [], level: 'delivery' }],
})
if (broken._tag === 'Left') console.log(formatModelErrors(broken.left))
// #endregion create

assert.ok(broken._tag === 'Left')
assert.deepEqual(
  broken.left.map((error) => [error.code, error.path]),
  [['unknown-reference', '/channels/0/to']],
)
