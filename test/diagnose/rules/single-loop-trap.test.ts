import { describe, expect, it } from 'vitest'
import { applyRepairs } from '../../../src/graph/apply-repairs.js'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import type { Model } from '../../../src/model/codecs.js'
import { voiceModel } from './voice-build.js'

// The rule on its own: where all a level's loops are lay experience at delivery, its finding
// gives way to learning-stuck's, which says the same (see the last test).
const alone = { rules: { 'learning-stuck': 'off' } } as const
const findingsOf = (model: Model, rule: string, config: Parameters<typeof diagnose>[1] = alone) => diagnose(model, config).defects.filter((defect) => defect.rule === rule)
const repairedBy = (model: Model, rule: string): Model => applyRepairs(model, findingsOf(model, rule).flatMap((defect) => defect.repair ?? []))

// The commissioner's contract plan is made from nothing the clinic hears.
const clinic = (managerAsset: 'response' | 'plan') =>
  voiceModel({
    actors: [['p', 'patient'], ['m', 'manager', ['delivery', 'planning']], ['k', 'commissioner', ['planning']]],
    assets: [['story', 'experience', 'p'], ['held', managerAsset, 'm'], ['contract', 'plan', 'k', []]],
    channels: [['tell', 'p', 'm', ['story']], ['answer', 'm', 'p', ['held']]],
  })

