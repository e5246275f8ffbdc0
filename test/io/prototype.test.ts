import { describe, expect, it } from 'vitest'
import * as io from '../../src/io/index.js'
import { fromFhirBundle } from '../../src/fhir/index.js'
import type { ActorId, ChannelId } from '../../src/model/primitives.js'
import { hostileIds, hostileModel } from './fixtures.js'

describe('hostile ids in every format', () => {
  it('leave Object.prototype untouched and round-trip', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort()
    const model = hostileModel()
    const highlight = { channels: [...hostileIds] as ChannelId[], actors: [...hostileIds] as ActorId[] }
    io.toMermaid(model, { highlight })
    io.toDot(model, { highlight })
    io.toCytoscape(model, { highlight })
    io.toKumu(model)
    io.toGexf(model)
    expect(io.fromGraphML(io.toGraphML(model))._tag).toBe('Right')
    expect(io.fromCsv(io.toCsv(model), { id: model.id, name: model.name })._tag).toBe('Right')
    const bundle = {
      resourceType: 'Bundle',
      entry: hostileIds.map((id) => ({ resource: { resourceType: 'Patient', id } })).concat([
        { resource: { resourceType: 'Organization', id: 'x', type: [{ coding: [{ code: '__proto__' }, { code: 'constructor' }] }] } as never },
      ]),
    }
    const imported = await fromFhirBundle(bundle)
    expect(imported.model?.actors.at(-1)?.kind).toBe('provider')
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
