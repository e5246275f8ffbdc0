import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { buildModel } from './build.js'

describe('scorecard', () => {
  const model = buildModel({
    actors: [
      ['p', 'patient'],
      ['q', 'carer'],
      ['r', 'citizen'],
      ['m', 'manager'],
      ['e', 'intermediary'],
      ['c', 'clinician'],
    ],
    assets: [
      ['story', 'experience', 'p'],
      ['audit', 'data', 'c'],
      ['themes', 'insight', 'e'],
      ['spec', 'plan', 'm'],
    ],
    channels: [
      ['tell', 'p', 'm', ['story'], { latencyDays: 2 }],
      ['answer', 'm', 'p', [], { latencyDays: 4 }],
      ['peer', 'p', 'q', [], { latencyDays: 1 }],
      ['peer-back', 'q', 'p', [], { latencyDays: 1 }],
      ['share', 'p', 'e', ['story']],
      ['report', 'c', 'e', ['audit']],
      ['ask', 'r', 'm', []],
    ],
  })
  const { overall, levels } = diagnose(model).scorecard

  it('counts lay actors on a closed loop (loop closure coverage)', () => {
    expect(overall.layActors).toBe(3)
    expect(overall.loopClosureCoverage).toBe(0.6667)
  })
  it('counts loops that join lay and professional perspectives (co-production index)', () => {
    expect(overall.loops).toBe(2)
    expect(overall.coProductionIndex).toBe(0.5)
  })
  it('finds the highest learning order and the loop latencies', () => {
    expect(overall.highestLearningOrder).toBe('double')
    expect(overall.medianLoopLatencyDays).toBe(4)
    expect(overall.worstLoopLatencyDays).toBe(6)
  })
  it('counts the kinds and perspectives feeding each sensemaking step (narrative diversity)', () => {
    expect(overall.narrativeDiversity).toEqual([{ actor: 'e', kinds: 2, perspectives: 2 }])
  })
  it('counts lay actors on peer-support loops (mutual aid)', () => {
    expect(overall.mutualAidShare).toBe(0.6667)
  })
  it('counts the channels needed to close every open loop, by level', () => {
    expect(levels.map((entry) => entry.level)).toEqual(['delivery'])
    expect(overall.channelsToCloseOpenLoops).toBe(levels[0]!.figures.channelsToCloseOpenLoops)
    expect(overall.channelsToCloseOpenLoops).toBe(2)
  })
  it('reports null shares when there is nothing to share out', () => {
    const empty = diagnose(buildModel({ actors: [['m', 'manager']] })).scorecard.overall
    expect([empty.loopClosureCoverage, empty.coProductionIndex, empty.highestLearningOrder, empty.mutualAidShare]).toEqual([null, null, null, null])
  })
})
