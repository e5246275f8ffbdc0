import { describe, expect, it } from 'vitest'
import { findingsOf, repairedBy, voiceModel } from './voice-build.js'

// An ICB in miniature: residents tell Healthwatch, whose report is received and noted by
// the quality committee; the board's plan is made from guidance and an assurance report.
const icb = (referral: 'active' | 'inactive') =>
  voiceModel({
    actors: [
      ['residents', 'citizen', ['planning']],
      ['healthwatch', 'intermediary', ['planning'], 'lay'],
      ['committee', 'board', ['planning']],
      ['icb-board', 'board', ['planning', 'strategy']],
      ['nhse', 'regulator', ['strategy']],
    ],
    assets: [
      ['stories', 'experience', 'residents', []],
      ['hw-report', 'insight', 'healthwatch', ['stories']],
      ['noted', 'response', 'committee', ['hw-report']],
      ['guidance', 'evidence', 'nhse', []],
      ['plan', 'plan', 'icb-board', ['guidance']],
    ],
    channels: [
      ['tell', 'residents', 'healthwatch', ['stories'], { level: 'planning' }],
      ['report', 'healthwatch', 'committee', ['hw-report'], { level: 'planning' }],
      ['note', 'committee', 'healthwatch', ['noted'], { level: 'planning' }],
      ['refer', 'committee', 'icb-board', ['hw-report'], { level: 'planning', status: referral }],
      ['guide', 'nhse', 'icb-board', ['guidance'], { level: 'strategy' }],
    ],
  })

describe('experience-excluded', () => {
  it('reports the plan holder that guidance reaches and resident experience never does, naming where the experience stops', () => {
    const [finding, ...rest] = findingsOf(icb('inactive'), 'experience-excluded')
    expect(rest).toEqual([])
    expect(finding).toMatchObject({ severity: 'warning', level: 'planning', actors: ['committee', 'icb-board'] })
    expect(finding!.assets).toEqual(expect.arrayContaining(['guidance', 'plan', 'stories', 'hw-report']))
    expect(finding!.message).toContain("'icb-board', who holds 'plan', but no experience of patients, carers or residents does")
    expect(finding!.message).toContain("'stories' comes no nearer than 'committee', as 'hw-report'")
  })

  it('proposes carrying the report on from the neighbour that has it, over the inactive route, and the repair clears it', () => {
    const model = icb('inactive')
    const [finding] = findingsOf(model, 'experience-excluded')
    expect(finding!.repair).toEqual([expect.objectContaining({ from: 'committee', to: 'icb-board', level: 'planning', carries: ['hw-report'] })])
    expect(finding!.repair![0]!.reason).toContain("inactive 'refer'")
    expect(findingsOf(repairedBy(model, 'experience-excluded'), 'experience-excluded')).toEqual([])
  })

  it('is silent once anything made from lay experience reaches the decision maker', () => {
    expect(findingsOf(icb('active'), 'experience-excluded')).toEqual([])
  })

  it('reads what travels: an insight made from a dashboard is not what residents said', () => {
    // The committee's assurance report reaches the board, but it is made from data, not from the stories.
    const model = voiceModel({
      actors: [['residents', 'citizen'], ['committee', 'board'], ['providers', 'provider'], ['icb-board', 'board']],
      assets: [
        ['stories', 'experience', 'residents', []],
        ['dashboard', 'data', 'providers', []],
        ['assurance', 'insight', 'committee', ['dashboard']],
        ['plan', 'plan', 'icb-board', ['assurance']],
      ],
      channels: [
        ['tell', 'residents', 'committee', ['stories']],
        ['dash', 'providers', 'committee', ['dashboard']],
        ['assure', 'committee', 'icb-board', ['assurance']],
      ],
    })
    const findings = findingsOf(model, 'experience-excluded')
    expect(findings).toHaveLength(1)
    expect(findings[0]!.message).toMatch(/^Evidence and data such as 'dashboard' reach 'icb-board'/)
  })

  it("hears the person in their own ratings: DIALOG+ scores a care plan is reviewed with are not professional data", () => {
    // Service users rate their life domains (DIALOG+); the community team reviews the care
    // plan with them from the scores. Their stories go to the co-production group, not the team.
    const review = (scoresHeldBy: 'users' | 'analysts') =>
      voiceModel({
        actors: [['users', 'patient'], ['team', 'clinician'], ['group', 'forum'], ['analysts', 'staff']],
        assets: [
          ['stories', 'experience', 'users', []],
          ['scores', 'data', scoresHeldBy, []],
          ['care-plan', 'plan', 'team', ['scores']],
        ],
        channels: [['tell', 'users', 'group', ['stories']], ['rate', scoresHeldBy, 'team', ['scores']]],
      })
    expect(findingsOf(review('users'), 'experience-excluded')).toEqual([])
    const [finding, ...rest] = findingsOf(review('analysts'), 'experience-excluded')
    expect(rest).toEqual([])
    expect(finding!.message).toContain("reach 'team', who holds 'care-plan', but no experience")
  })

  it("says a story that never left the people who hold it stays with them, not that it comes 'no nearer' than them", () => {
    const model = voiceModel({
      actors: [['patients', 'patient'], ['lead', 'clinician']],
      assets: [['stories', 'experience', 'patients', []], ['audit', 'evidence', 'lead', []], ['pathway', 'plan', 'lead']],
      channels: [['clinic', 'patients', 'lead', []]],
    })
    const [finding] = findingsOf(model, 'experience-excluded')
    expect(finding!.message).toContain("; 'stories' stays with 'patients'.")
  })

  it('leaves lay and mixed decision makers alone, and models without lay experience', () => {
    const forum = voiceModel({
      actors: [['council', 'forum'], ['lead', 'clinician'], ['patients', 'patient']],
      assets: [['audit', 'evidence', 'lead', []], ['advice', 'decision', 'council'], ['stories', 'experience', 'patients', []]],
      channels: [['share', 'lead', 'council', ['audit']]],
    })
    expect(findingsOf(forum, 'experience-excluded')).toEqual([])
    const professional = voiceModel({
      actors: [['lead', 'clinician'], ['manager', 'manager']],
      assets: [['audit', 'evidence', 'lead', []], ['rota', 'decision', 'manager']],
      channels: [['share', 'lead', 'manager', ['audit']]],
    })
    expect(findingsOf(professional, 'experience-excluded')).toEqual([])
  })
})
