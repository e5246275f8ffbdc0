import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { applyRepairs } from '../../../src/graph/apply-repairs.js'
import type { Model } from '../../../src/model/codecs.js'
import { modelWarnings } from '../../../src/model/warnings.js'
import { type TracedSpec, tracedModel, wardSpec } from './traced-model.js'

const defectsOf = (model: Model, rule = 'declared-loop-broken') => diagnose(model).defects.filter((defect) => defect.rule === rule)

const ysywd = (extra: Record<string, unknown> = {}) => ({ id: 'ysywd', name: 'You said, we did', level: 'delivery', through: ['patients', 'team', 'manager', 'patients'], source: 'comments', ...extra })

/** Repairs applied, then the rule again: nothing left. */
const repairedClean = (model: Model): void => {
  const repairs = defectsOf(model).flatMap((defect) => defect.repair ?? [])
  expect(repairs.length).toBeGreaterThan(0)
  expect(defectsOf(applyRepairs(model, repairs))).toEqual([])
}

describe('declared-loop-broken', () => {
  it('repairs a step between actors who share no level at the declared loop\'s level', () => {
    // An ICB committee (planning) declares its patient voice loop at planning; patients take
    // part where care is given. The missing step back is a planning step, as declared.
    const spec = wardSpec()
    const model = tracedModel({
      ...spec,
      channels: [['survey', 'patients', 'team', ['comments'], { level: 'planning' }]],
      loops: [{ id: 'voice', name: 'Patient voice', level: 'planning', through: ['patients', 'team', 'patients'], source: 'comments' }],
    })
    const planning = { ...model, actors: model.actors.map((actor) => (actor.id === 'team' ? { ...actor, levels: ['planning' as const] } : actor)) }
    const [defect] = defectsOf(planning)
    expect(defect!.repair).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'team', to: 'patients', level: 'planning' })]))
  })

  it("says a team's own reports are sent into a broken loop, and people's stories spoken into one", () => {
    const model = tracedModel({
      actors: [['audit', 'clinician'], ['board', 'board']],
      assets: [['audit-data', 'data', 'audit']],
      channels: [['send', 'audit', 'board', ['audit-data']]],
      loops: [{ id: 'spread', name: 'Spread', level: 'delivery', through: ['audit', 'board', 'audit'], source: 'audit-data' }],
    })
    expect(defectsOf(model)[0]!.message).toContain("'audit' keep reporting into a loop that cannot close.")
    expect(defectsOf(tracedModel(wardSpec(['themes-to-ward'], [ysywd()])))[0]!.message).toContain("'patients' keep speaking into a loop that cannot close.")
  })

  it('delivers the reply the loop already has, made from the change, rather than writing another', () => {
    // PSIRF: the family liaison officer holds an update made from the ward's change, but the
    // safety group's action updates to her lapsed and her six-month letter is only planned.
    const model = tracedModel({
      actors: [['family', 'carer'], ['liaison', 'staff'], ['group', 'board'], ['ward', 'clinician']],
      assets: [
        ['concerns', 'experience', 'family'],
        ['actions', 'decision', 'group', ['concerns']],
        ['change', 'change', 'ward', ['actions']],
        ['update', 'response', 'liaison', ['change']],
        ['findings', 'response', 'liaison', ['concerns']],
      ],
      channels: [
        ['raise', 'family', 'liaison', ['concerns']],
        ['findings-meeting', 'liaison', 'family', ['findings']],
        ['to-group', 'liaison', 'group', ['concerns']],
        ['to-ward', 'group', 'ward', ['actions']],
        ['completed', 'ward', 'group', ['change']],
        ['updates', 'group', 'liaison', ['change'], { status: 'inactive' }],
        ['six-month-letter', 'liaison', 'family', ['update'], { status: 'planned' }],
      ],
      loops: [{ id: 'told', name: 'Family told what changed', level: 'delivery', through: ['family', 'liaison', 'group', 'ward', 'group', 'liaison', 'family'], source: 'concerns', promises: 'did' }],
    })
    const [defect] = defectsOf(model)
    expect(defect!.repair).toEqual([
      expect.objectContaining({ from: 'group', to: 'liaison', carries: ['change'], activates: 'updates' }),
      expect.objectContaining({ from: 'liaison', to: 'family', carries: ['update'], activates: 'six-month-letter' }),
    ])
    repairedClean(model)
  })

  it('brings back the feedback the step used to carry when it keeps the promise, rather than writing a new reply', () => {
    // PSIRF: crews are promised they hear back on their incident reports; the safety team's
    // reporter feedback (made from the learning response) went by an email that lapsed.
    // Safety actions were decided too, but the loop promises only that reporters are heard.
    const model = (promises: 'heard' | 'decided') =>
      tracedModel({
        actors: [['crews', 'clinician'], ['safety', 'staff'], ['group', 'board']],
        assets: [
          ['reports', 'evidence', 'crews'],
          ['learning', 'insight', 'safety', ['reports']],
          ['actions', 'decision', 'group', ['learning']],
          ['feedback', 'response', 'safety', ['learning']],
        ],
        channels: [
          ['report', 'crews', 'safety', ['reports']],
          ['to-group', 'safety', 'group', ['learning']],
          ['actions-back', 'group', 'safety', ['actions']],
          ['email', 'safety', 'crews', ['feedback'], { status: 'inactive' }],
        ],
        loops: [{ id: 'heard', name: 'Reporters get feedback', level: 'delivery', through: ['crews', 'safety', 'crews'], source: 'reports', promises }],
      })
    expect(defectsOf(model('heard'))[0]!.repair).toEqual([expect.objectContaining({ from: 'safety', to: 'crews', carries: ['feedback'], activates: 'email' })])
    repairedClean(model('heard'))
    // Promised a decision, the old feedback would not keep it: the reply is made from the actions.
    expect(defectsOf(model('decided'))[0]!.repair).toEqual([expect.objectContaining({ from: 'safety', to: 'crews', creates: [expect.objectContaining({ derivedFrom: ['actions'] })] })])
  })

  it('reports a step with no active channel and repairs it with what the sender has of the source', () => {
    const model = tracedModel(wardSpec(['themes-to-ward'], [ysywd()]))
    const [defect, ...rest] = defectsOf(model)
    expect(rest).toEqual([])
    expect(defect).toMatchObject({ severity: 'error', level: 'delivery', actors: ['manager', 'team'], channels: ['themes-to-ward'] })
    expect(defect!.message).toContain("Declared loop 'ysywd' for 'comments' is broken: no active channel runs from 'team' to 'manager' ('themes-to-ward' is not active)")
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'team', to: 'manager', level: 'delivery', carries: ['themes'] })])
    repairedClean(model)
  })

  it('with a declared source, an active channel that carries nothing of it does not make the step', () => {
    const spec = wardSpec(['themes-to-ward'], [ysywd()])
    const model = tracedModel({ ...spec, assets: [...spec.assets, ['rota', 'data', 'team']], channels: [...spec.channels, ['rota-to-ward', 'team', 'manager', ['rota']]] })
    const [defect] = defectsOf(model)
    expect(defect!.message).toContain("nothing from 'team' to 'manager' carries 'comments' or anything made from it")
    repairedClean(model)
    // Without a declared source the same loop is only checked for active channels.
    const structural = tracedModel({ ...spec, assets: [...spec.assets, ['rota', 'data', 'team']], channels: [...spec.channels, ['rota-to-ward', 'team', 'manager', ['rota']]], loops: [ysywd({ source: undefined })] })
    expect(defectsOf(structural)).toEqual([])
  })

  it('the step back to the source holder must bring a reply: a change delivered as care is not one', () => {
    const spec = wardSpec(['ysywd-board'], [ysywd()])
    const model = tracedModel({ ...spec, channels: [...spec.channels, ['care', 'manager', 'patients', ['actions']]] })
    const [defect] = defectsOf(model)
    expect(defect!.message).toContain("nothing from 'manager' brings a reply back to 'patients'")
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'manager', to: 'patients', carries: ['board'] })])
    repairedClean(model)
  })

  it('brings a lapsed step back carrying what it carried: the practice’s replies for the website to publish, not the reviews', () => {
    const model = tracedModel({
      actors: [['patients', 'patient'], ['nhs-website', 'intermediary'], ['practice-manager', 'manager']],
      assets: [['reviews', 'experience', 'patients'], ['review-replies', 'response', 'practice-manager', ['reviews']]],
      channels: [
        ['post-review', 'patients', 'nhs-website', ['reviews']],
        ['review-alerts', 'nhs-website', 'practice-manager', ['reviews']],
        ['reply-to-review', 'practice-manager', 'nhs-website', ['review-replies'], { status: 'inactive' }],
        ['replies-published', 'nhs-website', 'patients', ['review-replies']],
      ],
      loops: [{ id: 'answered', name: 'Reviews answered', level: 'delivery', through: ['patients', 'nhs-website', 'practice-manager', 'nhs-website', 'patients'], source: 'reviews', promises: 'heard' }],
    })
    const [defect] = defectsOf(model)
    // The website does not write its own reply: the practice's reply goes back on the lapsed channel, and that is all.
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'practice-manager', to: 'nhs-website', carries: ['review-replies'], activates: 'reply-to-review' })])
    repairedClean(model)
  })

  it('on the way out passes what the sender made of what it was given: the ICB’s dashboard, not the PCN’s own return', () => {
    const model = tracedModel({
      actors: [['link-workers', 'staff'], ['clinical-director', 'manager'], ['icb', 'commissioner']],
      assets: [['sp-data', 'data', 'link-workers'], ['sp-return', 'insight', 'clinical-director', ['sp-data']], ['sp-dashboard', 'insight', 'icb', ['sp-return']]],
      channels: [['monthly', 'link-workers', 'clinical-director', ['sp-data']], ['quarterly', 'clinical-director', 'icb', ['sp-return']]],
      loops: [{ id: 'reviewed', name: 'SP outcomes reviewed', level: 'delivery', through: ['link-workers', 'clinical-director', 'icb', 'clinical-director', 'link-workers'], source: 'sp-data', promises: 'heard' }],
    })
    const [defect] = defectsOf(model)
    expect(defect!.repair).toEqual([
      expect.objectContaining({ from: 'icb', to: 'clinical-director', carries: ['sp-dashboard'] }),
      expect.objectContaining({ from: 'clinical-director', to: 'link-workers', creates: [expect.objectContaining({ derivedFrom: ['sp-dashboard'] })] }),
    ])
    repairedClean(model)
  })

  it('passes on what was learned, not a report the sender writes for someone else (the chair\'s report to the board)', () => {
    // PSIRF: learning responses reach the quality committee, whose chair reports to the board; the loop goes on to team leaders.
    const model = tracedModel({
      actors: [['crews', 'clinician'], ['safety-team', 'staff'], ['qgc', 'board'], ['board', 'board'], ['team-leaders', 'manager']],
      assets: [['reports', 'data', 'crews'], ['learning', 'insight', 'safety-team', ['reports']], ['chairs-report', 'insight', 'qgc', ['learning']]],
      channels: [
        ['report', 'crews', 'safety-team', ['reports']],
        ['to-qgc', 'safety-team', 'qgc', ['learning']],
        ['to-board', 'qgc', 'board', ['chairs-report'], { status: 'inactive' }],
        ['plan-to-leaders', 'qgc', 'team-leaders', []],
      ],
      loops: [{ id: 'psirf', name: 'PSIRF', level: 'delivery', through: ['crews', 'safety-team', 'qgc', 'team-leaders', 'crews'], source: 'reports', promises: 'heard' }],
    })
    const [defect] = defectsOf(model)
    expect(defect!.repair![0]).toEqual(expect.objectContaining({ from: 'qgc', to: 'team-leaders', carries: ['learning'] }))
  })

  it('on the way home, a body that made nothing of it answers on its lapsed feedback channel, rather than handing back what it was given', () => {
    // People living with dementia speak through a DEEP group to the directorate; the directorate's
    // feedback channel (which listed its plan) lapsed. The directorate answers; the group passes it on.
    const model = tracedModel({
      actors: [['pwd', 'patient'], ['deep', 'community-group'], ['directorate', 'manager']],
      assets: [['views', 'experience', 'pwd'], ['report', 'insight', 'deep', ['views']], ['activity', 'data', 'directorate'], ['plan', 'plan', 'directorate', ['activity']]],
      channels: [['pwd-deep', 'pwd', 'deep', ['views']], ['deep-dir', 'deep', 'directorate', ['report']], ['dir-deep', 'directorate', 'deep', ['plan'], { status: 'inactive' }]],
      loops: [{ id: 'deep-voice', name: 'DEEP views', level: 'delivery', through: ['pwd', 'deep', 'directorate', 'deep', 'pwd'], source: 'views', promises: 'heard' }],
    })
    const [defect] = defectsOf(model)
    expect(defect!.repair).toEqual([
      expect.objectContaining({ from: 'directorate', to: 'deep', carries: ['report-reply'], activates: 'dir-deep', creates: [expect.objectContaining({ holder: 'directorate', derivedFrom: ['report'] })] }),
      expect.objectContaining({ from: 'deep', to: 'pwd', carries: ['report-reply'] }),
    ])
    expect(defect!.repair![1]!.creates).toBeUndefined()
    repairedClean(model)
  })

  it('on the way home, passes on the reply the sender was given, rather than what it was asked', () => {
    // Dialysis patients' transport complaints go through the nurses to the unit manager, who
    // escalates to the transport provider; the provider's answer stops with the manager. The
    // loop's way home (manager, nurses, patients) carries the provider's answer, not the escalation.
    const model = tracedModel({
      actors: [['patients', 'patient'], ['nurses', 'clinician'], ['manager', 'manager'], ['provider', 'provider']],
      assets: [
        ['complaints', 'experience', 'patients'],
        ['escalation', 'insight', 'manager', ['complaints']],
        ['answer', 'response', 'provider', ['escalation']],
        ['sessions', 'decision', 'nurses', []],
      ],
      channels: [
        ['tell', 'patients', 'nurses', ['complaints']],
        ['log', 'nurses', 'manager', ['complaints']],
        ['escalate', 'manager', 'provider', ['escalation']],
        ['answers', 'provider', 'manager', ['answer']],
        ['huddle', 'manager', 'nurses', []],
        ['care', 'nurses', 'patients', ['sessions']],
      ],
      loops: [
        { id: 'transport', name: 'Transport', level: 'delivery', through: ['patients', 'nurses', 'manager', 'provider', 'manager', 'nurses', 'patients'], source: 'complaints', promises: 'heard' },
      ],
    })
    const [defect] = defectsOf(model)
    expect(defect!.repair).toEqual([
      expect.objectContaining({ from: 'manager', to: 'nurses', carries: ['answer'] }),
      expect.objectContaining({ from: 'nurses', to: 'patients', carries: ['answer'] }),
    ])
    repairedClean(model)
  })

  it('repairs two broken steps in a row, making the reply from what the repaired step brings', () => {
    const spec = wardSpec(['themes-to-ward', 'ysywd-board'], [ysywd({ promises: 'did' })])
    const model = tracedModel({ ...spec, assets: spec.assets.filter(([id]) => id !== 'board'), channels: spec.channels.filter(([id]) => id !== 'ysywd-board') })
    const [defect] = defectsOf(model)
    expect(defect!.repair).toEqual([
      expect.objectContaining({ from: 'team', to: 'manager', carries: ['themes'] }),
      expect.objectContaining({ from: 'manager', to: 'patients', creates: [expect.objectContaining({ derivedFrom: ['actions'] })] }),
    ])
    repairedClean(model)
    expect(defectsOf(applyRepairs(model, defect!.repair!), 'promise-not-kept')).toEqual([])
  })

  it('a promise a reply could keep is part of the error: "you said, we did" that only says thank you though a change was made', () => {
    const spec: TracedSpec = {
      actors: [['patients', 'patient'], ['team', 'staff'], ['manager', 'manager']],
      assets: [
        ['comments', 'experience', 'patients'],
        ['themes', 'insight', 'team', ['comments']],
        ['thanks', 'response', 'team', ['themes']],
        ['actions', 'change', 'manager', ['themes']],
      ],
      channels: [['box', 'patients', 'team', ['comments']], ['thank', 'team', 'patients', ['thanks']], ['themes-to-ward', 'team', 'manager', ['themes']]],
      loops: [{ id: 'ysywd', name: 'You said, we did', level: 'delivery', through: ['patients', 'team', 'patients'], source: 'comments', promises: 'did' }],
    }
    const model = tracedModel(spec)
    const [defect] = defectsOf(model)
    expect(defect!.message).toContain('it promises that something changes ("you said, we did"), but only an answer comes back, though \'actions\' was made from what they said')
    // The manager has no channel to patients: the team they spoke to tells them, on its own channel.
    expect(defect!.repair).toEqual([
      expect.objectContaining({ from: 'manager', to: 'team', carries: ['actions'] }),
      expect.objectContaining({ from: 'team', to: 'patients', creates: [expect.objectContaining({ holder: 'team', derivedFrom: ['actions'] })] }),
    ])
    repairedClean(model)
    expect(defectsOf(model, 'promise-not-kept')).toEqual([])
  })

  it("repairs a step at a level both its ends take part in, not at the loop's level when they do not", () => {
    // A PCREF loop is declared at planning level, but its last step, clinicians to the
    // service users they care for, works at delivery: the reply goes there, on their channel.
    const model = tracedModel({
      actors: [['service-users', 'patient'], ['directorate', 'manager'], ['team', 'clinician']],
      assets: [['responses', 'experience', 'service-users', []], ['plan', 'plan', 'directorate', ['responses']], ['change', 'change', 'team', ['plan']]],
      channels: [['survey', 'service-users', 'directorate', ['responses']], ['plan-to-team', 'directorate', 'team', ['plan']], ['care', 'team', 'service-users', ['change']]],
      loops: [{ id: 'pcref', name: 'PCREF', level: 'planning', through: ['service-users', 'directorate', 'team', 'service-users'], source: 'responses', promises: 'did' }],
    })
    const repairs = diagnose(model).defects.flatMap((defect) => defect.repair ?? [])
    const back = repairs.filter((proposal) => proposal.from === 'team' && proposal.to === 'service-users')
    expect(back.length).toBeGreaterThan(0)
    expect(back.every((proposal) => proposal.level === 'delivery' && proposal.extends === 'care')).toBe(true)
    expect(modelWarnings(applyRepairs(model, repairs)).filter((warning) => warning.code === 'level-mismatch')).toEqual([])
  })

  it('names the declared loop by its name when the diagnosis uses names', () => {
    const model = tracedModel(wardSpec(['themes-to-ward'], [ysywd()]))
    const [named] = diagnose(model, { names: true }).defects.filter((defect) => defect.rule === 'declared-loop-broken')
    expect(named!.message).toMatch(/^Declared loop “You said, we did” for “Name of comments” is broken/)
    expect(named!.repair!.map((proposal) => proposal.reason).join(' ')).toContain('declared loop “You said, we did”')
  })

  it('is silent when every step carries the source on and the promise is kept', () => {
    expect(defectsOf(tracedModel(wardSpec([], [ysywd({ promises: 'did' })])))).toEqual([])
  })

  it('without a source, checks each step for an active channel and restores it with what the step carried', () => {
    const model = tracedModel({
      actors: [['carers', 'carer'], ['pals', 'intermediary']],
      assets: [['concerns', 'experience', 'carers'], ['letter', 'response', 'pals']],
      channels: [['raise', 'carers', 'pals', ['concerns']], ['reply', 'pals', 'carers', ['letter'], { status: 'inactive' }]],
      loops: [{ id: 'answered', name: 'Answered', level: 'delivery', through: ['carers', 'pals', 'carers'] }],
    })
    const [defect] = defectsOf(model)
    expect(defect).toMatchObject({ actors: ['carers', 'pals'], channels: ['reply'] })
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'pals', to: 'carers', carries: ['letter'] })])
    repairedClean(model)
  })
})
