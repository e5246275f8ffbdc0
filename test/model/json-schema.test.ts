import { readFileSync, readdirSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeModel } from '../../src/model/decode.js'
import type { ModelErrorCode } from '../../src/model/errors.js'
import { deriveModelJsonSchema, modelJsonSchema } from '../../src/model/json-schema.js'
import { documentWithExtraField, mutatedDocument, validDocument } from './fixtures.js'

const ajv = new Ajv2020({ allErrors: true, strict: true })
const validate = ajv.compile(modelJsonSchema)

/** Codes a schema cannot know about: they need the whole document's ids. */
const referenceCodes: ReadonlySet<ModelErrorCode> = new Set(['duplicate-id', 'unknown-reference', 'invalid-loop', 'cyclic-provenance'])

/** Whether decodeModel finds the shape right (it may still reject the references). */
const shapeAccepted = (document: unknown): boolean => {
  const result = decodeModel(document)
  return result._tag === 'Right' || result.left.every((error) => referenceCodes.has(error.code))
}

const modelsFolder = new URL('../../examples/models/', import.meta.url)

type Document = Record<string, any>
const withChange = (change: (document: Document) => void): Document => {
  const document = validDocument() as Document
  change(document)
  return document
}

const badDocuments: ReadonlyArray<readonly [string, unknown]> = [
  ['not an object', 42],
  ['null', null],
  ['a list', []],
  ['another schema', withChange((d) => (d['schema'] = 'orgintel/v3'))],
  ['no schema', withChange((d) => delete d['schema'])],
  ['empty id', withChange((d) => (d['id'] = ''))],
  ['no name', withChange((d) => delete d['name'])],
  ['actors is text', withChange((d) => (d['actors'] = 'everyone'))],
  ['an actor is a number', withChange((d) => (d['actors'][0] = 7))],
  ['unknown actor kind', withChange((d) => (d['actors'][0]['kind'] = 'doctor'))],
  ['unknown perspective', withChange((d) => (d['actors'][0]['perspective'] = 'both'))],
  ['null perspective', withChange((d) => (d['actors'][0]['perspective'] = null))],
  ['no levels', withChange((d) => (d['actors'][0]['levels'] = []))],
  ['unknown level', withChange((d) => (d['actors'][0]['levels'] = ['ward']))],
  ['tags not text', withChange((d) => (d['actors'][0]['tags'] = [1]))],
  ['acknowledged not boolean', withChange((d) => (d['assets'][0]['acknowledged'] = 'no'))],
  ['unknown asset kind', withChange((d) => (d['assets'][0]['kind'] = 'rumour'))],
  ['empty holder', withChange((d) => (d['assets'][0]['holder'] = ''))],
  ['carries text', withChange((d) => (d['channels'][0]['carries'] = 'stories'))],
  ['carries an empty id', withChange((d) => (d['channels'][0]['carries'] = ['']))],
  ['negative latency', withChange((d) => (d['channels'][0]['latencyDays'] = -1))],
  ['reliability above 1', withChange((d) => (d['channels'][0]['reliability'] = 1.01))],
  ['reliability as text', withChange((d) => (d['channels'][0]['reliability'] = '0.5'))],
  ['unknown status', withChange((d) => (d['channels'][0]['status'] = 'paused'))],
  ['unknown polarity', withChange((d) => (d['channels'][0]['polarity'] = '0'))],
  ['no channel level', withChange((d) => delete d['channels'][0]['level'])],
  ['loop through text', withChange((d) => (d['loops'][0]['through'] = 'patients'))],
  ['negative loop budget', withChange((d) => (d['loops'][0]['maxLatencyDays'] = -1))],
  ['loops is an object', withChange((d) => (d['loops'] = {}))],
  ['description a number', withChange((d) => (d['description'] = 3))],
  ['an unknown field at the root', withChange((d) => (d['version'] = 2))],
  ['a misspelt actor field', withChange((d) => (d['actors'][0]['Kind'] = 'patient'))],
  ['an unknown asset field', withChange((d) => (d['assets'][0]['privateNote'] = 'x'))],
  ['a misspelt channel field', withChange((d) => (d['channels'][0]['reliabilty'] = 0.5))],
  ['a misspelt loop field', withChange((d) => (d['loops'][0]['maxLatency'] = 3))],
  ['an own __proto__ key', JSON.parse(JSON.stringify(validDocument()).replace('{', '{"__proto__":{},'))],
  ['an id with a control character', withChange((d) => (d['actors'][0]['id'] = 'a\tb'))],
  ['a reference with U+FFFE', withChange((d) => (d['channels'][0]['to'] = 'nurses\ufffe'))],
  ['an id with a lone surrogate', withChange((d) => (d['loops'][0]['id'] = '\ud800'))],
  ['a name with a lone surrogate', withChange((d) => (d['actors'][0]['name'] = 'x\udc00'))],
  ['a tag with a lone surrogate', withChange((d) => (d['actors'][0]['tags'] = ['\ud83c']))],
  ['a description with a lone surrogate', withChange((d) => (d['description'] = 'end\ud83c'))],
  ['represents 0', withChange((d) => (d['actors'][0]['represents'] = 0))],
  ['represents 2.5', withChange((d) => (d['actors'][0]['represents'] = 2.5))],
  ['derivedFrom text', withChange((d) => (d['assets'][1]['derivedFrom'] = 'stories'))],
  ['derivedFrom an empty id', withChange((d) => (d['assets'][1]['derivedFrom'] = ['']))],
  ['an unknown promise', withChange((d) => (d['loops'][0]['promises'] = 'changed'))],
  ['an empty loop source', withChange((d) => (d['loops'][0]['source'] = ''))],
]

