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

  it('joins parallel channels per step and takes the order of what a step is made into', () => {
    // Alpha's strategy (provenance inferred) is made from the returns zeta sends it: triple.
    const model = buildModel({
      actors: 2,
      ids: ['zeta', 'alpha'],
      edges: [
        { from: 0, to: 1, latencyDays: 5, reliability: 0.5, polarity: '+', carries: ['spec', 'returns'] },
        { from: 0, to: 1, latencyDays: 2, reliability: 0.5, polarity: '+' },
        { from: 1, to: 0, reliability: 0.9, polarity: '-', level: 'planning' },
        { from: 1, to: 0, status: 'inactive', polarity: '+' },
      ],
      assets: [{ id: 'spec', kind: 'plan', holder: 0 }, { id: 'jsna', kind: 'strategy', holder: 1 }, { id: 'returns', kind: 'data', holder: 0 }],
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
      stages: ['sense', 'decide'],
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
    // n1 holds a plan, but nothing that comes round is made into it: the loop is single.
    expect(loops.map((loop) => [loop.actors, loop.polarity, loop.order])).toEqual([
      [['n0'], 'unknown', 'single'],
      [['n0', 'n1'], 'unknown', 'single'],
    ])
    expect(loops[0]!.reliability).toBe(1)
  })
})

describe('learning order of actor cycles', () => {
  const icb = (guidanceFrom?: ReadonlyArray<string>) =>
    buildModel({
      actors: 2,
      ids: ['icb-board', 'nhs-england'],
      kinds: ['board', 'regulator'],
      edges: [
        { from: 0, to: 1, carries: ['returns', 'jfp'] },
        { from: 1, to: 0, carries: ['guidance', 'letter'] },
      ],
      assets: [
        { id: 'returns', kind: 'data', holder: 0 },
        { id: 'jfp', kind: 'plan', holder: 0 },
        { id: 'guidance', kind: 'strategy', holder: 1, ...(guidanceFrom === undefined ? {} : { derivedFrom: guidanceFrom }) },
        { id: 'letter', kind: 'response', holder: 1 },
      ],
    })

  it('calls a board and NHS England exchanging returns, plans and guidance no triple loop', () => {
    // The guidance is national policy (a regulator's strategy), made from nothing the board sends;
    // the board's plan, with no provenance declared, is made from nothing of an earlier stage it receives.
    expect(findLoops(icb()).loops.map((loop) => loop.order)).toEqual(['single'])
  })

  it('is triple where the model declares the strategy made from what comes round', () => {
    expect(findLoops(icb(['returns'])).loops.map((loop) => loop.order)).toEqual(['triple'])
  })
})
