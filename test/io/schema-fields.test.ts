/**
 * Writers write the schema's fields only (issue 14, items 6 and 15): a model built in
 * code whose objects carry an extra property (`privateNote`), or a 100,000-deep
 * structure, never leaks it into any format and never makes a writer recurse into it.
 */
import { describe, expect, it } from 'vitest'
import { toCsv, toCytoscape, toDot, toGexf, toGraphML, toKumu, toMermaid } from '../../src/io/index.js'
import { findLoops } from '../../src/index.js'
import type { Model } from '../../src/model/codecs.js'
import { wardModel } from './fixtures.js'

const secret = 'SECRET\u00a7note'

/** An object nested `depth` deep, built without recursion. */
const deepValue = (depth: number): unknown => {
  let value: unknown = secret
  for (let level = 0; level < depth; level++) value = { inner: value }
  return value
}

const withExtras = (model: Model, extra: (kind: string) => Record<string, unknown>): Model =>
  ({
    ...model,
    ...extra('model'),
    actors: model.actors.map((actor) => ({ ...actor, ...extra('actor') })),
    assets: model.assets.map((asset) => ({ ...asset, ...extra('asset') })),
    channels: model.channels.map((channel) => ({ ...channel, ...extra('channel') })),
    loops: model.loops.map((loop) => ({ ...loop, ...extra('loop') })),
  }) as Model

/** Every writer's text for a model. */
const everyFormat = (model: Model): ReadonlyArray<readonly [string, string]> => [
  ['GraphML', toGraphML(model)],
  ['GEXF', toGexf(model)],
  ['Cytoscape', JSON.stringify(toCytoscape(model))],
  ['Kumu', JSON.stringify(toKumu(model, { loops: findLoops(model).loops }))],
  ['CSV', Object.values(toCsv(model)).join('\n')],
  ['Mermaid', toMermaid(model)],
  ['DOT', toDot(model)],
]

describe('writers and fields the schema does not define', () => {
  const ward = wardModel()

  it('the ward model has assets and declared loops, so every collection is tried', () => {
    expect(ward.assets.length).toBeGreaterThan(0)
    expect(ward.loops.length).toBeGreaterThan(0)
  })

  it('no writer emits an extra property of the model, an actor, an asset, a channel or a loop', () => {
    const model = withExtras(ward, (kind) => ({ privateNote: `${secret} ${kind}`, [`${kind}Extra`]: secret }))
    for (const [format, text] of everyFormat(model)) {
      expect(text, format).not.toContain('privateNote')
      expect(text, format).not.toContain('Extra')
      expect(text, format).not.toContain(secret)
    }
  })

  it('writes exactly what it writes for the model without the extras', () => {
    const model = withExtras(ward, () => ({ privateNote: secret }))
    expect(everyFormat(model)).toEqual(everyFormat(ward))
  })

  it('a 100,000-deep extra field crashes no writer', () => {
    const deep = deepValue(100_000)
    const model = withExtras(ward, () => ({ deep }))
    for (const [format, text] of everyFormat(model)) expect(text, format).not.toContain(secret)
  })
})
