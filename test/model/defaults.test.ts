import { describe, expect, it } from 'vitest'
import { decodeModel, encodeModel } from '../../src/model/decode.js'
import type { Model } from '../../src/model/codecs.js'
import { validDocument } from './fixtures.js'

const decoded = (input: unknown): Model => {
  const result = decodeModel(input)
  if (result._tag === 'Left') throw new Error(JSON.stringify(result.left))
  return result.right
}

describe('defaults applied on decode', () => {
  it('derives perspective from kind and keeps an explicit override', () => {
    const model = decoded(validDocument())
    expect(model.actors.map((actor) => actor.perspective)).toEqual(['lay', 'professional', 'lay'])
  })

  it('derives lay for every lay kind and professional for the rest', () => {
    const kinds = ['patient', 'carer', 'citizen', 'community-group', 'peer-supporter', 'clinician', 'board', 'researcher']
    const document = validDocument()
    document['actors'] = kinds.map((kind) => ({ id: kind, name: kind, kind, levels: ['strategy'] }))
    document['assets'] = []
    document['channels'] = []
    document['loops'] = []
    expect(decoded(document).actors.map((actor) => actor.perspective)).toEqual([
      'lay', 'lay', 'lay', 'lay', 'lay', 'professional', 'professional', 'professional',
    ])
  })

  it('fills status, acknowledged, tags and loops', () => {
    const document = validDocument()
    delete document['loops']
    const model = decoded(document)
    expect(model.loops).toEqual([])
    expect(model.channels.map((channel) => channel.status)).toEqual(['active', 'planned', 'active'])
    expect(model.assets.map((asset) => asset.acknowledged)).toEqual([true, false])
    expect(model.actors[0]?.tags).toEqual([])
  })

  it('leaves optional numbers and polarity absent when absent', () => {
    const channel = decoded(validDocument()).channels[2]
    expect(channel).not.toHaveProperty('latencyDays')
    expect(channel).not.toHaveProperty('reliability')
    expect(channel).not.toHaveProperty('polarity')
  })

  it('does not mutate its input', () => {
    const document = validDocument()
    const before = JSON.stringify(document)
    decoded(document)
    expect(JSON.stringify(document)).toBe(before)
  })

  it('refuses unknown fields, as the JSON Schema does, rather than dropping them', () => {
    const document = validDocument()
    document['x-note'] = 'extension'
    const result = decodeModel(document)
    expect(result._tag === 'Left' && result.left.map((error) => [error.code, error.path])).toEqual([['unknown-field', '/x-note']])
  })
})

describe('round trip', () => {
  it('decode, encode and decode again gives an equal model', () => {
    const first = decoded(validDocument())
    const encoded = JSON.parse(JSON.stringify(encodeModel(first)))
    const second = decoded(encoded)
    expect(second).toEqual(first)
  })

  it('the encoded form writes the defaults out', () => {
    const encoded = encodeModel(decoded(validDocument())) as Record<string, any>
    expect(encoded['loops']).toHaveLength(1)
    expect(encoded['channels'][0]['status']).toBe('active')
    expect(encoded['actors'][0]['perspective']).toBe('lay')
  })
})
