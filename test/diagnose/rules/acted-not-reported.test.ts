import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { applyRepairs } from '../../../src/graph/apply-repairs.js'
import type { Model } from '../../../src/model/codecs.js'
import { type TracedSpec, tracedModel, wardSpec } from './traced-model.js'

const defectsOf = (model: Model, config?: Parameters<typeof diagnose>[1]) => diagnose(model, config).defects.filter((defect) => defect.rule === 'acted-not-reported')

describe('acted-not-reported', () => {
  it('reports a change made from patients\' comments whose "you said, we did" never reaches them, and delivers it', () => {
    const model = tracedModel(wardSpec(['ysywd-board']))
    const [defect, ...rest] = defectsOf(model)
    expect(rest).toEqual([])
    expect(defect).toMatchObject({ severity: 'error', actors: ['manager', 'patients'], assets: ['actions', 'board', 'comments', 'themes'] })
    expect(defect!.message).toContain("'comments' from 'patients' is answered by 'board', which goes no further than 'manager': nothing comes back to 'patients', who never hear \"you said, we did\", though it led to 'actions' by 'manager'.")
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'manager', to: 'patients', carries: ['board'] })])
    expect(defectsOf(applyRepairs(model, defect!.repair!))).toEqual([])
  })

  it('reports a change only inferred to come from the comments one step lower, and says it is inferred', () => {
    const spec = wardSpec(['ysywd-board'])
    const inferred = tracedModel({ ...spec, assets: spec.assets.map((asset) => (asset[0] === 'actions' ? (['actions', 'change', 'manager'] as const) : asset)) })
    const [defect] = defectsOf(inferred)
    expect(defect!.severity).toBe('warning')
    expect(defect!.message).toContain('(This is inferred: the model does not say what that change was made from.)')
  })

  it('is one step lower when people are told what was decided, and says they never hear it was done', () => {
    // Discharge: Home from Hospital tells patients the pathway changed; the discharge team's practice change is not reported.
    const model = tracedModel({
      actors: [['patients', 'patient'], ['hfh', 'intermediary'], ['board', 'board'], ['team', 'clinician']],
      assets: [
        ['stories', 'experience', 'patients'],
        ['report', 'insight', 'hfh', ['stories']],
        ['pathway', 'plan', 'board', ['report']],
        ['practice', 'change', 'team', ['pathway']],
        ['what-changed', 'response', 'hfh', ['pathway']],
      ],
      channels: [
        ['follow-up', 'patients', 'hfh', ['stories']],
        ['quarterly', 'hfh', 'board', ['report']],
        ['minutes', 'board', 'hfh', ['pathway']],
        ['to-team', 'board', 'team', ['pathway']],
        ['tell', 'hfh', 'patients', ['what-changed']],
      ],
    })
    const [defect] = defectsOf(model)
    expect(defect!.severity).toBe('warning')
    expect(defect!.message).toContain("(the reply they get, 'what-changed', is not made from it): they hear what was decided, never that it was done.")
  })

  it('is silent when the reply made from the change comes back', () => {
    expect(defectsOf(tracedModel(wardSpec()))).toEqual([])
  })

  it('creates a reply made from the change when none exists', () => {
    const spec = wardSpec()
    const model = tracedModel({ ...spec, assets: spec.assets.filter(([id]) => id !== 'board'), channels: spec.channels.filter(([id]) => id !== 'ysywd-board') })
    const [defect] = defectsOf(model)
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'manager', to: 'patients', creates: [expect.objectContaining({ kind: 'response', derivedFrom: ['actions'] })] })])
    expect(defectsOf(applyRepairs(model, defect!.repair!))).toEqual([])
    // The reply it would create is named by ids, unless the caller asked for names: reports print it.
    expect(defect!.repair![0]!.creates![0]!.name).toBe('Reply to patients: what became of comments')
    expect(defectsOf(model, { names: true })[0]!.repair![0]!.creates![0]!.name).toBe('Reply to Name of patients: what became of Name of comments')
  })

  it('does not deliver a reply made only from a decision when a change was made: it answers from the change', () => {
    const spec: TracedSpec = {
      actors: [['patients', 'patient'], ['manager', 'manager'], ['team', 'clinician']],
      assets: [
        ['comments', 'experience', 'patients'],
        ['decision', 'decision', 'manager', ['comments']],
        ['we-decided', 'response', 'manager', ['decision']],
        ['fix', 'change', 'team', ['decision']],
      ],
      channels: [['tell', 'patients', 'manager', ['comments']], ['agree', 'manager', 'team', ['decision']], ['answer', 'manager', 'patients', ['we-decided'], { status: 'inactive' }]],
    }
    const model = tracedModel(spec)
    const [defect] = defectsOf(model)
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'team', to: 'patients', creates: [expect.objectContaining({ derivedFrom: ['fix'] })] })])
    expect(defectsOf(applyRepairs(model, defect!.repair!))).toEqual([])
  })

  it('says so when the reply people get was made from a decision, not from the change', () => {
    const model = tracedModel({
      actors: [['patients', 'patient'], ['manager', 'manager'], ['team', 'clinician']],
      assets: [
        ['comments', 'experience', 'patients'],
        ['decision', 'decision', 'manager', ['comments']],
        ['we-decided', 'response', 'manager', ['decision']],
        ['fix', 'change', 'team', ['decision']],
      ],
      channels: [['tell', 'patients', 'manager', ['comments']], ['agree', 'manager', 'team', ['decision']], ['answer', 'manager', 'patients', ['we-decided']]],
    })
    const [defect] = defectsOf(model)
    expect(defect!.message).toContain("no reply made from that change comes back to 'patients' (the reply they get, 'we-decided', is not made from it)")
    expect(defectsOf(applyRepairs(model, defect!.repair!))).toEqual([])
  })

  it("calls a co-production group's own decision theirs, not a reply they get", () => {
    // A crisis café's co-production group decides what to change from guests' feedback; the
    // coordinator makes the changes, and nobody tells the group they were done.
    const model = tracedModel({
      actors: [['group', 'forum'], ['coordinator', 'manager']],
      assets: [
        ['feedback', 'experience', 'group'],
        ['group-decision', 'decision', 'group', ['feedback']],
        ['new-rota', 'change', 'coordinator', ['group-decision']],
      ],
      channels: [['minutes', 'group', 'coordinator', ['group-decision']]],
    })
    const [defect] = defectsOf(model)
    expect(defect!.message).toContain("no reply made from that change comes back to 'group' (their own decision, 'group-decision', is not made from it): they know what they decided, never that it was done.")
    expect(defect!.message).not.toContain('the reply they get')
  })

  it('leaves professional sources to open-loop unless asked, then reports them one severity lower', () => {
    const spec: TracedSpec = {
      actors: [['nice', 'regulator'], ['trust', 'provider']],
      assets: [['guidance', 'evidence', 'nice'], ['new-practice', 'change', 'trust', ['guidance']]],
      channels: [['publish', 'nice', 'trust', ['guidance']]],
    }
    expect(defectsOf(tracedModel(spec))).toEqual([])
    const asked = defectsOf(tracedModel(spec), { rules: { 'acted-not-reported': ['error', { includeProfessional: true }] } })
    expect(asked.map((defect) => defect.severity)).toEqual(['warning'])
  })
})

