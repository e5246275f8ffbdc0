import { describe, expect, it } from 'vitest'
import { decodeModel, parseModel } from '../../src/model/decode.js'
import { modelWarnings } from '../../src/model/warnings.js'
import { createModel } from '../../src/model/builder.js'

const reserved = ['__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty', 'valueOf', '__defineGetter__']

/** A document whose every id is a name that plain-object maps get wrong. */
const reservedDocument = () => ({
  schema: 'orgintel/v2',
  id: '__proto__',
  name: 'Reserved ids',
  actors: reserved.map((id) => ({ id, name: id, kind: 'patient', levels: ['delivery'] })),
  assets: reserved.map((id, i) => ({ id, name: id, kind: 'experience', holder: reserved[i] })),
  channels: reserved.map((id, i) => ({
    id,
    from: reserved[i],
    to: reserved[(i + 1) % reserved.length],
    carries: [reserved[i]],
    level: 'delivery',
  })),
  loops: reserved.map((id, i) => ({ id, name: id, level: 'delivery', through: [reserved[i], reserved[(i + 1) % reserved.length], reserved[i]] })),
})

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort()

describe('reserved ids', () => {
  it('decode, resolve and warn nothing for ids such as __proto__ and constructor', () => {
    const keysBefore = prototypeKeys()
    const result = decodeModel(reservedDocument())
    expect(result._tag).toBe('Right')
    if (result._tag === 'Left') return
    expect(result.right.actors.map((actor) => actor.id)).toEqual(reserved)
    expect(result.right.channels.map((channel) => channel.carries[0])).toEqual(reserved)
    expect(modelWarnings(result.right)).toEqual([])
    expect(prototypeKeys()).toEqual(keysBefore)
    expect(({} as Record<string, unknown>)['patient']).toBeUndefined()
    expect(typeof Object.prototype.toString).toBe('function')
  })

  it('works from JSON text, where __proto__ is an own key', () => {
    const text = JSON.stringify(reservedDocument())
    const result = parseModel(text)
    expect(result._tag).toBe('Right')
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  })

  it('reports unknown and duplicate reserved ids like any other', () => {
    const document = reservedDocument()
    document.actors.push({ id: 'constructor', name: 'again', kind: 'carer', levels: ['delivery'] })
    document.channels[0]!.to = 'isPrototypeOf'
    const result = decodeModel(document)
    expect(result._tag === 'Left' && result.left.map((error) => [error.code, error.path])).toEqual([
      ['duplicate-id', '/actors/7/id'],
      ['unknown-reference', '/channels/0/to'],
    ])
  })

  it('a document with a __proto__ key pollutes nothing', () => {
    const text = '{"__proto__": {"polluted": true}, "schema": "orgintel/v2", "id": "x", "name": "x", "actors": [{"__proto__": {"kind": "patient"}, "id": "a", "name": "a", "levels": ["delivery"]}], "assets": [], "channels": []}'
    const result = parseModel(text)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    // The actor's kind is only on a __proto__ key, which is not a kind but a field the format does not define.
    expect(result._tag === 'Left' && result.left.map((error) => [error.code, error.path])).toEqual([
      ['unknown-field', '/__proto__'],
      ['missing-field', '/actors/0/kind'],
      ['unknown-field', '/actors/0/__proto__'],
    ])
  })

  it('the builder names channels between reserved ids without clashes', () => {
    const result = createModel({
      id: 'built',
      name: 'Built',
      actors: reserved.map((id) => ({ id, name: id, kind: 'carer', levels: ['delivery'] })),
      channels: [
        { from: '__proto__', to: 'constructor', carries: [], level: 'delivery' },
        { from: '__proto__', to: 'constructor', carries: [], level: 'delivery' },
      ],
    })
    expect(result._tag === 'Right' && result.right.channels.map((channel) => channel.id)).toEqual([
      '__proto__->constructor',
      '__proto__->constructor-2',
    ])
  })
})
