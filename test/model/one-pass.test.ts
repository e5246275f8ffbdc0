import { describe, expect, it } from 'vitest'
import { codesAndPaths, errorsOf, validDocument, withChange } from './fixtures.js'





describe('shape and reference errors in one pass', () => {
  it('a bad kind and a dangling reference are both reported', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['actors'][0]['kind'] = 'doctor'
        d['channels'][0]['to'] = 'ward-7'
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-value', '/actors/0/kind'],
      ['unknown-reference', '/channels/0/to'],
    ])
  })

  it('an item with a shape error still counts as having its id: no false unknown references', () => {
    // The patients actor is broken, but the channels and the loop that name it are fine.
    const errors = errorsOf(withChange((d) => (d['actors'][0]['levels'] = [])))
    expect(codesAndPaths(errors)).toEqual([['invalid-value', '/actors/0/levels']])
  })

  it('checks the references of the other items of a collection when one item is broken', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['channels'][0]['latencyDays'] = -1
        d['channels'][1]['carries'] = ['gossip']
        d['assets'][1]['holder'] = 'nobody'
        d['assets'][0]['kind'] = 'rumour'
        d['loops'][0]['through'] = ['patients', 'ghost']
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-value', '/assets/0/kind'],
      ['out-of-range', '/channels/0/latencyDays'],
      ['unknown-reference', '/assets/1/holder'],
      ['unknown-reference', '/channels/1/carries/0'],
      ['unknown-reference', '/loops/0/through/1'],
      ['invalid-loop', '/loops/0/through'],
    ])
  })

  it('duplicate ids are found among broken items too', () => {
    const errors = errorsOf(withChange((d) => d['actors'].push({ id: 'nurses', name: 'Again', kind: 'nurse', levels: ['delivery'] })))
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-value', '/actors/3/kind'],
      ['duplicate-id', '/actors/3/id'],
    ])
  })

  it('a collection that is not a list is one error: references into it are not guessed', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['actors'] = 'everyone'
        d['channels'][0]['carries'] = ['gossip']
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-type', '/actors'],
      ['unknown-reference', '/channels/0/carries/0'],
    ])
  })

  it('a broken header does not stop the reference check, and loops may be left out', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['schema'] = 'orgintel/v9'
        delete d['loops']
        d['channels'][2]['from'] = 'ghost'
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['unsupported-schema', '/schema'],
      ['unknown-reference', '/channels/2/from'],
    ])
  })

  it('unknown fields, shape errors and reference errors together, under one cap', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['assets'][0]['Holder'] = 'patients'
        d['assets'][1]['kind'] = 'Response'
        d['assets'][1]['derivedFrom'] = ['stories', 'missing']
      }),
    )
    // The broken asset's own references are checked in the same pass as its shape.
    expect(codesAndPaths(errors)).toEqual([
      ['unknown-field', '/assets/0/Holder'],
      ['invalid-value', '/assets/1/kind'],
      ['unknown-reference', '/assets/1/derivedFrom/1'],
    ])
  })

  it('a shape error in a declared loop does not hide a bad source in it', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['loops'][0]['promises'] = 'acted'
        d['loops'][0]['source'] = 'storys'
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-value', '/loops/0/promises'],
      ['unknown-reference', '/loops/0/source'],
    ])
    expect(errors[1]?.message).toBe("Declared loop 'you-said' refers to source asset 'storys', which is not in the model. Did you mean 'stories'?")
  })

  it('in an item with a shape error, each reference that is right on its own is checked, and a list item by item', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['channels'][0]['level'] = 'ward'
        d['channels'][0]['from'] = 'patient'
        d['channels'][0]['carries'] = [7, 'gossip']
        d['loops'][0]['maxLatencyDays'] = -2
        d['loops'][0]['through'] = ['patients', 'ghost', 'patients']
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-type', '/channels/0/carries/0'],
      ['invalid-value', '/channels/0/level'],
      ['out-of-range', '/loops/0/maxLatencyDays'],
      ['unknown-reference', '/channels/0/from'],
      ['unknown-reference', '/channels/0/carries/1'],
      ['unknown-reference', '/loops/0/through/1'],
    ])
  })

  it('a declared loop whose last actor has a shape error is not also called open', () => {
    const errors = errorsOf(withChange((d) => (d['loops'][0]['through'] = ['patients', 'nurses', 12])))
    expect(codesAndPaths(errors)).toEqual([['invalid-type', '/loops/0/through/2']])
    const open = errorsOf(withChange((d) => (d['loops'][0]['through'] = ['patients', 12, 'nurses'])))
    expect(codesAndPaths(open)).toEqual([
      ['invalid-type', '/loops/0/through/1'],
      ['invalid-loop', '/loops/0/through'],
    ])
  })

  it('an item without a usable id is named by its place', () => {
    const errors = errorsOf(withChange((d) => d['channels'].push({ from: 'patients', to: 'nobody', carries: [], level: 'delivery' })))
    expect(codesAndPaths(errors)).toEqual([
      ['missing-field', '/channels/3/id'],
      ['unknown-reference', '/channels/3/to'],
    ])
    expect(errors[1]?.message).toBe("Channel at /channels/3 refers to receiving actor 'nobody', which is not in the model.")
  })

  it('provenance going round in a circle through an asset with a shape error is found in the same pass', () => {
    const errors = errorsOf(
      withChange((d) => {
        d['assets'][0]['kind'] = 'story'
        d['assets'][0]['derivedFrom'] = ['reply']
        d['assets'][1]['derivedFrom'] = ['stories']
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-value', '/assets/0/kind'],
      ['cyclic-provenance', '/assets/1/derivedFrom/0'],
    ])
  })

  it('in an item with a shape error, text that may be out of place (a name in the wrong cell) is not quoted', () => {
    const errors = errorsOf(
      withChange((d) => {
        // A spreadsheet row with a cell missing: the name lands in 'from', the level in 'name'.
        d['channels'].push({ id: 'c9', from: 'Jane Smith', to: 'nurses', carries: [], level: 'Delivery team' })
        d['assets'].push({ id: 'Jane Smith notes', name: 'x', kind: 'story', holder: 'Nurse Jane' })
      }),
    )
    expect(codesAndPaths(errors)).toEqual([
      ['invalid-value', '/assets/2/kind'],
      ['invalid-value', '/channels/3/level'],
      ['unknown-reference', '/assets/2/holder'],
      ['unknown-reference', '/channels/3/from'],
    ])
    expect(errors.slice(2).map((error) => error.message).join('\n')).not.toContain('Jane')
    expect(errors[3]?.message).toBe(
      "Channel 'c9' refers to a sender actor that is not in the model (not quoted: the item has other faults, so this may be text out of place).",
    )
    expect(errors[2]?.message).toMatch(/^Asset at \/assets\/2 refers to a holder actor that is not/)
    // In an item without shape errors, a reference is an id, and quoted.
    const whole = errorsOf(withChange((d) => (d['channels'][0]['from'] = 'Jane Smith')))
    expect(whole[0]?.message).toBe("Channel 'tell' refers to sender actor 'Jane Smith', which is not in the model.")
  })
})
