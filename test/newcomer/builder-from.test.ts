/**
 * A model can be extended as well as started: `modelBuilder(model)` and
 * `createModel(model)` take an existing model (or draft) and keep everything in it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createModel, modelBuilder } from '../../src/model/builder.js'
import { parseModel } from '../../src/model/decode.js'
import type { Model } from '../../src/model/codecs.js'

const root = join(import.meta.dirname, '..', '..')
const ward = ((): Model => {
  const parsed = parseModel(readFileSync(join(root, 'examples', 'models', 'ward-you-said-we-did.json'), 'utf8'))
  if (parsed._tag === 'Left') throw new Error('the Ward 7 example does not decode')
  return parsed.right
})()

describe('modelBuilder(from)', () => {
  it('starting from a model and adding nothing builds the same model', () => {
    expect(modelBuilder(ward).build()).toEqual(createModel(ward))
    const built = modelBuilder(ward).build()
    expect(built._tag === 'Right' && built.right).toEqual(ward)
  })

  it('adds to an existing model: its items first, then what is added, ids made around its own', () => {
    const result = modelBuilder(ward)
      .channel({ from: 'pals', to: 'carers', carries: ['pals-reply'], level: 'delivery' })
      .channel({ from: 'pals', to: 'carers', carries: [], level: 'delivery' })
      .build()
    expect(result._tag).toBe('Right')
    if (result._tag === 'Left') return
    expect(result.right.channels.slice(0, ward.channels.length)).toEqual(ward.channels)
    const added = result.right.channels.slice(ward.channels.length).map((channel) => channel.id)
    expect(added).toEqual(['pals->carers', 'pals->carers-2'])
    expect(result.right.actors).toEqual(ward.actors)
    expect(result.right.loops).toEqual(ward.loops)
    expect([result.right.id, result.right.name, result.right.description]).toEqual([ward.id, ward.name, ward.description])
  })

  it('leaves the model it started from unchanged, and reports errors with paths into the result', () => {
    const before = JSON.stringify(ward)
    const result = modelBuilder(ward).channel({ from: 'pals', to: 'nobody', carries: [], level: 'delivery' }).build()
    expect(JSON.stringify(ward)).toBe(before)
    expect(result._tag === 'Left' && result.left.map((error) => [error.code, error.path])).toEqual([
      ['unknown-reference', `/channels/${ward.channels.length}/to`],
    ])
  })

  it('createModel takes an edited copy of a decoded model', () => {
    const withReply = createModel({ ...ward, channels: [...ward.channels, { from: 'pals', to: 'carers', carries: ['pals-reply'], level: 'delivery' }] })
    expect(withReply._tag === 'Right' && withReply.right.channels.at(-1)?.id).toBe('pals->carers')
  })
})
