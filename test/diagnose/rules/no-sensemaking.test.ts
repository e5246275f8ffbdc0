import { describe, expect, it } from 'vitest'
import { findingsOf, repairedBy, voiceModel } from './voice-build.js'

const complaints = (actionFrom?: ReadonlyArray<string>) =>
  voiceModel({
    actors: [['p', 'patient'], ['e', 'intermediary'], ['m', 'manager']],
    assets: [
      ['story', 'experience', 'p', []],
      ['themes', 'insight', 'e', ['story']],
      ['action', 'decision', 'm', ...(actionFrom === undefined ? [] : [actionFrom])] as never,
    ],
    channels: [['tell', 'p', 'e', ['story']], ['pass', 'e', 'm', ['story']]],
  })

describe('no-sensemaking', () => {
  it('reports, once per decision maker, a decision made straight from raw experience', () => {
    const findings = findingsOf(complaints(), 'no-sensemaking')
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', actors: ['e', 'm', 'p'], assets: ['action', 'story'] })])
    expect(findings[0]!.message).toBe("'m' makes 'action' straight from 'story', with no insight between: nobody makes sense of what is heard before it is decided on.")
  })

  it('is silent when some chain from the source to the decision passes an insight', () => {
    expect(findingsOf(complaints(['themes']), 'no-sensemaking')).toEqual([])
  })

  it('leaves alone goals agreed with the person, straight from what they said and shared back with them', () => {
    // A stroke survivor tells the therapist what matters to them; the goals agreed change
    // the therapy, and the weekly review tells them how it is going.
    const visit = (through: 'direct' | 'via-office') =>
      voiceModel({
        actors: [['p', 'patient'], ['t', 'clinician'], ['o', 'staff']],
        assets: [
          ['goals', 'experience', 'p', []],
          ['goal-plan', 'plan', 't', ['goals']],
          ['therapy', 'change', 't', ['goal-plan']],
          ['review', 'response', 't', ['therapy']],
        ],
        channels: [
          ...(through === 'direct' ? [['visit', 'p', 't', ['goals']] as const] : [['call', 'p', 'o', ['goals']] as const, ['note', 'o', 't', ['goals']] as const]),
          ['weekly-review', 't', 'p', ['review']],
        ],
      })
    expect(findingsOf(visit('direct'), 'no-sensemaking')).toEqual([])
    // Decided from a message passed on by the office, it was not agreed with them.
    expect(findingsOf(visit('via-office'), 'no-sensemaking').map((finding) => finding.actors)).toEqual([['p', 't']])
  })

  it("leaves alone a carer's support plan agreed in the assessment by the carers' centre that provides it", () => {
    // The council delegates carers' assessments to a voluntary-sector carers' centre: the plan is
    // agreed in the conversation and the carer gets a copy. A manager deciding alone is still reported.
    const assessment = (assessor: 'provider' | 'manager') =>
      voiceModel({
        actors: [['carer', 'carer'], ['centre', assessor]],
        assets: [
          ['what-matters', 'experience', 'carer', []],
          ['support-plan', 'plan', 'centre', ['what-matters']],
        ],
        channels: [['assessment', 'carer', 'centre', ['what-matters']], ['plan-copy', 'centre', 'carer', ['support-plan']]],
      })
    expect(findingsOf(assessment('provider'), 'no-sensemaking')).toEqual([])
    expect(findingsOf(assessment('manager'), 'no-sensemaking').map((finding) => finding.actors)).toEqual([['carer', 'centre']])
  })

  it('asks whoever passed the raw story on to send the insight they made of it, which clears it', () => {
    const model = complaints()
    expect(findingsOf(model, 'no-sensemaking')[0]!.repair).toEqual([expect.objectContaining({ from: 'e', to: 'm', carries: ['themes'] })])
    expect(findingsOf(repairedBy(model, 'no-sensemaking'), 'no-sensemaking')).toEqual([])
  })

  it('proposes no channel for a plan that declares it is made from the raw story, since no channel changes that', () => {
    const model = complaints(['story'])
    const [finding] = findingsOf(model, 'no-sensemaking')
    expect(finding).toBeDefined()
    expect(finding!.repair).toBeUndefined()
  })

  it('creates themes where none exist, and leaves evidence and lay deciders alone', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['n', 'clinician'], ['m', 'manager'], ['c', 'forum']],
      assets: [['story', 'experience', 'p', []], ['trial', 'evidence', 'n', []], ['action', 'plan', 'm'], ['advice', 'plan', 'c']],
      channels: [['tell', 'p', 'n', ['story']], ['pass', 'n', 'm', ['story', 'trial']], ['ask', 'p', 'c', ['story']]],
    })
    const [finding, ...rest] = findingsOf(model, 'no-sensemaking')
    expect(rest).toEqual([])
    expect(finding!.repair![0]!.creates).toEqual([expect.objectContaining({ id: 'story-themes', kind: 'insight', holder: 'n', derivedFrom: ['story'] })])
    expect(findingsOf(repairedBy(model, 'no-sensemaking'), 'no-sensemaking')).toEqual([])
  })
  it("counts a plan as made sense of when any chain into it passes an insight, and a forum's advice as deliberated", () => {
    const model = voiceModel({
      actors: [['students', 'patient'], ['council', 'forum'], ['evaluators', 'researcher'], ['manager', 'manager']],
      assets: [
        ['feedback', 'experience', 'students', []],
        ['advice', 'experience', 'council', []],
        ['report', 'insight', 'evaluators', ['feedback']],
        ['plan', 'plan', 'manager', ['report', 'feedback', 'advice']],
      ],
      channels: [['rate', 'students', 'evaluators', ['feedback']], ['tell', 'students', 'manager', ['feedback']], ['advise', 'council', 'manager', ['advice']], ['send', 'evaluators', 'manager', ['report']]],
    })
    expect(findingsOf(model, 'no-sensemaking')).toEqual([])
    const withoutReport = voiceModel({
      actors: [['students', 'patient'], ['manager', 'manager']],
      assets: [['feedback', 'experience', 'students', []], ['plan', 'plan', 'manager', ['feedback']]],
      channels: [['tell', 'students', 'manager', ['feedback']]],
    })
    expect(findingsOf(withoutReport, 'no-sensemaking')).toHaveLength(1)
  })
})

