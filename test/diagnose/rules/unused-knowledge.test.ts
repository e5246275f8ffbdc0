import { diagnose } from '../../../src/diagnose/diagnose.js'
import { describe, expect, it } from 'vitest'
import { findingsOf, repairedBy, voiceModel } from './voice-build.js'

describe('unused-knowledge', () => {
  it('reports unacknowledged knowledge that goes nowhere, saying so, and proposes carrying it', () => {
    const model = voiceModel({ actors: [['carers', 'carer'], ['ward', 'clinician']], assets: [['routines', 'experience', 'carers', [], false]], channels: [['visit', 'carers', 'ward', []]] })
    const [finding] = findingsOf(model, 'unused-knowledge')
    expect(finding).toMatchObject({ severity: 'warning', actors: ['carers', 'ward'], assets: ['routines'] })
    expect(finding!.message).toContain('does not acknowledge')
    expect(findingsOf(repairedBy(model, 'unused-knowledge'), 'unused-knowledge')).toEqual([])
  })

  it('uses the one definition of carriage: a channel listing an asset its sender never has carries nothing of it', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['w', 'clinician'], ['m', 'manager']],
      assets: [['themes', 'insight', 'm', []]],
      channels: [['relay', 'w', 'p', ['themes']]],
    })
    expect(findingsOf(model, 'unused-knowledge').map((finding) => finding.assets)).toEqual([['themes']])
  })

  it('never sends a team\'s knowledge back upstream, to whoever feeds it', () => {
    // The insight team reports to the quality committee, whose quality strategy goes nowhere:
    // the strategy belongs with the team leader who works by it, not the analysts.
    const model = voiceModel({
      actors: [['insight', 'staff', ['planning']], ['committee', 'board', ['planning', 'strategy']], ['lead', 'manager', ['delivery', 'planning']]],
      assets: [['report', 'insight', 'insight', []], ['strategy', 'strategy', 'committee', []]],
      channels: [['quarterly', 'insight', 'committee', ['report'], { level: 'planning' }]],
    })
    const finding = findingsOf(model, 'unused-knowledge').find((each) => each.assets.includes('strategy' as never))
    expect(finding!.repair).toEqual([expect.objectContaining({ from: 'committee', to: 'lead', carries: ['strategy'] })])
  })

  it('never passes knowledge to a regulator "so that it is used", and names a planned route as planned', () => {
    // A council's care home contract goes to the home's manager, not the CQC (which sorts first).
    const model = voiceModel({
      actors: [['council', 'commissioner', ['planning']], ['cqc', 'regulator', ['planning']], ['home', 'manager', ['delivery', 'planning']]],
      assets: [['contract', 'plan', 'council', []], ['returns', 'data', 'council', []], ['themes', 'insight', 'home', []]],
      channels: [
        ['notify', 'council', 'cqc', ['returns'], { level: 'planning' }],
        ['visit', 'council', 'home', ['returns'], { level: 'planning' }],
        ['share', 'home', 'council', ['themes'], { level: 'planning', status: 'planned' }],
      ],
    })
    const findings = findingsOf(model, 'unused-knowledge')
    expect(findings.find((each) => each.assets.includes('contract' as never))!.repair).toEqual([expect.objectContaining({ from: 'council', to: 'home', carries: ['contract'] })])
    expect(findings.find((each) => each.assets.includes('themes' as never))!.repair![0]!.reason).toContain("(as the planned 'share' was to)")
  })

  it('sends an approval back to whoever asked for it, not on to whoever the decider happens to write to', () => {
    // The ICB's primary care team puts its access plan to the committee; the committee's
    // approval goes nowhere. It also answers Healthwatch, which is not who asked.
    const model = voiceModel({
      actors: [['team', 'commissioner', ['planning']], ['committee', 'board', ['planning']], ['healthwatch', 'intermediary', ['planning']]],
      assets: [['access-plan', 'plan', 'team', []], ['approval', 'decision', 'committee', ['access-plan']], ['letter', 'response', 'committee', []]],
      channels: [['submit', 'team', 'committee', ['access-plan'], { level: 'planning' }], ['answer', 'committee', 'healthwatch', ['letter'], { level: 'planning' }]],
    })
    const finding = findingsOf(model, 'unused-knowledge').find((each) => each.assets.includes('approval' as never))
    expect(finding!.repair).toEqual([expect.objectContaining({ from: 'committee', to: 'team', carries: ['approval'] })])
  })

  it('names the inactive channel that used to carry it, and proposes restoring that route', () => {
    const model = voiceModel({
      actors: [['m', 'manager'], ['p', 'patient']],
      assets: [['story', 'experience', 'p', []], ['ysywd', 'response', 'm', ['story']]],
      channels: [['tell', 'p', 'm', ['story']], ['board', 'm', 'p', ['ysywd'], { status: 'inactive' }]],
    })
    // Alone, it says so; with open-loop on, open-loop already delivers the board: one gap.
    const [finding] = diagnose(model, { rules: { 'open-loop': 'off' } }).defects.filter((defect) => defect.rule === 'unused-knowledge')
    expect(finding).toMatchObject({ channels: ['board'], repair: [expect.objectContaining({ from: 'm', to: 'p', carries: ['ysywd'] })] })
    expect(findingsOf(model, 'unused-knowledge')).toEqual([])
    expect(findingsOf(model, 'open-loop')[0]?.repair).toEqual([expect.objectContaining({ from: 'm', to: 'p', carries: ['ysywd'], activates: 'board' })])
  })

  it('does not report what acts where it is held: a change done, a decision something is made from, a reply to oneself', () => {
    const model = voiceModel({
      actors: [['students', 'peer-supporter'], ['tutor', 'clinician']],
      assets: [
        ['story', 'experience', 'students', []],
        ['aid', 'response', 'students', ['story']],
        ['choice', 'decision', 'tutor', ['story']],
        ['new-course', 'change', 'tutor', ['choice']],
      ],
      channels: [['tell', 'students', 'tutor', ['story']]],
    })
    expect(findingsOf(model, 'unused-knowledge')).toEqual([])
  })

  it('does not report a lesson its holder keeps: a participation lead\'s log for the next project is memory, not knowledge lost', () => {
    const model = voiceModel({
      actors: [['young-patients', 'patient'], ['lead', 'staff'], ['clinic', 'clinician']],
      assets: [
        ['stories', 'experience', 'young-patients', []],
        ['themes', 'insight', 'lead', ['stories']],
        ['after-school', 'change', 'clinic', ['themes']],
        ['ysww', 'response', 'lead', ['after-school']],
        ['log', 'lesson', 'lead', ['ysww']],
      ],
      channels: [
        ['survey', 'young-patients', 'lead', ['stories']],
        ['themes-out', 'lead', 'clinic', ['themes']],
        ['changes-back', 'clinic', 'lead', ['after-school']],
        ['ysww-out', 'lead', 'young-patients', ['ysww']],
      ],
    })
    expect(findingsOf(model, 'unused-knowledge')).toEqual([])
  })

  it('does not report a decision that closes its holder\'s own loop: their support plan is theirs to use', () => {
    const model = voiceModel({
      actors: [['clients', 'patient'], ['link', 'staff']],
      assets: [['story', 'experience', 'clients', []], ['support-plan', 'decision', 'clients', ['story']]],
      channels: [['conversation', 'clients', 'link', ['story']]],
    })
    expect(findingsOf(model, 'unused-knowledge')).toEqual([])
  })

  it('reports a decision nobody hears of and nothing is made from', () => {
    const model = voiceModel({ actors: [['m', 'manager'], ['c', 'clinician']], assets: [['rota', 'decision', 'm', []]], channels: [['x', 'm', 'c', []]] })
    expect(findingsOf(model, 'unused-knowledge').map((finding) => finding.assets)).toEqual([['rota']])
  })
})