const acceptedDocuments: ReadonlyArray<readonly [string, unknown]> = [
  ['an orgintel/v1 document', withChange((d) => (d['schema'] = 'orgintel/v1'))],
  ['v2 fields and kinds', withChange((d) => {
    d['actors'].push({ id: 'ppg', name: 'PPG', kind: 'forum', perspective: 'mixed', levels: ['planning'], represents: 12 })
    d['assets'].push({ id: 'pilot', name: 'Pilot', kind: 'experiment', holder: 'manager', derivedFrom: ['stories'] })
    Object.assign(d['loops'][0], { source: 'stories', promises: 'did' })
  })],
  ['names and ids with characters writers escape', withChange((d) => {
    d['actors'][0]['name'] = 'tab\there \u0007 \ufffe 🏥'
    d['actors'][0]['tags'] = ['\u0000']
    d['description'] = 'line\nbreak'
    d['actors'][0]['id'] = '🏥 \u202e\u0085'
    d['channels'][0]['from'] = '🏥 \u202e\u0085'
    d['channels'][2]['to'] = '🏥 \u202e\u0085'
    d['loops'][0]['through'] = ['🏥 \u202e\u0085', 'nurses', '🏥 \u202e\u0085']
    d['assets'][0]['holder'] = '🏥 \u202e\u0085'
  })],
]

const referenceOnlyDocuments: ReadonlyArray<readonly [string, unknown]> = [
  ['duplicate actor', withChange((d) => d['actors'].push(d['actors'][0]))],
  ['unknown channel end', withChange((d) => (d['channels'][0]['to'] = 'ward-7'))],
  ['open declared loop', withChange((d) => (d['loops'][0]['through'] = ['patients', 'nurses']))],
  ['unknown derivedFrom', withChange((d) => (d['assets'][1]['derivedFrom'] = ['gossip']))],
  ['circular provenance', withChange((d) => {
    d['assets'][0]['derivedFrom'] = ['reply']
    d['assets'][1]['derivedFrom'] = ['stories']
  })],
  ['unknown loop source', withChange((d) => (d['loops'][0]['source'] = 'gossip'))],
]

