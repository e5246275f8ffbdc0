import { describe, expect, it } from 'vitest'
import { findingsOf, repairedBy, voiceModel } from './voice-build.js'

const ward = (themesTo: ReadonlyArray<string>, specFrom?: ReadonlyArray<string>) =>
  voiceModel({
    actors: [['p', 'patient'], ['w', 'clinician', ['delivery', 'planning']], ['k', 'commissioner', ['planning']]],
    assets: [
      ['story', 'experience', 'p', []],
      ['themes', 'insight', 'w', ['story']],
      ['fix', 'change', 'w', ['themes']],
      ['spec', 'plan', 'k', ...(specFrom === undefined ? [] : [specFrom])] as never,
    ],
    channels: [
      ['tell', 'p', 'w', ['story']],
      ['send', 'w', 'k', themesTo, { level: 'planning' }],
      ['issue', 'k', 'w', ['spec'], { level: 'planning' }],
    ],
  })

describe('learning-stuck', () => {
  it('reports, once, delivery experience that no plan or strategy is made from', () => {
    const findings = findingsOf(ward([]), 'learning-stuck')
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', level: 'delivery', assets: ['spec', 'story'] })])
    expect(findings[0]!.message).toContain("What 'p' say where care is delivered ('story') is never made into a plan or strategy such as 'spec', held by 'k'")
  })

  it('is silent when the plan is made from it (here inferred: the themes reach the commissioner)', () => {
    expect(findingsOf(ward(['themes']), 'learning-stuck')).toEqual([])
  })

  it('is not fooled by reaching the plan holder: a plan declared to be made from something else does not count', () => {
    expect(findingsOf(ward(['themes'], []), 'learning-stuck')).toHaveLength(1)
  })

  it('proposes no channel to a holder of declared plans who already hears some of it, though other loops never reach it', () => {
    // Patients' themes reach the commissioner; the carers' team's insight never leaves it. The
    // spec is declared to be made from nothing: bringing the carers' themes too changes nothing.
    const model = voiceModel({
      actors: [['p', 'patient'], ['c', 'carer'], ['w', 'clinician', ['delivery', 'planning']], ['ct', 'staff', ['delivery', 'planning']], ['k', 'commissioner', ['planning']]],
      assets: [['story', 'experience', 'p', []], ['cstory', 'experience', 'c', []], ['themes', 'insight', 'w', ['story']], ['cthemes', 'insight', 'ct', ['cstory']], ['spec', 'plan', 'k', []]],
      channels: [['tell', 'p', 'w', ['story']], ['ctell', 'c', 'ct', ['cstory']], ['send', 'w', 'k', ['themes'], { level: 'planning' }], ['issue', 'k', 'w', ['spec'], { level: 'planning' }]],
    })
    const [finding] = findingsOf(model, 'learning-stuck')
    expect(finding!.repair).toBeUndefined()
    expect(finding!.message).toContain("It reaches 'k' as 'themes', but 'spec' is declared to be made from nothing: no channel is missing, only a plan made from it.")
  })

  it("brings a forum's views before one person's story, and settles once they arrive", () => {
    // A GP practice: complaints and the PPG's views reach the practice manager, who sends the
    // PCN appointment data; the PCN's access plan is declared to be made from that data only.
    const model = voiceModel({
      actors: [['patients', 'patient'], ['ppg', 'forum'], ['practice', 'manager', ['delivery', 'planning']], ['pcn', 'provider', ['planning']]],
      assets: [
        ['complaints', 'experience', 'patients', []],
        ['ppg-views', 'experience', 'ppg', []],
        ['data', 'data', 'practice', []],
        ['access-plan', 'plan', 'pcn', ['data']],
      ],
      channels: [
        ['complain', 'patients', 'practice', ['complaints']],
        ['meet', 'ppg', 'practice', ['ppg-views']],
        ['returns', 'practice', 'pcn', ['data'], { level: 'planning' }],
      ],
    })
    const [finding] = findingsOf(model, 'learning-stuck')
    expect(finding!.repair).toEqual([expect.objectContaining({ from: 'practice', to: 'pcn', carries: ['ppg-views'] })])
    const repaired = repairedBy(model, 'learning-stuck')
    expect(findingsOf(repaired, 'learning-stuck').flatMap((each) => each.repair ?? [])).toEqual([])
  })

  it('proposes no channel when the plan holder already gets the themes, and says only the plan can change', () => {
    // A district nursing survey's analysis reaches the quality committee in its quarterly
    // report; the quality strategy is made from nothing of it. Carrying it again changes nothing.
    const [finding] = findingsOf(ward(['themes'], []), 'learning-stuck')
    expect(finding!.repair).toBeUndefined()
    expect(finding!.message).toContain("It reaches 'k' as 'themes', but 'spec' is declared to be made from nothing: no channel is missing, only a plan made from it.")
  })

  it('proposes bringing the furthest insight to the plan holder at planning level, which clears it', () => {
    const model = ward([])
    expect(findingsOf(model, 'learning-stuck')[0]!.repair).toEqual([
      expect.objectContaining({ from: 'w', to: 'k', level: 'planning', carries: ['themes'] }),
    ])
    expect(findingsOf(repairedBy(model, 'learning-stuck'), 'learning-stuck')).toEqual([])
  })

  it('is silent when the model has no plan or strategy to reach', () => {
    const model = voiceModel({ actors: [['p', 'patient'], ['w', 'clinician']], assets: [['story', 'experience', 'p']], channels: [['tell', 'p', 'w', ['story']]] })
    expect(findingsOf(model, 'learning-stuck')).toEqual([])
  })

  it('where other experience shapes a plan, reports each source that reaches a plan holder whose plan is made from other things only', () => {
    // An ambulance trust: complaints shape the quality account, but families' accounts in PSIRF learning
    // responses reach the committee whose safety improvement plan is made from the incident profile alone.
    const model = voiceModel({
      actors: [['families', 'patient'], ['safety-team', 'staff', ['delivery', 'planning']], ['qgc', 'board', ['planning']], ['complaints-team', 'staff', ['delivery', 'planning']], ['board', 'board', ['planning']]],
      assets: [
        ['accounts', 'experience', 'families', []],
        ['profile', 'data', 'safety-team', []],
        ['responses', 'insight', 'safety-team', ['accounts']],
        ['safety-plan', 'plan', 'qgc', ['profile']],
        ['complaints', 'experience', 'families', []],
        ['themes', 'insight', 'complaints-team', ['complaints']],
        ['quality-account', 'plan', 'board', ['themes']],
      ],
      channels: [
        ['engage', 'families', 'safety-team', ['accounts']],
        ['to-qgc', 'safety-team', 'qgc', ['responses', 'profile'], { level: 'planning' }],
        ['complain', 'families', 'complaints-team', ['complaints']],
        ['themes-up', 'complaints-team', 'board', ['themes'], { level: 'planning' }],
      ],
    })
    const findings = findingsOf(model, 'learning-stuck')
    expect(findings.map((finding) => [finding.level, finding.actors, finding.assets])).toEqual([['planning', ['families', 'qgc'], ['accounts', 'safety-plan']]])
    expect(findings[0]!.message).toBe("'accounts' from 'families' reaches 'qgc', who holds 'safety-plan', but 'safety-plan' is made from 'profile' only, so what they say never changes it.")
  })
})

