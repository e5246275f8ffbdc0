import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { type TracedSpec, tracedModel } from './traced-model.js'

const defects = (spec: TracedSpec) => diagnose(tracedModel(spec)).defects.filter((defect) => defect.rule === 'heard-not-acted')

/** Residents tell Healthwatch, whose report the committee receives and notes; Healthwatch answers what it heard. */
const receivedAndNoted = (extraAssets: TracedSpec['assets'] = [], extraChannels: TracedSpec['channels'] = []): TracedSpec => ({
  actors: [['residents', 'citizen'], ['healthwatch', 'intermediary', 'lay'], ['committee', 'board']],
  assets: [
    ['stories', 'experience', 'residents'],
    ['report', 'insight', 'healthwatch', ['stories']],
    ['what-we-heard', 'response', 'healthwatch', ['report']],
    ['noted', 'response', 'committee', ['report']],
    ...extraAssets,
  ],
  channels: [
    ['tell', 'residents', 'healthwatch', ['stories']],
    ['publish', 'healthwatch', 'residents', ['what-we-heard']],
    ['to-committee', 'healthwatch', 'committee', ['report']],
    ['noted-letter', 'committee', 'healthwatch', ['noted']],
    ...extraChannels,
  ],
})

describe('heard-not-acted', () => {
  it('reports a source that is answered but from which nothing was decided or changed, once, naming who it reached', () => {
    const found = defects(receivedAndNoted())
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity: 'warning', actors: ['committee', 'healthwatch', 'residents'], assets: ['noted', 'report', 'stories', 'what-we-heard'] })
    expect(found[0]!.message).toContain("'stories' from 'residents' reaches 'healthwatch' and 'committee' and is answered ('what-we-heard')")
    expect(found[0]!.repair).toBeUndefined()
  })

  it('names a lapsed channel that would take what was heard on to those who could act, and brings it back', () => {
    // An ambulance trust: complaints are answered by letter, but the themes' learning bulletin to team leaders lapsed.
    const found = defects({
      actors: [['families', 'patient'], ['complaints', 'staff'], ['team-leaders', 'manager'], ['crews', 'clinician']],
      assets: [['complaint', 'experience', 'families'], ['letter', 'response', 'complaints', ['complaint']], ['themes', 'insight', 'complaints', ['complaint']]],
      channels: [
        ['make', 'families', 'complaints', ['complaint']],
        ['reply', 'complaints', 'families', ['letter']],
        ['bulletin', 'complaints', 'team-leaders', ['themes'], { status: 'inactive' }],
        ['briefing', 'team-leaders', 'crews', ['themes']],
      ],
    })
    expect(found[0]!.message).toContain("what 'families' said is heard and nothing is done; 'themes' would reach 'team-leaders' over 'bulletin', which is not active.")
    expect(found[0]!.channels).toEqual(['bulletin', 'make', 'reply'])
    expect(found[0]!.repair).toEqual([expect.objectContaining({ from: 'complaints', to: 'team-leaders', carries: ['themes'], activates: 'bulletin' })])
  })

  it('says when the answer is only taken to be one because the model does not say what it is made from', () => {
    const spec = receivedAndNoted()
    const inferred = { ...spec, assets: spec.assets.map((asset) => (asset[0] === 'what-we-heard' ? (['what-we-heard', 'response', 'healthwatch'] as const) : asset)) }
    expect(defects(inferred)[0]!.message).toContain("is answered ('what-we-heard', taken to answer it because the model does not say what it is made from)")
    expect(defects(spec)[0]!.message).toContain("is answered ('what-we-heard'), but")
  })

  it('is silent once a decision made from the report is answered', () => {
    const spec = receivedAndNoted([['referral', 'decision', 'committee', ['report']], ['decided-reply', 'response', 'committee', ['referral']]], [['decided', 'committee', 'residents', ['decided-reply']]])
    expect(defects(spec)).toEqual([])
  })

  it('says so when a plan was made from it that the answer never mentions, and proposes a reply made from the plan', () => {
    const spec = receivedAndNoted([['plan', 'plan', 'committee', ['report']]])
    const [found] = defects(spec)
    expect(found!.message).toContain("but the answer is not made from what was decided or done about it ('plan'): 'residents' are told they were heard, never what became of it.")
    // The committee has no channel to residents: it answers through Healthwatch, whom they
    // spoke to, which publishes the committee's reply where it publishes its own.
    expect(found!.repair).toMatchObject([
      { from: 'committee', to: 'healthwatch', creates: [{ kind: 'response', holder: 'committee', derivedFrom: ['plan'] }] },
      { from: 'healthwatch', to: 'residents', extends: 'publish', carries: [found!.repair![0]!.creates![0]!.id] },
    ])
  })

  it('gives way to acted-not-reported when a change was made and the answer is not made from it: one gap, said once', () => {
    // The committee's plan led the care homes to change; residents hear only Healthwatch's "what we heard".
    const spec = receivedAndNoted([['plan', 'plan', 'committee', ['report']], ['improvements', 'change', 'committee', ['plan']]])
    expect(defects(spec)).toEqual([])
    const all = diagnose(tracedModel(spec)).defects
    expect(all.filter((defect) => defect.rule === 'acted-not-reported').map((defect) => defect.severity)).toEqual(['error'])
    // With acted-not-reported off, this rule still says it.
    const alone = diagnose(tracedModel(spec), { rules: { 'acted-not-reported': 'off' } }).defects
    expect(alone.filter((defect) => defect.rule === 'heard-not-acted')).toHaveLength(1)
  })

  it("does not count the holder's own plan as what was decided about their story", () => {
    // Link workers answer clients' wellbeing scores; the clients' own support plan (inferred
    // from what they hold) is theirs, not something the answer failed to report.
    const [finding, ...rest] = defects({
      actors: [['clients', 'patient'], ['link-workers', 'staff']],
      assets: [['scores', 'data', 'clients', []], ['support-plan', 'decision', 'clients'], ['scores-reply', 'response', 'link-workers', ['scores']]],
      channels: [['record', 'clients', 'link-workers', ['scores']], ['answer', 'link-workers', 'clients', ['scores-reply']]],
    })
    expect(rest).toEqual([])
    expect(finding!.message).toContain("but nothing was decided or changed because of it: what 'clients' said is heard and nothing is done.")
    expect(finding!.repair).toBeUndefined()
  })

  it('is silent for a loop that stays open (open-loop reports it)', () => {
    const spec: TracedSpec = { ...receivedAndNoted(), channels: receivedAndNoted().channels.filter(([id]) => id !== 'publish') }
    expect(defects(spec)).toEqual([])
  })

  it('reports a professional source one severity lower', () => {
    const spec: TracedSpec = {
      actors: [['audit', 'clinician'], ['manager', 'manager']],
      assets: [['audit-data', 'data', 'audit'], ['thanks', 'response', 'manager', ['audit-data']]],
      channels: [['send', 'audit', 'manager', ['audit-data']], ['reply', 'manager', 'audit', ['thanks']]],
    }
    expect(defects(spec).map((defect) => defect.severity)).toEqual(['info'])
  })
})

describe('heard-not-acted: peer support', () => {
  const circle = (helper: 'peer-supporter' | 'clinician'): TracedSpec => ({
    actors: [['students', 'patient'], ['circle', helper]],
    assets: [
      ['struggles', 'experience', 'students'],
      ['tips', 'response', 'circle', ['struggles']],
    ],
    channels: [
      ['share', 'students', 'circle', ['struggles']],
      ['support', 'circle', 'students', ['tips']],
    ],
  })

  it('leaves alone a loop that stays among lay voices: peers answering peers is the help, not placation', () => {
    expect(defects(circle('peer-supporter'))).toEqual([])
    // A clinician who only answers is still hearing without acting.
    expect(defects(circle('clinician'))).toHaveLength(1)
  })
})
