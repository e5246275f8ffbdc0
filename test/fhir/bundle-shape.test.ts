import { describe, expect, it } from 'vitest'
import { fromFhirBundle } from '../../src/fhir/index.js'

describe('fromFhirBundle on a malformed Bundle', () => {
  it.each([
    ['a number', 5, 'a number'],
    ['null', null, 'null'],
    ['a string', 'Patient/pat-1', 'a string'],
    ['an object', { resource: { resourceType: 'Patient', id: 'pat-1' } }, 'an object'],
    ['a boolean', true, 'a boolean'],
  ])('reports an entry that is %s at /entry, with no model', async (_label, entry, found) => {
    const result = await fromFhirBundle({ resourceType: 'Bundle', entry })
    expect(result.model).toBeUndefined()
    expect(result.diagnostics).toEqual([
      { code: 'invalid-bundle', severity: 'error', path: '/entry', message: `The Bundle's entry must be a list, but it is ${found}.` },
    ])
    expect(JSON.stringify(result)).not.toContain('pat-1')
  })

  it('accepts a Bundle without entries as an empty model', async () => {
    const result = await fromFhirBundle({ resourceType: 'Bundle', type: 'collection' })
    expect(result.diagnostics).toEqual([])
    expect(result.model?.actors).toEqual([])
  })

  it('reports each entry that is not an object, or whose resource is not one, at its own path', async () => {
    const result = await fromFhirBundle({
      resourceType: 'Bundle',
      entry: [
        5,
        'Patient/pat-1',
        null,
        [{ resource: { resourceType: 'Patient', id: 'pat-2' } }],
        { fullUrl: 'urn:uuid:pat-3' },
        { resource: 'Patient/pat-4' },
        { resource: { id: 'pat-5' } },
        { resource: { resourceType: 'Patient', id: 'ok' } },
      ],
    })
    expect(result.model?.actors.map((actor) => actor.id)).toEqual(['Patient/ok'])
    expect(result.diagnostics).toEqual([
      { code: 'invalid-resource', severity: 'warning', path: '/entry/0', message: 'Entry 0 must be an object, but it is a number; it is skipped.' },
      { code: 'invalid-resource', severity: 'warning', path: '/entry/1', message: 'Entry 1 must be an object, but it is a string; it is skipped.' },
      { code: 'invalid-resource', severity: 'warning', path: '/entry/2', message: 'Entry 2 must be an object, but it is null; it is skipped.' },
      { code: 'invalid-resource', severity: 'warning', path: '/entry/3', message: 'Entry 3 must be an object, but it is a list; it is skipped.' },
      { code: 'invalid-resource', severity: 'warning', path: '/entry/4/resource', message: 'Entry 4 has no resource; it is skipped.' },
      { code: 'invalid-resource', severity: 'warning', path: '/entry/5/resource', message: 'The resource of entry 5 must be an object, but it is a string; it is skipped.' },
      { code: 'invalid-resource', severity: 'warning', path: '/entry/6/resource/resourceType', message: 'The resource of entry 6 has no usable resourceType; it is skipped.' },
    ])
    const text = JSON.stringify(result.diagnostics)
    for (const id of ['pat-1', 'pat-2', 'pat-3', 'pat-4', 'pat-5']) expect(text).not.toContain(id)
  })
})