describe('no-sensemaking: casework, regulators and who makes sense', () => {
  it("leaves alone casework (a complaint decided on and answered to the complainant) and a regulator's own process, but not the service plan", () => {
    // Each complaint is investigated and answered on its own; the CQC rates the home from what
    // people tell it (not the home's process to change); the home's improvement plan made
    // straight from the complaints is what the rule asks about.
    const home = (withPlan: boolean, answered: boolean) =>
      voiceModel({
        actors: [['residents', 'patient'], ['manager', 'manager'], ['cqc', 'regulator']],
        assets: [
          ['complaints', 'experience', 'residents', []],
          ['outcome', 'decision', 'manager', ['complaints']],
          ['answer', 'response', 'manager', ['outcome']],
          ...(withPlan ? [['improvement', 'plan', 'manager', ['complaints']] as const] : []),
          ['feedback', 'experience', 'residents', []],
          ['rating', 'plan', 'cqc', ['feedback']],
        ],
        channels: [
          ['complain', 'residents', 'manager', ['complaints']],
          ['give-feedback', 'residents', 'cqc', ['feedback']],
          ...(answered ? [['letter', 'manager', 'residents', ['answer']] as const] : []),
        ],
      })
    const messages = (model: ReturnType<typeof home>) => findingsOf(model, 'no-sensemaking').map((finding) => finding.message)
    expect(messages(home(false, true))).toEqual([])
    expect(messages(home(true, true))).toEqual([
      "'manager' makes 'improvement' straight from 'complaints', with no insight between: nobody makes sense of what is heard before it is decided on.",
    ])
    // A decision on complaints that nobody is told of is not casework: it is still reported.
    expect(messages(home(false, false))).toEqual([
      "'manager' makes 'outcome' straight from 'complaints', with no insight between: nobody makes sense of what is heard before it is decided on.",
    ])
  })

  it('never asks people to theme their own stories: it brings back the route through the experience team, or proposes nothing', () => {
    const service = (route: 'planned' | 'none') =>
      voiceModel({
        actors: [['patients', 'patient'], ['manager', 'manager'], ['experience', 'manager']],
        assets: [
          ['complaints', 'experience', 'patients', []],
          ['plan', 'plan', 'manager'],
          ['themes', 'insight', 'experience'],
        ],
        channels: [
          ['complain', 'patients', 'manager', ['complaints']],
          ...(route === 'planned'
            ? ([
                ['share', 'patients', 'experience', ['complaints'], { status: 'planned' }],
                ['themes-to-manager', 'experience', 'manager', ['themes'], { status: 'planned' }],
              ] as never[])
            : []),
        ],
      })
    const [finding] = findingsOf(service('planned'), 'no-sensemaking')
    expect(finding!.repair).toEqual([
      expect.objectContaining({ from: 'patients', to: 'experience', carries: ['complaints'] }),
      expect.objectContaining({ from: 'experience', to: 'manager', carries: ['themes'] }),
    ])
    expect(findingsOf(repairedBy(service('planned'), 'no-sensemaking'), 'no-sensemaking')).toEqual([])
    const [alone] = findingsOf(service('none'), 'no-sensemaking')
    expect(alone).toBeDefined()
    expect(alone!.repair).toBeUndefined()
  })
})