describe('modelJsonSchema', () => {
  it('is a 2020-12 schema with an id, a title and definitions for each item', () => {
    expect(modelJsonSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(modelJsonSchema['$id']).toBe('https://orgintel.dev/schema/orgintel-v2.json')
    expect(typeof modelJsonSchema['title']).toBe('string')
    expect(Object.keys(modelJsonSchema['$defs'] as object)).toEqual(
      expect.arrayContaining(['Actor', 'KnowledgeAsset', 'Channel', 'DeclaredLoop']),
    )
    expect(ajv.validateSchema(modelJsonSchema)).toBe(true)
  })

  it('follows the codecs: defaulted fields are optional and constant defaults are written', () => {
    const defs = modelJsonSchema['$defs'] as Record<string, any>
    expect(defs['Actor']['required']).toEqual(['id', 'name', 'kind', 'levels'])
    expect(defs['Actor']['properties']['perspective']).not.toHaveProperty('default')
    expect(defs['Actor']['properties']['levels']['minItems']).toBe(1)
    expect(defs['KnowledgeAsset']['properties']['acknowledged']['default']).toBe(true)
    expect(defs['Channel']['properties']['status']['default']).toBe('active')
    expect(defs['Channel']['properties']['reliability']).toMatchObject({ minimum: 0, maximum: 1 })
    expect(defs['Channel']['required']).toEqual(['id', 'from', 'to', 'carries', 'level'])
    expect(defs['Level']['enum']).toEqual(['delivery', 'planning', 'strategy'])
    expect((modelJsonSchema['properties'] as any)['loops']['default']).toEqual([])
    expect(modelJsonSchema['required']).not.toContain('loops')
  })

  it('is derived afresh identically, and frozen', () => {
    expect(deriveModelJsonSchema()).toEqual(modelJsonSchema)
    expect(Object.isFrozen(modelJsonSchema)).toBe(true)
    expect(Object.isFrozen((modelJsonSchema['$defs'] as Record<string, object>)['Actor'])).toBe(true)
  })

  it('accepts every bundled example model', () => {
    const files = readdirSync(modelsFolder).filter((file) => file.endsWith('.json'))
    expect(files.length).toBeGreaterThanOrEqual(4)
    for (const file of files) {
      const document: unknown = JSON.parse(readFileSync(new URL(file, modelsFolder), 'utf8'))
      expect(validate(document), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true)
    }
  })

  it.each(badDocuments)('rejects a document with a shape fault, as decodeModel does: %s', (_, document) => {
    expect(shapeAccepted(document)).toBe(false)
    expect(validate(document)).toBe(false)
  })

  it.each(acceptedDocuments)('accepts a document decodeModel accepts: %s', (_, document) => {
    expect(decodeModel(document)._tag).toBe('Right')
    expect(validate(document), ajv.errorsText(validate.errors)).toBe(true)
  })

  it('says additionalProperties: false on every object, and gives ids a pattern', () => {
    const defs = modelJsonSchema['$defs'] as Record<string, any>
    expect(modelJsonSchema['additionalProperties']).toBe(false)
    for (const name of ['Actor', 'KnowledgeAsset', 'Channel', 'DeclaredLoop']) expect(defs[name]['additionalProperties']).toBe(false)
    expect(defs['Channel']['properties']['from']).toMatchObject({ type: 'string', minLength: 1, pattern: expect.any(String) })
    expect(defs['KnowledgeAsset']['properties']['derivedFrom']['items']).toMatchObject({ pattern: expect.any(String) })
    expect((modelJsonSchema['properties'] as any)['schema']['enum']).toEqual(['orgintel/v2', 'orgintel/v1'])
  })

  it.each(referenceOnlyDocuments)('accepts a document whose only faults are references: %s', (_, document) => {
    expect(decodeModel(document)._tag).toBe('Left')
    expect(shapeAccepted(document)).toBe(true)
    expect(validate(document)).toBe(true)
  })

  it('agrees with decodeModel on the shape of arbitrary mutated documents', () => {
    fc.assert(
      fc.property(mutatedDocument, (document) => {
        expect(validate(document)).toBe(shapeAccepted(document))
      }),
      { numRuns: 2000 },
    )
  })

  it('agrees with decodeModel on documents with extra fields and odd characters in arbitrary places', () => {
    fc.assert(
      fc.property(documentWithExtraField, (document) => {
        expect(validate(document)).toBe(shapeAccepted(document))
      }),
      { numRuns: 1000 },
    )
  })

  it('agrees with decodeModel on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (document) => {
        expect(validate(document)).toBe(shapeAccepted(document))
      }),
      { numRuns: 300 },
    )
  })
})