describe('acted-not-reported: what people did themselves', () => {
  it('does not ask for "you said, we did" about what the holder did themselves', () => {
    // Peer trainers write courses from their own lived experience (provenance inferred); the
    // council hears about it in the college bulletin, which never reaches the trainers.
    const spec = (writer: 'trainers' | 'manager'): TracedSpec => ({
      actors: [['trainers', 'peer-supporter'], ['manager', 'manager'], ['council', 'forum']],
      assets: [
        ['lived-experience', 'experience', 'trainers'],
        ['courses', 'change', writer],
        ['bulletin', 'response', 'manager', ['courses']],
      ],
      channels: [
        ['share', 'trainers', 'manager', ['lived-experience']],
        ['offer', 'trainers', 'manager', ['courses']],
        ['publish', 'manager', 'council', ['bulletin']],
      ],
    })
    expect(defectsOf(tracedModel(spec('trainers')))).toEqual([])
    // The college manager changing courses from what the trainers said does owe them a reply.
    expect(defectsOf(tracedModel(spec('manager')))).toHaveLength(1)
  })
})

describe('acted-not-reported: a reply delivered the way the organisation designed', () => {
  it('brings back the lapsed first step of the route a stuck reply used to take, rather than add a channel beside it', () => {
    // The lead cancer nurse's "you said, we did" poster used to go to the information centre,
    // which displays it to patients; only the nurse-to-centre step has lapsed.
    const model = tracedModel({
      actors: [['patients', 'patient'], ['teams', 'clinician'], ['nurse', 'manager'], ['centre', 'staff']],
      assets: [
        ['answers', 'experience', 'patients'],
        ['changes', 'change', 'teams', ['answers']],
        ['poster', 'response', 'nurse', ['changes']],
      ],
      channels: [
        ['survey', 'patients', 'teams', ['answers']],
        ['report', 'teams', 'nurse', ['changes']],
        ['to-centre', 'nurse', 'centre', ['poster'], { status: 'inactive' }],
        ['display', 'centre', 'patients', ['poster']],
      ],
    })
    const [defect] = defectsOf(model)
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'nurse', to: 'centre', carries: ['poster'], activates: 'to-centre' })])
    expect(defectsOf(applyRepairs(model, defect!.repair!))).toEqual([])
  })
})

describe('open-loop: answering a professional team', () => {
  it('tells a professional team directly when the writer works at a level with it, never through the patients', () => {
    // The experience team counts the FFT %, the ward team changes things from it; the patients,
    // who see the ward team and hand cards to the experience team, are not the messengers.
    const model = tracedModel({
      actors: [['patients', 'patient'], ['experience', 'staff'], ['ward', 'clinician']],
      assets: [
        ['cards', 'experience', 'patients'],
        ['percent', 'data', 'experience'],
        ['changes', 'change', 'ward', ['percent']],
      ],
      channels: [
        ['card-box', 'patients', 'experience', ['cards']],
        ['score', 'experience', 'ward', ['percent']],
        ['care', 'ward', 'patients', ['changes']],
      ],
    })
    const open = diagnose(model).defects.find((defect) => defect.rule === 'open-loop' && defect.assets.some((id) => id === 'percent'))!
    expect(open.repair).toEqual([expect.objectContaining({ from: 'ward', to: 'experience' })])
  })
})
