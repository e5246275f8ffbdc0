import { describe, expect, expectTypeOf, it } from 'vitest'
import { type ActorDraft, type ChannelDraft, createModel, modelBuilder } from '../../src/model/builder.js'
import { decodeModel } from '../../src/model/decode.js'
import { validDocument } from './fixtures.js'

const start = () =>
  modelBuilder({ id: 'built', name: 'Built' })
    .actor({ id: 'patients', name: 'Patients', kind: 'patient', levels: ['delivery'] })
    .actor({ id: 'nurses', name: 'Nurses', kind: 'clinician', levels: ['delivery'] })
    .asset({ id: 'stories', name: 'Stories', kind: 'experience', holder: 'patients' })

describe('modelBuilder', () => {
  it('builds the same model decodeModel gives for the equivalent document', () => {
    const document = validDocument() as Record<string, any>
    let builder = modelBuilder({ id: document['id'], name: document['name'] })
    for (const actor of document['actors']) builder = builder.actor(actor)
    for (const asset of document['assets']) builder = builder.asset(asset)
    for (const channel of document['channels']) builder = builder.channel(channel)
    for (const loop of document['loops']) builder = builder.loop(loop)
    expect(builder.build()).toEqual(decodeModel(document))
  })

  it('makes channel ids from the ends, numbering repeats and avoiding explicit ids', () => {
    const result = start()
      .channel({ from: 'patients', to: 'nurses', carries: ['stories'], level: 'delivery' })
      .channel({ from: 'patients', to: 'nurses', carries: [], level: 'delivery' })
      .channel({ id: 'patients->nurses-3', from: 'nurses', to: 'patients', carries: [], level: 'delivery' })
      .channel({ from: 'patients', to: 'nurses', carries: [], level: 'delivery' })
      .channel({ from: 'nurses', to: 'patients', carries: [], level: 'delivery' })
      .build()
    expect(result._tag === 'Right' && result.right.channels.map((channel) => channel.id)).toEqual([
      'patients->nurses',
      'patients->nurses-2',
      'patients->nurses-3',
      'patients->nurses-4',
      'nurses->patients',
    ])
  })

  it('is immutable: extending a builder leaves it unchanged', () => {
    const base = start()
    const extended = base.channel({ from: 'patients', to: 'nurses', carries: ['stories'], level: 'delivery' })
    const other = base.actor({ id: 'carers', name: 'Carers', kind: 'carer', levels: ['delivery'] })
    const baseModel = base.build()
    expect(baseModel._tag === 'Right' && [baseModel.right.actors.length, baseModel.right.channels.length]).toEqual([2, 0])
    const extendedModel = extended.build()
    expect(extendedModel._tag === 'Right' && extendedModel.right.channels.length).toBe(1)
    const otherModel = other.build()
    expect(otherModel._tag === 'Right' && [otherModel.right.actors.length, otherModel.right.channels.length]).toEqual([3, 0])
  })

  it('ends in decodeModel validation, with paths into the built document', () => {
    const result = start()
      .channel({ from: 'patients', to: 'nurses', carries: ['stories'], level: 'delivery' })
      .channel({ from: 'patients', to: 'ward-7', carries: ['gossip'], level: 'delivery', reliability: 2 })
      .build()
    // The broken channel's references are checked in the same pass as its shape.
    expect(result._tag === 'Left' && result.left.map((error) => [error.code, error.path])).toEqual([
      ['out-of-range', '/channels/1/reliability'],
      ['unknown-reference', '/channels/1/to'],
      ['unknown-reference', '/channels/1/carries/0'],
    ])
    const fixed = start().channel({ from: 'patients', to: 'ward-7', carries: ['gossip'], level: 'delivery' }).build()
    expect(fixed._tag === 'Left' && fixed.left.map((error) => [error.code, error.path])).toEqual([
      ['unknown-reference', '/channels/0/to'],
      ['unknown-reference', '/channels/0/carries/0'],
    ])
  })

  it('builds 100,000 channels without quadratic copying', () => {
    let builder = start()
    for (let i = 0; i < 100_000; i++) builder = builder.channel({ from: 'patients', to: 'nurses', carries: [], level: 'delivery' })
    const result = builder.build()
    expect(result._tag === 'Right' && result.right.channels[99_999]?.id).toBe('patients->nurses-100000')
  })
})

describe('createModel', () => {
  it('fills schema, empty collections and defaults', () => {
    const result = createModel({ id: 'm', name: 'M', actors: [{ id: 'a', name: 'A', kind: 'carer', levels: ['planning'] }] })
    expect(result._tag).toBe('Right')
    if (result._tag === 'Left') return
    expect(result.right).toMatchObject({ schema: 'orgintel/v2', assets: [], channels: [], loops: [] })
    expect(result.right.actors[0]).toMatchObject({ perspective: 'lay', tags: [] })
  })

  it('does not change the draft', () => {
    const channels: ChannelDraft[] = [{ from: 'a', to: 'a', carries: [], level: 'planning' }]
    createModel({ id: 'm', name: 'M', actors: [{ id: 'a', name: 'A', kind: 'carer', levels: ['planning'] }], channels })
    expect(channels[0]).not.toHaveProperty('id')
  })

  it('takes drafts typed from the codecs: defaults optional, vocabularies closed', () => {
    expectTypeOf<{ id: string; name: string; kind: 'patient'; levels: ['delivery'] }>().toExtend<ActorDraft>()
    expectTypeOf<{ id: string; name: string; kind: 'doctor'; levels: ['delivery'] }>().not.toExtend<ActorDraft>()
    expectTypeOf<{ from: string; to: string; carries: []; level: 'delivery' }>().toExtend<ChannelDraft>()
    expectTypeOf<{ from: string; to: string; carries: [] }>().not.toExtend<ChannelDraft>()
  })
})