describe('single-loop-trap', () => {
  it('reports a level whose traced loops are never made into a plan or strategy, once', () => {
    const findings = findingsOf(clinic('response'), 'single-loop-trap')
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', level: 'delivery', actors: ['k', 'm', 'p'], assets: ['story'] })])
    // Only heard: nothing was changed, so the finding does not say it was.
    expect(findings[0]!.message).toBe("The one loop that starts at delivery level ('story') is never made into a plan or strategy: nothing there is changed from it, let alone the rules the organisation works by.")
  })

  it('says the organisation changes what it does, but not its rules, when a change is made from the loop', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager', ['delivery', 'planning']]],
      assets: [['story', 'experience', 'p', []], ['fix', 'change', 'm', ['story']], ['reply', 'response', 'm', ['fix']], ['rota-plan', 'plan', 'm', []]],
      channels: [['tell', 'p', 'm', ['story']], ['answer', 'm', 'p', ['reply']]],
    })
    expect(findingsOf(model, 'single-loop-trap')[0]!.message).toBe(
      "The one loop that starts at delivery level ('story') is never made into a plan or strategy: the organisation can change what it does there but never the rules it works by. It reaches 'm' as 'story', but 'rota-plan' is declared to be made from nothing: no channel is missing, only a plan made from it.",
    )
  })

  it('is a note asking where rules are made when the model holds no plan or strategy at all', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager', ['delivery', 'planning']]],
      assets: [['story', 'experience', 'p', []], ['fix', 'change', 'm', ['story']], ['reply', 'response', 'm', ['fix']]],
      channels: [['tell', 'p', 'm', ['story']], ['answer', 'm', 'p', ['reply']]],
    })
    const findings = findingsOf(model, 'single-loop-trap')
    expect(findings.map((finding) => finding.severity)).toEqual(['info'])
    expect(findings[0]!.message).toContain('The model holds no plan or strategy at all: if rules are made elsewhere, add who makes them')
  })

  it('asks once, not once per level, when the model holds no plan or strategy at all', () => {
    // A ward's stories at delivery and the experience team's scores at planning: one question.
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager'], ['x', 'staff', ['planning']], ['q', 'board', ['planning']]],
      assets: [['story', 'experience', 'p', []], ['fix', 'change', 'm', ['story']], ['scores', 'data', 'x', []]],
      channels: [['tell', 'p', 'm', ['story']], ['report', 'x', 'q', ['scores'], { level: 'planning' }]],
    })
    const findings = findingsOf(model, 'single-loop-trap')
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: 'info', level: 'delivery', assets: ['scores', 'story'] })
    expect(findings[0]!.message).toContain("None of the 2 loops that start at delivery and planning levels ('story' and 'scores') is made into a plan or strategy")
  })

  it('reports a source once, at the lowest level its holder takes part in', () => {
    const model = voiceModel({
      actors: [['f', 'forum', ['delivery', 'planning']], ['m', 'manager', ['delivery', 'planning']], ['k', 'commissioner', ['planning']]],
      assets: [['views', 'experience', 'f', []], ['reply', 'response', 'm', ['views']], ['contract', 'plan', 'k', []]],
      channels: [['tell', 'f', 'm', ['views']], ['answer', 'm', 'f', ['reply']]],
    })
    expect(findingsOf(model, 'single-loop-trap').map((finding) => finding.level)).toEqual(['delivery'])
  })

  it('says, when the plan holder\'s plans declare what they are made from, that bringing the story is not enough', () => {
    const [finding] = findingsOf(clinic('response'), 'single-loop-trap')
    expect(finding!.repair).toEqual([
      expect.objectContaining({ from: 'm', to: 'k', reason: expect.stringContaining("('contract' is declared to be made from other things only: make it from this too)") }),
    ])
  })

  it('does not ask for the plan to be made from what is brought when it is already declared so', () => {
    // The provider's quality plan is declared to be made from the home's complaint log, which
    // never reaches the quality team: the channel is all that is missing.
    const model = voiceModel({
      actors: [['relatives', 'carer'], ['manager', 'manager', ['delivery', 'planning']], ['quality-team', 'provider', ['planning']]],
      assets: [['complaints', 'experience', 'relatives', []], ['letter', 'response', 'manager', ['complaints']], ['complaint-log', 'insight', 'manager', ['complaints']], ['quality-plan', 'plan', 'quality-team', ['complaint-log']]],
      channels: [['complain', 'relatives', 'manager', ['complaints']], ['reply', 'manager', 'relatives', ['letter']]],
    })
    const repairs = findingsOf(model, 'single-loop-trap').flatMap((finding) => finding.repair ?? [])
    expect(repairs).toEqual([expect.objectContaining({ from: 'manager', to: 'quality-team', carries: ['complaint-log'] })])
    expect(repairs[0]!.reason).not.toContain('declared to be made from other things only')
  })

  it('is silent when a plan is made from a loop of the level', () => {
    expect(findingsOf(clinic('plan'), 'single-loop-trap')).toEqual([])
  })

  it('reads what the loop changes, not who is on it: a plan holder on the cycle whose plan is not made from the story does not count', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager', ['delivery', 'planning']]],
      assets: [['story', 'experience', 'p', []], ['reply', 'response', 'm', ['story']], ['spec', 'plan', 'm', []]],
      channels: [['tell', 'p', 'm', ['story']], ['answer', 'm', 'p', ['reply', 'spec']]],
    })
    expect(findingsOf(model, 'single-loop-trap').map((finding) => finding.level)).toEqual(['delivery'])
  })

  it('proposes carrying what the level learned to a plan holder, which clears it', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['w', 'clinician'], ['k', 'commissioner', ['planning']]],
      assets: [['story', 'experience', 'p'], ['reply', 'response', 'w'], ['spec', 'plan', 'k']],
      channels: [['tell', 'p', 'w', ['story']], ['answer', 'w', 'p', ['reply']], ['issue', 'k', 'w', ['spec'], { level: 'planning' }]],
    })
    expect(findingsOf(model, 'single-loop-trap')[0]!.repair).toEqual([expect.objectContaining({ to: 'k', carries: ['story'] })])
    expect(findingsOf(repairedBy(model, 'single-loop-trap'), 'single-loop-trap')).toEqual([])
  })

  it('gives way to learning-stuck when that says the same of the same loops, and speaks when learning-stuck is off', () => {
    // The clinic's story is all the delivery level hears: "never made into a plan such as the contract" once.
    expect(findingsOf(clinic('response'), 'single-loop-trap', {})).toEqual([])
    expect(findingsOf(clinic('response'), 'learning-stuck', {})).toHaveLength(1)
    expect(findingsOf(clinic('response'), 'single-loop-trap')).toHaveLength(1)
  })

  it('gives way to learning-stuck whatever level the loops count at', () => {
    // A carers' forum at delivery and planning whose issue goes only to the commissioner:
    // a planning loop, and the lay experience learning-stuck already reports.
    const model = voiceModel({
      actors: [['forum', 'forum', ['delivery', 'planning'], 'lay'], ['k', 'commissioner', ['planning']]],
      assets: [['issue', 'experience', 'forum', []], ['spec', 'plan', 'k', []], ['fix', 'change', 'k', ['issue']]],
      channels: [['raise', 'forum', 'k', ['issue'], { level: 'planning' }]],
    })
    expect(findingsOf(model, 'learning-stuck', {})).toHaveLength(1)
    expect(findingsOf(model, 'single-loop-trap', {})).toEqual([])
    // On its own, it says why no channel is proposed.
    const [alone] = findingsOf(model, 'single-loop-trap')
    expect(alone!.repair).toBeUndefined()
    expect(alone!.message).toContain("It reaches 'k' as 'issue', but 'spec' is declared to be made from nothing: no channel is missing")
  })
})
