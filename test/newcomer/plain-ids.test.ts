/**
 * Ids go in as plain strings, and come out branded: a user's code passes `'pals'` where
 * the library reads an id (options, function parameters) without a cast, and compares
 * the branded ids it gets back with plain strings. The file type-checks (`tsc` covers
 * test/) only when the library reads plain strings; the calls below also run.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  type ActorId,
  type ChannelId,
  type Model,
  diagnose,
  encodeActorNodeId,
  encodeChannelEdgeName,
  findLoops,
  parseModel,
  returnPath,
  shortestLoopThrough,
  toGraphlib,
} from '../../src/index.js'
import { toDot, toMermaid } from '../../src/io/index.js'

const ward = ((): Model => {
  const parsed = parseModel(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'models', 'ward-you-said-we-did.json'), 'utf8'))
  if (parsed._tag === 'Left') throw new Error('the Ward 7 example does not decode')
  return parsed.right
})()

describe('ids the library reads are plain strings', () => {
  it('diagram highlights take plain channel and actor ids and hand-made proposals', () => {
    const highlight = {
      channels: ['pals-letter'],
      actors: ['carers'],
      proposed: [{ from: 'pals', to: 'carers', level: 'delivery' as const, carries: ['pals-reply'], reason: 'Close the loop' }],
    }
    expect(toMermaid(ward, { highlight })).toMatch(/-\.->/)
    expect(toDot(ward, { highlight })).toContain('dashed')
  })

  it('loop and path searches take a plain actor id', () => {
    expect(findLoops(ward, { through: 'ward-7-patients' }).loops.length).toBeGreaterThan(0)
    expect(returnPath(ward, 'carers', 'ward-manager')).toBeDefined()
    expect(returnPath(ward, 'nobody', 'carers')).toBeUndefined()
    expect(shortestLoopThrough(ward, 'ward-7-patients')?.actors[0]).toBe('ward-7-patients')
  })

  it('the graphlib adapter encodes plain ids', () => {
    const graph = toGraphlib(ward)
    expect(graph.node(encodeActorNodeId('carers'))?.kind).toBe('carer')
    expect(graph.edges().some((edge) => edge.name === encodeChannelEdgeName('pals-letter'))).toBe(true)
  })
})

describe('ids the library returns stay branded', () => {
  it('and compare with plain strings without a cast', () => {
    const defects = diagnose(ward).defects
    expectTypeOf(defects[0]!.channels).toEqualTypeOf<ReadonlyArray<ChannelId>>()
    expectTypeOf(defects[0]!.actors).toEqualTypeOf<ReadonlyArray<ActorId>>()
    // The pattern the embedding guide shows: compare with ===, or read them as strings.
    const concern = defects.find((defect) => defect.rule === 'acted-not-reported' && defect.channels.some((id) => id === 'raise-concern'))
    expect(concern).toBeDefined()
    const channels: ReadonlyArray<string> = concern!.channels
    expect(channels.includes('raise-concern')).toBe(true)
  })
})
