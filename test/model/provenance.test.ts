import { describe, expect, it } from 'vitest'
import { decodeModel } from '../../src/model/decode.js'
import type { ModelError } from '../../src/model/errors.js'
import type { ActorId, AssetId, NonEmptyText } from '../../src/model/primitives.js'
import { provenanceCycleErrors } from '../../src/model/provenance.js'
import { validDocument } from './fixtures.js'

type Document = Record<string, any>

const errorsOf = (input: unknown): ReadonlyArray<ModelError> => {
  const result = decodeModel(input)
  if (result._tag === 'Right') throw new Error('expected the document to be rejected')
  return result.left
}

/** The valid fixture with two more assets: an insight and a change made from the stories. */
const withProvenance = (change: (document: Document) => void = () => undefined): Document => {
  const document = validDocument() as Document
  document['assets'].push(
    { id: 'themes', name: 'Themes', kind: 'insight', holder: 'nurses', derivedFrom: ['stories'] },
    { id: 'rota', name: 'New rota', kind: 'change', holder: 'manager', derivedFrom: ['themes'] },
  )
  change(document)
  return document
}

const codesAndPaths = (errors: ReadonlyArray<ModelError>) => errors.map((error) => [error.code, error.path])

describe('derivedFrom', () => {
  it('accepts provenance that resolves and has no circle', () => {
    const result = decodeModel(withProvenance((d) => (d['assets'][1]['derivedFrom'] = ['rota', 'stories'])))
    expect(result._tag === 'Right' && result.right.assets.map((asset) => asset.derivedFrom)).toEqual([
      undefined,
      ['rota', 'stories'],
      ['stories'],
      ['themes'],
    ])
  })

  it('every id must name an asset: unknown-reference at the item of the list', () => {
    const errors = errorsOf(withProvenance((d) => (d['assets'][3]['derivedFrom'] = ['gossip'])))
    expect(codesAndPaths(errors)).toEqual([['unknown-reference', '/assets/3/derivedFrom/0']])
    expect(errors[0]?.message).toBe("Asset 'rota' refers to asset 'gossip', which is not in the model.")
  })

  it('an asset may not derive from itself', () => {
    const errors = errorsOf(withProvenance((d) => (d['assets'][2]['derivedFrom'] = ['stories', 'themes'])))
    expect(codesAndPaths(errors)).toEqual([['cyclic-provenance', '/assets/2/derivedFrom/1']])
    expect(errors[0]?.message).toBe("Asset 'themes' derives from itself.")
  })

  it('provenance may not go round in a circle: the link that closes it is named, with the circle', () => {
    const errors = errorsOf(withProvenance((d) => (d['assets'][0]['derivedFrom'] = ['rota'])))
    expect(codesAndPaths(errors)).toEqual([['cyclic-provenance', '/assets/2/derivedFrom/0']])
    expect(errors[0]?.message).toBe(
      "Asset 'themes' derives from asset 'stories', which derives from it in turn: provenance must not go round in a circle ('stories' -> 'rota' -> 'themes' -> 'stories').",
    )
  })

  it('reports each separate circle once', () => {
    const document = withProvenance((d) => {
      d['assets'][0]['derivedFrom'] = ['reply']
      d['assets'][1]['derivedFrom'] = ['stories']
      d['assets'][3]['derivedFrom'] = ['themes', 'rota']
    })
    expect(codesAndPaths(errorsOf(document))).toEqual([
      ['cyclic-provenance', '/assets/1/derivedFrom/0'],
      ['cyclic-provenance', '/assets/3/derivedFrom/1'],
    ])
  })

  it('a long circle is found by decodeModel and named in a short message', () => {
    const count = 20_000
    const assets = Array.from({ length: count }, (_, i) => ({
      id: `a${i}`, name: 'A', kind: 'insight', holder: 'p', derivedFrom: [`a${(i + 1) % count}`],
    }))
    const document = { schema: 'orgintel/v2', id: 'm', name: 'm', actors: [{ id: 'p', name: 'P', kind: 'patient', levels: ['delivery'] }], assets, channels: [] }
    const errors = errorsOf(document)
    expect(codesAndPaths(errors)).toEqual([['cyclic-provenance', `/assets/${count - 1}/derivedFrom/0`]])
    expect(errors[0]?.message).toContain(`'a0' -> 'a1' -> 'a2' -> 'a3' -> 'a4' -> ... (${count} assets in all)`)
    // The same chain without the closing link decodes.
    assets[count - 1]!.derivedFrom = []
    expect(decodeModel(document)._tag).toBe('Right')
  })

  it('a chain of 200,000 derivations: iterative, no stack overflow (a recursive search fails near 10,000)', () => {
    const count = 200_000
    const assets = Array.from({ length: count }, (_, i) => ({
      id: `a${i}` as AssetId, name: 'A' as NonEmptyText, kind: 'insight' as const, holder: 'p' as ActorId, acknowledged: true,
      derivedFrom: [`a${(i + 1) % count}` as AssetId],
    }))
    const positions = new Map(assets.map((asset, i) => [asset.id as string, i]))
    const decoded = { items: assets, idAt: (i: number) => assets[i]!.id }
    expect(provenanceCycleErrors(decoded, positions).map((error) => error.path)).toEqual([`/assets/${count - 1}/derivedFrom/0`])
    assets[count - 1]!.derivedFrom = []
    expect(provenanceCycleErrors(decoded, positions)).toEqual([])
  })
})

describe('declared loop source and promise', () => {
  it('the source must name an asset', () => {
    const errors = errorsOf(withProvenance((d) => (d['loops'][0]['source'] = 'nurses')))
    expect(codesAndPaths(errors)).toEqual([['unknown-reference', '/loops/0/source']])
    expect(errors[0]?.message).toBe("Declared loop 'you-said' refers to source asset 'nurses', which is not in the model.")
  })

  it('accepts a source and a promise', () => {
    expect(decodeModel(withProvenance((d) => Object.assign(d['loops'][0], { source: 'stories', promises: 'did' })))._tag).toBe('Right')
  })
})

describe('represents', () => {
  it.each([
    [0, 'out-of-range', 'it is 0'],
    [-3, 'out-of-range', 'it is -3'],
    [2.5, 'invalid-value', 'it is 2.5'],
    ['40', 'invalid-type', 'it is text'],
  ])('%j is refused as %s', (value, code, received) => {
    const errors = errorsOf(withProvenance((d) => (d['actors'][0]['represents'] = value)))
    expect(codesAndPaths(errors)).toEqual([[code, '/actors/0/represents']])
    expect(errors[0]?.message).toBe(`Actor 'patients': 'represents' must be a whole number, 1 or more, but ${received}.`)
  })

  it('a positive whole number is accepted', () => {
    const result = decodeModel(withProvenance((d) => (d['actors'][0]['represents'] = 1200)))
    expect(result._tag === 'Right' && result.right.actors[0]?.represents).toBe(1200)
  })
})