describe('no-sensemaking: what counts as raw', () => {
  it("leaves a professional's own data alone (KPI returns made into a contract), but not a survey's answers", () => {
    // A transport provider's KPI returns are a measure made for the commissioner to decide by;
    // whether patients are heard is experience-excluded's matter. Patients' survey answers are raw.
    const contract = (holder: 'provider' | 'patient') =>
      voiceModel({
        actors: [['pts', holder], ['icb', 'commissioner']],
        assets: [
          ['kpis', 'data', 'pts', []],
          ['contract', 'plan', 'icb', ['kpis']],
        ],
        channels: [['returns', 'pts', 'icb', ['kpis']]],
      })
    expect(findingsOf(contract('provider'), 'no-sensemaking')).toEqual([])
    expect(findingsOf(contract('patient'), 'no-sensemaking').map((finding) => finding.actors)).toEqual([['icb', 'pts']])
  })

  it('reports a plan made from another plan only for the raw knowledge it was made from', () => {
    // A directorate's plan made from the kidney patients' association's issues and the network's plan:
    // straight from the issues, not "straight from" the network's plan.
    const model = voiceModel({
      actors: [['kpa', 'community-group'], ['network', 'board'], ['directorate', 'manager']],
      assets: [
        ['issues', 'experience', 'kpa', []],
        ['survey', 'data', 'kpa', []],
        ['network-plan', 'plan', 'network', ['survey']],
        ['services-plan', 'plan', 'directorate', ['issues', 'network-plan']],
      ],
      channels: [
        ['meeting', 'kpa', 'directorate', ['issues']],
        ['returns', 'kpa', 'network', ['survey']],
        ['plan-down', 'network', 'directorate', ['network-plan']],
      ],
    })
    const messages = findingsOf(model, 'no-sensemaking').map((finding) => finding.message)
    expect(messages).toEqual([
      "'directorate' makes 'services-plan' straight from 'issues', with no insight between: nobody makes sense of what is heard before it is decided on.",
      "'network' makes 'network-plan' straight from 'survey', with no insight between: nobody makes sense of what is heard before it is decided on.",
    ])
  })
})
