import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { buildModel } from './build.js'

describe('scorecard on traced loops', () => {
  // p's story is answered with a change (did); q's worry is only acknowledged (heard);
  // r's survey answers stop at the manager (open); peers answer each other (mutual aid).
  const model = buildModel({
    actors: [
      ['p', 'patient', ['delivery'], { represents: 10 }],
      ['q', 'carer', ['delivery'], { represents: 30 }],
      ['r', 'citizen', ['delivery'], { represents: 60 }],
      ['m', 'manager'],
      ['e', 'intermediary'],
      ['c', 'clinician'],
    ],
    assets: [
      ['story', 'experience', 'p'],
      ['themes', 'insight', 'e', undefined, { derivedFrom: ['story', 'audit'] }],
      ['fix', 'change', 'm', undefined, { derivedFrom: ['themes'] }],
      ['we-did', 'response', 'm', undefined, { derivedFrom: ['fix'] }],
      ['worry', 'experience', 'q'],
      ['noted', 'response', 'm', undefined, { derivedFrom: ['worry'] }],
      ['survey', 'data', 'r'],
      ['audit', 'data', 'c'],
      ['tip', 'experience', 'q'],
      ['thanks', 'response', 'p', undefined, { derivedFrom: ['tip'] }],
    ],
    channels: [
      ['tell', 'p', 'e', ['story'], { latencyDays: 2 }],
      ['themes-up', 'e', 'm', ['themes'], { latencyDays: 3 }],
      ['answer', 'm', 'p', ['we-did'], { latencyDays: 4 }],
      ['worry-in', 'q', 'm', ['worry'], { latencyDays: 1 }],
      ['worry-back', 'm', 'q', ['noted'], { latencyDays: 1 }],
      ['survey-in', 'r', 'm', ['survey']],
      ['report', 'c', 'e', ['audit']],
      ['peer', 'q', 'p', ['tip'], { latencyDays: 1 }],
      ['peer-back', 'p', 'q', ['thanks'], { latencyDays: 1 }],
    ],
  })
  const { overall, levels } = diagnose(model).scorecard

  it('shares sources out by outcome, and by the people their holders represent', () => {
    expect(overall.sources).toBe(5)
    expect(overall.outcomes).toEqual({ did: 0.2, decided: 0, heard: 0.4, open: 0.4 })
    // story 10, worry 30, tip 30 (heard), survey 60 and audit 1 (open): 131 in all.
    expect(overall.outcomesByPeople).toEqual({ did: 0.0763, decided: 0, heard: 0.458, open: 0.4656 })
    expect(overall.people).toBe(101)
  })
  it('counts lay voices whose loop closes, and loops that join lay and professional voices', () => {
    expect(overall.layActors).toBe(3)
    expect(overall.loopClosureCoverage).toBe(0.6667)
    expect(overall.coProductionIndex).toBe(0.6667)
  })
  it('counts lay voices answered by peers only (mutual aid)', () => {
    expect(overall.mutualAidShare).toBe(0.3333)
  })
  it('does not count a plan people make themselves, with nothing travelling back, as mutual aid', () => {
    // "What matters to me" told to a link worker, and the person's own support plan made from it.
    const plan = buildModel({
      actors: [['patients', 'patient'], ['link-worker', 'staff']],
      assets: [['what-matters', 'experience', 'patients'], ['support-plan', 'decision', 'patients', undefined, { derivedFrom: ['what-matters'] }]],
      channels: [['conversation', 'patients', 'link-worker', ['what-matters']]],
    })
    const figures = diagnose(plan).scorecard.overall
    expect([figures.outcomes.decided, figures.loopClosureCoverage, figures.mutualAidShare]).toEqual([1, 1, 0])
  })
  it('gives the learning order and the fastest round trips of closed loops', () => {
    expect(overall.highestLearningOrder).toBe('single')
    expect(overall.medianRoundTripDays).toBe(2)
    expect(overall.worstRoundTripDays).toBe(9)
  })
  it('counts the kinds and perspectives feeding each sensemaking step (narrative diversity)', () => {
    expect(overall.narrativeDiversity).toEqual([{ actor: 'e', kinds: 2, perspectives: 2 }])
  })
  it('counts the channels the open loops need, by level', () => {
    expect(levels.map((entry) => entry.level)).toEqual(['delivery'])
    expect(overall.channelsToCloseOpenLoops).toBe(2)
  })
  it('reads the learning order from loops that close only: ratings that reach the board strategy and never come back are no triple loop', () => {
    const ward = buildModel({
      actors: [['p', 'patient'], ['n', 'clinician'], ['b', 'board', ['delivery', 'strategy']]],
      assets: [
        ['ratings', 'data', 'p'],
        ['strategy', 'strategy', 'b', undefined, { derivedFrom: ['ratings'] }],
        ['chat', 'experience', 'p'],
        ['fix', 'change', 'n', undefined, { derivedFrom: ['chat'] }],
        ['told', 'response', 'n', undefined, { derivedFrom: ['fix'] }],
      ],
      channels: [['score', 'p', 'b', ['ratings']], ['bedside', 'p', 'n', ['chat'], { latencyDays: 2 }], ['answer', 'n', 'p', ['told'], { latencyDays: 3 }]],
    })
    const scorecard = diagnose(ward).scorecard.overall
    expect([scorecard.outcomes.open, scorecard.highestLearningOrder]).toEqual([0.5, 'single'])
  })
  it('times round trips that travel: a team that changes practice from its own audit has no round trip of 0 days', () => {
    const ward = buildModel({
      actors: [['p', 'patient'], ['n', 'clinician']],
      assets: [
        ['chat', 'experience', 'p'],
        ['fix', 'change', 'n', undefined, { derivedFrom: ['chat'] }],
        ['told', 'response', 'n', undefined, { derivedFrom: ['fix'] }],
        ['audit', 'data', 'n'],
        ['audit-fix', 'change', 'n', undefined, { derivedFrom: ['audit'] }],
      ],
      channels: [['bedside', 'p', 'n', ['chat'], { latencyDays: 2 }], ['answer', 'n', 'p', ['told'], { latencyDays: 3 }]],
    })
    const scorecard = diagnose(ward).scorecard.overall
    expect([scorecard.outcomes.did, scorecard.medianRoundTripDays, scorecard.worstRoundTripDays]).toEqual([1, 5, 5])
  })
  it('reports null shares when there is nothing to share out', () => {
    const empty = diagnose(buildModel({ actors: [['m', 'manager']] })).scorecard.overall
    expect([empty.loopClosureCoverage, empty.coProductionIndex, empty.highestLearningOrder, empty.mutualAidShare, empty.outcomes.did]).toEqual([null, null, null, null, null])
  })
})
