import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import type { Model } from '../../../src/model/codecs.js'
import { type TracedSpec, tracedModel, wardSpec } from './traced-model.js'

const defectsOf = (model: Model, config?: Parameters<typeof diagnose>[1]) => diagnose(model, config).defects.filter((defect) => defect.rule === 'slow-loop')

const ysywd = (extra: Record<string, unknown>) => ({ id: 'ysywd', name: 'You said, we did', level: 'delivery', through: ['patients', 'team', 'manager', 'patients'], ...extra })

describe('slow-loop', () => {
  it('holds a declared source\'s fastest round trip to the declared budget, once per source', () => {
    // 7 + 30 + 14 = 51 days; a second, slower route back adds a cycle but not a finding.
    const spec = wardSpec([], [ysywd({ source: 'comments', maxLatencyDays: 42 })])
    const model = tracedModel({ ...spec, channels: [...spec.channels, ['newsletter', 'manager', 'team', ['board'], { latencyDays: 60 }], ['team-news', 'team', 'patients', ['board'], { latencyDays: 30 }]] })
    const [defect, ...rest] = defectsOf(model)
    expect(rest).toEqual([])
    expect(defect).toMatchObject({ severity: 'warning', level: 'delivery', channels: ['comment-box', 'themes-to-ward', 'ysywd-board'] })
    expect(defect!.message).toBe(
      "'comments' from 'patients' takes 51 days to come back ('board') along declared loop 'ysywd', more than its 42-day budget: by the time they hear back, the moment has passed.",
    )
  })

  it('files a loop nobody declared where it counts (as the scorecard does), timed by the highest level it reaches', () => {
    // The ward's themes go to the manager's planning meeting, which takes 200 days: a
    // patients' loop, counted and filed at delivery, held to the planning budget.
    const spec = wardSpec()
    const model = tracedModel({
      ...spec,
      channels: spec.channels.map((channel) => (channel[0] === 'themes-to-ward' ? ([...channel.slice(0, 4), { latencyDays: 200, level: 'planning' }] as unknown as typeof channel) : channel)),
    })
    const planning = { ...model, actors: model.actors.map((actor) => (actor.id === 'patients' ? actor : { ...actor, levels: ['delivery' as const, 'planning' as const] })) }
    const [defect] = defectsOf(planning)
    expect(defect).toMatchObject({ level: 'delivery' })
    expect(defect!.message).toContain('more than the 180-day budget of planning loops')
    expect(diagnose(planning).scorecard.levels.find((entry) => entry.level === 'delivery')!.figures.sources).toBe(1)
  })

  it('is silent within the budget', () => {
    expect(defectsOf(tracedModel(wardSpec([], [ysywd({ source: 'comments', maxLatencyDays: 60 })])))).toEqual([])
  })

  it('a declared loop without a source names the loops of its actors, and its budget replaces the level budget', () => {
    expect(defectsOf(tracedModel(wardSpec([], [ysywd({ maxLatencyDays: 60 })])))).toEqual([])
    expect(defectsOf(tracedModel(wardSpec([])))).toHaveLength(1)
  })

  it('holds loops nobody declared to the budget of the highest level they travel at, or to maxLatencyDays', () => {
    const [defect] = defectsOf(tracedModel(wardSpec()))
    expect(defect!.message).toContain('more than the 30-day budget of delivery loops')
    expect(defectsOf(tracedModel(wardSpec()), { rules: { 'slow-loop': ['warning', { maxLatencyDays: 60 }] } })).toEqual([])
  })

  it('times what a declared loop promises: a written answer on a decision in time keeps it, though the change comes back later', () => {
    // The panel's experience makes the lead's policy; the written answer on it comes back
    // in 37 days; the team's change, reported to the lead, reaches the panel in 81.
    const panel = (promises: string): TracedSpec => ({
      actors: [['panel', 'forum'], ['lead', 'manager'], ['team', 'clinician']],
      assets: [
        ['panel-exp', 'experience', 'panel', []],
        ['policy', 'plan', 'lead', ['panel-exp']],
        ['answers', 'response', 'lead', ['policy']],
        ['change', 'change', 'team', ['policy']],
        ['ysywd', 'response', 'lead', ['change']],
      ],
      channels: [
        ['recommend', 'panel', 'lead', ['panel-exp'], { latencyDays: 7 }],
        ['answer', 'lead', 'panel', ['answers', 'ysywd'], { latencyDays: 30 }],
        ['policy-to-team', 'lead', 'team', ['policy'], { latencyDays: 14 }],
        ['team-reports', 'team', 'lead', ['change'], { latencyDays: 30 }],
      ],
      loops: [{ id: 'panel-answered', name: 'Panel answered', level: 'delivery', through: ['panel', 'lead', 'panel'], maxLatencyDays: 60, source: 'panel-exp', promises }],
    })
    expect(defectsOf(tracedModel(panel('decided')))).toEqual([])
    expect(defectsOf(tracedModel(panel('did'))).map((defect) => defect.message)).toEqual([
      "'panel-exp' from 'panel' takes 81 days to come back ('ysywd') by the fastest route, more than the 60-day budget of declared loop 'panel-answered': by the time they hear back, the moment has passed.",
    ])
  })

  /**
   * An MNVP's 15 Steps observations: the Safety Champions decide and answer in twice
   * `championsDays` (budget 60), the LMNS board in 10 (budget 120); the Director of
   * Midwifery's change comes back in 80.
   */
  const mnvp = (champions = 'voice-at-champions', championsDays = 20): TracedSpec => ({
    actors: [['mnvp', 'forum'], ['dom', 'manager'], ['champions', 'board'], ['lmns', 'commissioner']],
    assets: [
      ['observations', 'experience', 'mnvp', []],
      ['change', 'change', 'dom', ['observations']],
      ['progress', 'response', 'dom', ['change']],
      ['escalation', 'decision', 'champions', ['observations']],
      ['champions-reply', 'response', 'champions', ['escalation']],
      ['lmns-plan', 'plan', 'lmns', ['observations']],
      ['lmns-update', 'response', 'lmns', ['lmns-plan']],
    ],
    channels: [
      ['to-dom', 'mnvp', 'dom', ['observations'], { latencyDays: 40 }],
      ['dom-back', 'dom', 'mnvp', ['progress'], { latencyDays: 40 }],
      ['to-champions', 'mnvp', 'champions', ['observations'], { latencyDays: championsDays }],
      ['champions-back', 'champions', 'mnvp', ['champions-reply'], { latencyDays: championsDays }],
      ['to-lmns', 'mnvp', 'lmns', ['observations'], { latencyDays: 5 }],
      ['lmns-back', 'lmns', 'mnvp', ['lmns-update'], { latencyDays: 5 }],
    ],
    loops: [
      { id: champions, name: 'Voice at the Safety Champions', level: 'delivery', through: ['mnvp', 'champions', 'mnvp'], maxLatencyDays: 60, source: 'observations', promises: 'decided' },
      { id: 'voice-at-lmns', name: 'Voice at the LMNS board', level: 'delivery', through: ['mnvp', 'lmns', 'mnvp'], maxLatencyDays: 120, source: 'observations', promises: 'decided' },
    ],
  })

  it('times each declared loop of one source on its own, whatever the order of their ids', () => {
    // Both promises are kept (40 and 10 days), however the loops are named.
    expect(defectsOf(tracedModel(mnvp('voice-at-champions')))).toEqual([])
    expect(defectsOf(tracedModel(mnvp('voice-at-safety-champions')))).toEqual([])
  })

  it("times a declared loop on its own steps: the LMNS board's faster reply does not keep the Safety Champions' promise", () => {
    expect(defectsOf(tracedModel(mnvp('voice-at-champions', 50))).map((defect) => defect.message)).toEqual([
      "'observations' from 'mnvp' takes 100 days to come back ('champions-reply') along declared loop 'voice-at-champions', more than its 60-day budget: by the time they hear back, the moment has passed.",
    ])
  })

  it('still times a loop that does not keep its promise (that is declared-loop-broken\'s), as it closes', () => {
    const model = tracedModel({
      actors: [['panel', 'forum'], ['lead', 'manager']],
      assets: [['panel-exp', 'experience', 'panel', []], ['policy', 'plan', 'lead', ['panel-exp']], ['answers', 'response', 'lead', ['policy']]],
      channels: [['recommend', 'panel', 'lead', ['panel-exp'], { latencyDays: 7 }], ['answer', 'lead', 'panel', ['answers'], { latencyDays: 300 }]],
      loops: [{ id: 'panel-answered', name: 'Panel answered', level: 'delivery', through: ['panel', 'lead', 'panel'], maxLatencyDays: 60, source: 'panel-exp', promises: 'did' }],
    })
    expect(defectsOf(model).map((defect) => defect.message)).toEqual([
      "'panel-exp' from 'panel' takes 307 days to come back ('answers') by the fastest route, more than the 60-day budget of declared loop 'panel-answered': by the time they hear back, the moment has passed.",
    ])
  })

  it('says when the budget is the level\'s, because the declared loop sets none', () => {
    const [defect] = defectsOf(tracedModel(wardSpec([], [ysywd({ source: 'comments' })])))
    expect(defect!.message).toContain("along declared loop 'ysywd', more than the 30-day budget of delivery loops (it sets none)")
  })

  it('a declared loop without a source or promise times the first answer, and only for sources that go to its actors first', () => {
    // Chairside concerns are answered by the nurses in 2 days (and changed via the manager
    // in 11); the annual survey goes to the manager and comes back, through the nurses, in 129.
    const unit: TracedSpec = {
      actors: [['patients', 'patient'], ['nurses', 'clinician'], ['manager', 'manager']],
      assets: [
        ['concerns', 'experience', 'patients', []],
        ['prem', 'data', 'patients', []],
        ['changes', 'change', 'manager', ['concerns', 'prem']],
        ['nurse-reply', 'response', 'nurses', ['concerns', 'changes']],
      ],
      channels: [
        ['chairside', 'patients', 'nurses', ['concerns'], { latencyDays: 0 }],
        ['nurse-answers', 'nurses', 'patients', ['nurse-reply'], { latencyDays: 2 }],
        ['escalate', 'nurses', 'manager', ['concerns'], { latencyDays: 2 }],
        ['prem-return', 'patients', 'manager', ['prem'], { latencyDays: 120 }],
        ['huddle', 'manager', 'nurses', ['changes'], { latencyDays: 7 }],
      ],
      loops: [{ id: 'chairside-answered', name: 'Chairside concerns answered', level: 'delivery', through: ['patients', 'nurses', 'patients'], maxLatencyDays: 7 }],
    }
    expect(defectsOf(tracedModel(unit)).map((defect) => defect.message.match(/^'(\w+)' .* (budget of [^:]*)/)!.slice(1))).toEqual([['prem', 'budget of delivery loops']])
  })

  it('leaves open loops to open-loop', () => {
    expect(defectsOf(tracedModel(wardSpec(['ysywd-board'])))).toEqual([])
  })

  it('writes days as people do', () => {
    const spec: TracedSpec = {
      actors: [['patient', 'patient'], ['nurse', 'clinician']],
      assets: [['story', 'experience', 'patient'], ['reply', 'response', 'nurse', ['story']]],
      channels: [['tell', 'patient', 'nurse', ['story'], { latencyDays: 0.1 }], ['answer', 'nurse', 'patient', ['reply'], { latencyDays: 0.2 }]],
      loops: [{ id: 'loop', name: 'Loop', level: 'delivery', through: ['patient', 'nurse', 'patient'], source: 'story', maxLatencyDays: 0.25 }],
    }
    expect(defectsOf(tracedModel(spec))[0]!.message).toContain(' 0.3 days ')
  })
})
