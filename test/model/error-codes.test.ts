import { describe, expect, it } from 'vitest'
import { decodeModel, parseModel } from '../../src/model/decode.js'
import { formatModelErrors, maxReportedErrors } from '../../src/model/errors.js'
import { codesAndPaths, errorsOf, validDocument, withChange } from './fixtures.js'





describe('decodeModel error codes', () => {
  it('accepts the valid fixture', () => {
    expect(decodeModel(validDocument())._tag).toBe('Right')
  })

  it('invalid-json: a syntax error gives its line and column', () => {
    const result = parseModel('{\n  "schema": "orgintel/v2",\n  "actors": [1 2]\n}')
    expect(result._tag).toBe('Left')
    if (result._tag === 'Right') return
    expect(result.left).toHaveLength(1)
    expect(result.left[0]).toMatchObject({ code: 'invalid-json', path: '', line: 3, column: 16 })
    expect(result.left[0]?.message).toContain('line 3, column 16')
  })

  it('invalid-json: text that ends too early', () => {
    const result = parseModel('{"schema": "orgintel/v2", "actors": [')
    expect(result._tag === 'Left' && result.left[0]).toMatchObject({ code: 'invalid-json', line: 1, column: 38 })
  })

  it('skips a leading byte order mark, and counts columns without it', () => {
    expect(parseModel(`\ufeff${JSON.stringify(validDocument())}`)).toEqual(decodeModel(validDocument()))
    const result = parseModel('\ufeff{"schema": "orgintel/v2", "actors": [')
    expect(result._tag === 'Left' && result.left[0]).toMatchObject({ code: 'invalid-json', line: 1, column: 38 })
    // Only one mark, and only at the start.
    expect(parseModel('\ufeff\ufeff{}')._tag === 'Left' && parseModel('\ufeff\ufeff{}')).toMatchObject({ left: [{ code: 'invalid-json' }] })
  })

  it('unsupported-schema: another schema version', () => {
    const errors = errorsOf(withChange((d) => (d['schema'] = 'orgintel/v3')))
    expect(codesAndPaths(errors)).toEqual([['unsupported-schema', '/schema']])
  })

  it('missing-field: a required field is absent', () => {
    const errors = errorsOf(withChange((d) => delete d['actors'][1]['name']))
    expect(codesAndPaths(errors)).toEqual([['missing-field', '/actors/1/name']])
    expect(errors[0]?.message).toBe("Actor 'nurses': 'name' must be non-empty text, but it is missing.")
  })

  it('missing-field: a missing schema is missing, not unsupported', () => {
    expect(codesAndPaths(errorsOf(withChange((d) => delete d['schema'])))).toEqual([['missing-field', '/schema']])
  })

  it('invalid-type: text where a list belongs, and a document that is not an object', () => {
    expect(codesAndPaths(errorsOf(withChange((d) => (d['actors'] = 'everyone'))))).toEqual([['invalid-type', '/actors']])
    expect(codesAndPaths(errorsOf(withChange((d) => (d['channels'][0]['carries'] = 'stories'))))).toEqual([
      ['invalid-type', '/channels/0/carries'],
    ])
    for (const input of [null, 42, 'text', [], true]) expect(codesAndPaths(errorsOf(input))).toEqual([['invalid-type', '']])
  })

  it('invalid-value: an unknown kind, an empty id, an empty list of levels', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['actors'][0]['kind'] = 'doctor'
        d['assets'][1]['id'] = ''
        d['actors'][2]['levels'] = []
        d['channels'][1]['status'] = 'paused'
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-value', '/actors/0/kind'],
      ['invalid-value', '/actors/2/levels'],
      ['invalid-value', '/assets/1/id'],
      ['invalid-value', '/channels/1/status'],
      // In the same pass: the asset that lost its id can no longer be carried.
      ['unknown-reference', '/channels/2/carries/0'],
    ])
  })

  it('out-of-range: negative latency, reliability above 1, negative loop budget', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['channels'][0]['latencyDays'] = -1
        d['channels'][2]['reliability'] = 1.5
        d['loops'][0]['maxLatencyDays'] = -3
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['out-of-range', '/channels/0/latencyDays'],
      ['out-of-range', '/channels/2/reliability'],
      ['out-of-range', '/loops/0/maxLatencyDays'],
    ])
  })

  it('duplicate-id: within each collection, pointing at the repeat', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['actors'].push({ ...d['actors'][0] })
        d['channels'][2]['id'] = 'tell'
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['duplicate-id', '/actors/3/id'],
      ['duplicate-id', '/channels/2/id'],
    ])
    expect(errors[0]?.message).toContain('/actors/0')
  })

  it('ids may repeat across collections', () => {
    const document = withChange((d) => (d['assets'][0]['id'] = 'patients'))
    document['channels'][0]['carries'] = ['patients']
    document['channels'][1]['carries'] = ['patients']
    expect(decodeModel(document)._tag).toBe('Right')
  })

  it('unknown-reference: channel ends, carried assets, holders and loop actors', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['assets'][0]['holder'] = 'nobody'
        d['channels'][0]['to'] = 'ward-7'
        d['channels'][1]['carries'] = ['stories', 'secret']
        d['loops'][0]['through'] = ['patients', 'ghost', 'patients']
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['unknown-reference', '/assets/0/holder'],
      ['unknown-reference', '/channels/0/to'],
      ['unknown-reference', '/channels/1/carries/1'],
      ['unknown-reference', '/loops/0/through/1'],
    ])
    expect(errors[1]?.message).toBe("Channel 'tell' refers to receiving actor 'ward-7', which is not in the model.")
  })

  it('invalid-loop: a declared loop that does not return to its first actor', () => {
    expect(codesAndPaths(errorsOf(withChange((d) => (d['loops'][0]['through'] = ['patients', 'nurses']))))).toEqual([
      ['invalid-loop', '/loops/0/through'],
    ])
    expect(codesAndPaths(errorsOf(withChange((d) => (d['loops'][0]['through'] = ['patients']))))).toEqual([
      ['invalid-loop', '/loops/0/through'],
    ])
  })

  it('too-many-errors: the list is capped and says how many more there are', () => {
    const actors = Array.from({ length: maxReportedErrors + 5 }, (_, i) => ({ id: `a${i}`, name: 'A', kind: 'alien', levels: ['delivery'] }))
    const errors = errorsOf(withChange((d) => d['actors'].push(...actors)))
    expect(errors).toHaveLength(maxReportedErrors + 1)
    expect(errors[maxReportedErrors]).toMatchObject({ code: 'too-many-errors', path: '' })
    expect(errors[maxReportedErrors]?.message).toContain('5 more errors')
  })

  it('collects shape errors from every part of the document at once', () => {
    const errors = errorsOf({ schema: 'orgintel/v2', id: '', actors: {}, assets: [{}], channels: [7] })
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-value', '/id'],
      ['missing-field', '/name'],
      ['invalid-type', '/actors'],
      ['missing-field', '/assets/0/id'],
      ['missing-field', '/assets/0/name'],
      ['missing-field', '/assets/0/kind'],
      ['missing-field', '/assets/0/holder'],
      ['invalid-type', '/channels/0'],
    ])
  })

  it('reports a fault once even when several io-ts members see it', () => {
    // A declared loop is an intersection: both of its parts reject a number.
    expect(codesAndPaths(errorsOf(withChange((d) => (d['loops'] = [5, 6]))))).toEqual([
      ['invalid-type', '/loops/0'],
      ['invalid-type', '/loops/1'],
    ])
  })

  it('keeps io-ts intersection member indices out of paths', () => {
    const errors = errorsOf(withChange((d) => (d['channels'][0]['polarity'] = 'up')))
    expect(codesAndPaths(errors)).toEqual([['invalid-value', '/channels/0/polarity']])
  })

  it('messages quote ids but never names or free text', () => {
    const secret = 'Mrs Jane Example, bed 4'
    const shape = withChange((d) => {
      d['actors'][0]['name'] = secret
      d['description'] = secret
      d['actors'][0]['kind'] = secret
      d['actors'][1]['levels'] = [secret]
    })
    const shapeText = formatModelErrors(errorsOf(shape))
    expect(shapeText).toContain('/actors/1/levels/0')
    expect(shapeText).not.toContain('Jane')
    const references = withChange((d) => {
      d['actors'][0]['name'] = secret
      d['channels'][0]['to'] = 'ward-7'
    })
    const referenceText = formatModelErrors(errorsOf(references))
    expect(referenceText).not.toContain('Jane')
    expect(referenceText).toContain("'ward-7'")
  })

  it('formatModelErrors writes path, message and code, one per line', () => {
    const errors = errorsOf(withChange((d) => (d['channels'][0]['to'] = 'ward-7')))
    expect(formatModelErrors(errors)).toBe(
      "/channels/0/to: Channel 'tell' refers to receiving actor 'ward-7', which is not in the model. [unknown-reference]",
    )
  })
})
