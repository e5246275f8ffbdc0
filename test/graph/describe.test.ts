import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseModel } from '../../src/model/decode.js'
import { findLoops } from '../../src/graph/loops.js'
import { buildModel } from './fixtures.js'

const example = (): ReturnType<typeof buildModel> => {
  const parsed = parseModel(readFileSync(new URL('../../examples/models/ward-you-said-we-did.json', import.meta.url), 'utf8'))
  if (parsed._tag === 'Left') throw new Error('example does not parse')
  return parsed.right
}

describe('describeLoop', () => {
  it('describes the ward example loops in canonical rotation', () => {
    const loops = findLoops(example()).loops
    const byActors = new Map(loops.map((loop) => [loop.actors.join(' '), loop]))
    expect([...byActors.keys()].sort()).toEqual([
      'story-platform ward-7-patients',
      'story-platform ward-manager',
      'story-platform ward-manager ward-team ward-7-patients',
    ])
    const main = byActors.get('story-platform ward-manager ward-team ward-7-patients')!
    expect(main.channels).toEqual([['alert-manager'], ['agree-action'], ['change-care'], ['post-story']])
    expect(main.latencyDays).toBe(2 + 3 + 5 + 1)
    expect(main.reliability).toBeCloseTo(0.9 * 0.9 * 0.85 * 0.95, 12)
    expect(main.polarity).toBe('balancing')
    expect(main.order).toBe('single')
    expect(main.levels).toEqual(['delivery'])
    expect([main.layActors, main.professionalActors]).toEqual([1, 3])
    expect(main.stages).toEqual(['sense', 'decide', 'act'])
    expect(byActors.get('story-platform ward-7-patients')!.stages).toEqual(['sense', 'feedback'])
    expect(byActors.get('story-platform ward-7-patients')!.polarity).toBe('reinforcing')
    // The inactive PALS letter closes no loop.
    expect(loops.some((loop) => loop.actors.includes('carers' as never))).toBe(false)
  })

  it('joins parallel channels per step and takes the governing asset order', () => {
    const model = buildModel({
      actors: 2,
      ids: ['zeta', 'alpha'],
      edges: [
        { from: 0, to: 1, latencyDays: 5, reliability: 0.5, polarity: '+', carries: ['spec'] },
        { from: 0, to: 1, latencyDays: 2, reliability: 0.5, polarity: '+' },
        { from: 1, to: 0, reliability: 0.9, polarity: '-', level: 'planning' },
        { from: 1, to: 0, status: 'inactive', polarity: '+' },
      ],
      assets: [{ id: 'spec', kind: 'plan', holder: 0 }, { id: 'jsna', kind: 'strategy', holder: 1 }],
    })
    const [loop, ...rest] = findLoops(model).loops
    expect(rest).toEqual([])
    expect(loop).toEqual({
      actors: ['alpha', 'zeta'],
      channels: [['c2'], ['c0', 'c1']],
      levels: ['delivery', 'planning'],
      order: 'triple',
      layActors: 1,
      professionalActors: 1,
      stages: ['decide'],
      latencyDays: 2,
      reliability: 0.9 * 0.75,
      polarity: 'balancing',
    })
  })

  it('a self-channel is a loop of one actor; missing or mixed polarity is unknown', () => {
    const model = buildModel({
      actors: 2,
      edges: [{ from: 0, to: 0 }, { from: 0, to: 1, polarity: '+' }, { from: 1, to: 0, polarity: '+' }, { from: 1, to: 0, polarity: '-' }],
      assets: [{ id: 'spec', kind: 'plan', holder: 1 }],
    })
    const loops = findLoops(model).loops
    expect(loops.map((loop) => [loop.actors, loop.polarity, loop.order])).toEqual([
      [['n0'], 'unknown', 'single'],
      [['n0', 'n1'], 'unknown', 'double'],
    ])
    expect(loops[0]!.reliability).toBe(1)
  })
})
