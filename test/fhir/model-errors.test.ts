/**
 * A model error in a FHIR import quotes no resource id (issue 14, item 7): the model's
 * messages quote ids, which here are resource ids (an NHS number can be a Patient id).
 */
import { describe, expect, it } from 'vitest'
import { fromFhirBundle } from '../../src/fhir/index.js'

const nhsNumber = '9434765919'
const message = (extra: object) => ({ resourceType: 'Communication', status: 'completed', sender: { reference: `Patient/${nhsNumber}` }, ...extra })
const bundle = {
  resourceType: 'Bundle',
  entry: [
    { resource: { resourceType: 'Patient', id: nhsNumber } },
    { resource: { resourceType: 'Organization', id: 'trust' } },
    { resource: message({ id: nhsNumber, recipient: [{ reference: 'Organization/trust' }, { reference: 'Organization/trust' }] }) },
    { fullUrl: `urn:uuid:${nhsNumber}#1`, resource: message({ recipient: [{ reference: 'Organization/trust' }] }) },
  ],
}

describe('model errors of a FHIR import', () => {
  it('name the path and the bundle entry, never the id', async () => {
    const imported = await fromFhirBundle(bundle)
    expect(imported.model).toBeUndefined()
    expect(imported.diagnostics).toEqual([
      {
        code: 'duplicate-id',
        severity: 'error',
        path: '/channels/2/id',
        message: "The model built from the bundle is not valid at /channels/2/id, from the resource at /entry/3/resource; the model's own message is left out, as it quotes ids.",
      },
    ])
    expect(JSON.stringify(imported)).not.toContain(nhsNumber)
  })
})