describe('learning-stuck: whose plan', () => {
  it('names a plan holder the experience already reaches rather than link it to a body it has no tie to', () => {
    // NHS 111: callers' complaints reach the ICB commissioner in the patient experience report,
    // and the contract is declared to be made from the activity data only. The national
    // Pathways team's release (provenance unknown) hears only from clinical governance.
    const model = voiceModel({
      actors: [['callers', 'patient'], ['complaints', 'staff', ['delivery', 'planning']], ['governance', 'manager', ['delivery', 'planning']], ['icb', 'commissioner', ['planning']], ['pathways', 'provider', ['planning', 'strategy']]],
      assets: [
        ['complaint', 'experience', 'callers', []],
        ['report', 'insight', 'complaints', ['complaint']],
        ['adc', 'data', 'governance', []],
        ['contract', 'plan', 'icb', ['adc']],
        ['audit', 'evidence', 'governance', []],
        ['release', 'plan', 'pathways'],
      ],
      channels: [
        ['complain', 'callers', 'complaints', ['complaint']],
        ['to-icb', 'complaints', 'icb', ['report'], { level: 'planning' }],
        ['returns', 'governance', 'icb', ['adc'], { level: 'planning' }],
        ['content', 'governance', 'pathways', ['audit'], { level: 'planning' }],
      ],
    })
    const [finding] = findingsOf(model, 'learning-stuck')
    expect(finding!.message).toContain("such as 'contract', held by 'icb'")
    expect(finding!.message).toContain("It reaches 'icb' as 'report', but 'contract' is made from 'adc' only: no channel is missing, only a plan made from it.")
    expect(finding!.repair).toBeUndefined()
  })
})
