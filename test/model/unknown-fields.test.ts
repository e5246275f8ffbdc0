import { describe, expect, it } from 'vitest'
import { parseModel } from '../../src/model/decode.js'
import { maxReportedErrors } from '../../src/model/errors.js'
import { codesAndPaths, errorsOf, validDocument, withChange } from './fixtures.js'





describe('unknown fields are errors, never silently dropped', () => {
  it('in every object of the document, with the JSON Pointer of the field', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['version'] = 2
        d['actors'][1]['notes'] = 'free text'
        d['assets'][0]['privateNote'] = 'secret'
        d['channels'][2]['Status'] = 'inactive'
        d['loops'][0]['budget'] = 14
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['unknown-field', '/version'],
      ['unknown-field', '/actors/1/notes'],
      ['unknown-field', '/assets/0/privateNote'],
      ['unknown-field', '/channels/2/Status'],
      ['unknown-field', '/loops/0/budget'],
    ])
  })

  it('a misspelt field gets a "did you mean", ignoring case', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['channels'][0]['Status'] = 'inactive'
        d['channels'][1]['reliabilty'] = 0.2
        d['assets'][0]['derivedfrom'] = []
        d['actors'][0]['represent'] = 40
        d['loops'][0]['promise'] = 'did'
        d['Description'] = 'x'
      }),
    )
    expect(errors.map((error) => error.message)).toEqual([
      "The model has a field 'Description' that the format does not define. Did you mean 'description'?",
      "Actor 'patients' has a field 'represent' that the format does not define. Did you mean 'represents'?",
      "Asset 'stories' has a field 'derivedfrom' that the format does not define. Did you mean 'derivedFrom'?",
      "Channel 'tell' has a field 'Status' that the format does not define. Did you mean 'status'?",
      "Channel 'escalate' has a field 'reliabilty' that the format does not define. Did you mean 'reliability'?",
      "Declared loop 'you-said' has a field 'promise' that the format does not define. Did you mean 'promises'?",
    ])
  })

  it('lists the fields there are when none is close to an unrelated field', () => {
    const [error] = errorsOf(withChange((d) => (d['channels'][0]['notes'] = 'x')))
    expect(error?.message).toBe(
      "Channel 'tell' has a field 'notes' that the format does not define. Its fields are 'id', 'from', 'to', 'carries', 'level', 'status', 'latencyDays', 'reliability', 'polarity'.",
    )
  })

  it('are reported in the same pass as other shape errors and reference errors, in document order', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['channels'][1]['Status'] = 'inactive'
        d['actors'][0]['kind'] = 'Patient'
        d['channels'][0]['to'] = 'ward-7'
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-value', '/actors/0/kind'],
      ['unknown-field', '/channels/1/Status'],
      ['unknown-reference', '/channels/0/to'],
    ])
  })

  it('are found in JSON text too, including own __proto__ and constructor keys', () => {
    const document = JSON.stringify(validDocument()).replace('"id":"tell",', '"id":"tell","__proto__":{"x":1},"constructor":1,')
    const result = parseModel(document)
    expect(result._tag === 'Left' && codesAndPaths(result.left)).toEqual([
      ['unknown-field', '/channels/0/__proto__'],
      ['unknown-field', '/channels/0/constructor'],
    ])
  })

  it('escape a field name that holds a slash or a tilde, and quote it safely', () => {
    const [error] = errorsOf(withChange((d) => (d['actors'][0]['a/b~c\u202e'] = 1)))
    expect(error?.path).toBe('/actors/0/a~1b~0c\u202e')
    expect(error?.message).toContain("'a/b~c\\u202e'")
  })

  it('an item that is not an object is a type error, not a list of unknown fields', () => {
    const errors = errorsOf(withChange((d) => (d['actors'][0] = ['id', 'name'])))
    expect(codesAndPaths(errors).filter(([, path]) => path!.startsWith('/actors'))).toEqual([['invalid-type', '/actors/0']])
  })

  it('are counted, not listed, beyond the cap', () => {
    const errors = errorsOf(
      withChange((d) => {
        for (let i = 0; i < maxReportedErrors + 7; i++) d['actors'][0][`extra${i}`] = i
      }),
    )
    expect(errors).toHaveLength(maxReportedErrors + 1)
    expect(errors[maxReportedErrors]).toMatchObject({ code: 'too-many-errors' })
    expect(errors[maxReportedErrors]?.message).toContain('7 more errors')
  })
})
