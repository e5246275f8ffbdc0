import { describe, expect, it } from 'vitest'
import { applyRepairs } from '../../src/graph/apply-repairs.js'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { type ModelSpec, buildModel, defectsOf } from './build.js'

// Each rule: a minimal model where it fires, and the nearest model where it must not.

const patientAndManager = [
  ['p', 'patient'],
  ['m', 'manager'],
] as const

/**
 * Relatives tell Healthwatch; the ICB committee writes back to Healthwatch that the report
 * was noted and referred, but the referral to the care homes quality team, which would have
 * carried `referred`, has lapsed.
 */
const notedAndReferred = (referred: string, extra: NonNullable<ModelSpec['assets']>) =>
  buildModel({
    actors: [['relatives', 'carer'], ['healthwatch', 'intermediary'], ['committee', 'board'], ['team', 'commissioner']],
    assets: [
      ['accounts', 'experience', 'relatives'],
      ['report', 'insight', 'healthwatch', undefined, { derivedFrom: ['accounts'] }],
      ['noted', 'response', 'committee', undefined, { derivedFrom: ['report'] }],
      ...extra,
    ],
    channels: [
      ['survey', 'relatives', 'healthwatch', ['accounts']],
      ['report-in', 'healthwatch', 'committee', ['report']],
      ['ack', 'committee', 'healthwatch', ['noted']],
      ['referral', 'committee', 'team', [referred], { status: 'inactive' }],
    ],
  })

describe('open-loop', () => {
  it('reports a story that goes out and never comes back, names where it stops, and repairs it with a reply', () => {
    const model = buildModel({ actors: patientAndManager, assets: [['story', 'experience', 'p']], channels: [['tell', 'p', 'm', ['story']]] })
    const [defect, ...rest] = defectsOf(model, 'open-loop')
    expect(rest).toHaveLength(0)
    expect(defect).toMatchObject({ severity: 'warning', level: 'delivery', actors: ['m', 'p'], channels: ['tell'], assets: ['story'] })
    expect(defect!.message).toContain("'m'")
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'm', to: 'p', level: 'delivery', carries: ['story-reply'] })])
  })
  it('files a source under the level its knowledge travelled at, as the scorecard counts it', () => {
    // A carers' forum sits at delivery and planning; its issue goes only to the commissioner,
    // at planning, and is never answered: a planning loop, not a delivery one.
    const model = buildModel({
      actors: [['forum', 'forum', ['delivery', 'planning']], ['icb', 'commissioner', ['planning']], ['nurses', 'clinician'], ['patients', 'patient']],
      assets: [['issue', 'experience', 'forum'], ['visit', 'experience', 'forum'], ['survey', 'data', 'patients']],
      channels: [['raise', 'forum', 'icb', ['issue'], { level: 'planning' }], ['tell', 'forum', 'nurses', ['visit']], ['gpps', 'patients', 'icb', ['survey'], { level: 'planning' }]],
    })
    const levelOf = (source: string) => defectsOf(model, 'open-loop').find((defect) => (defect.assets as ReadonlyArray<string>).includes(source))?.level
    expect(levelOf('issue')).toBe('planning')
    // A story told only where care is given stays at delivery.
    expect(levelOf('visit')).toBe('delivery')
    // Patients take part only where care is given, but their survey goes straight to the committee.
    expect(levelOf('survey')).toBe('planning')
    const { scorecard } = diagnose(model)
    expect(scorecard.levels.map(({ level, figures }) => [level, figures.sources])).toEqual([['delivery', 1], ['planning', 2]])
  })
  it('files a commissioner\'s monitoring loop by its route, not by the care its changes become', () => {
    // Care homes' action plans come back to the quality team over planning channels; the
    // improvements reach residents as care, at delivery. Nothing is kept as a lesson.
    const model = buildModel({
      actors: [['team', 'commissioner', ['delivery', 'planning']], ['homes', 'provider', ['delivery', 'planning']], ['residents', 'patient']],
      assets: [
        ['monitoring', 'data', 'team'],
        ['plan', 'plan', 'team', undefined, { derivedFrom: ['monitoring'] }],
        ['improvements', 'change', 'homes', undefined, { derivedFrom: ['plan'] }],
        ['returns', 'response', 'homes', undefined, { derivedFrom: ['improvements'] }],
      ],
      channels: [
        ['plan-to-homes', 'team', 'homes', ['plan'], { level: 'planning' }],
        ['returns-to-team', 'homes', 'team', ['returns'], { level: 'planning' }],
        ['care', 'homes', 'residents', ['improvements']],
      ],
    })
    expect(defectsOf(model, 'no-memory').map((defect) => defect.level)).toEqual(['planning'])
  })
  it('brings back a lapsed referral rather than deliver a "received and noted" that stopped on its way', () => {
    const model = notedAndReferred('report', [['plan', 'plan', 'team', undefined, { derivedFrom: ['report'] }]])
    const [defect] = defectsOf(model, 'open-loop')
    expect(defect!.message).toContain("is answered by 'noted', which goes no further than 'healthwatch'; 'report' would reach 'team' over 'referral', which is not active")
    expect(defect!.repair).toEqual([
      expect.objectContaining({ from: 'committee', to: 'team', carries: ['report'], activates: 'referral' }),
      expect.objectContaining({ from: 'team', carries: ['plan-reply'] }),
      ...(defect!.repair!.length > 2 ? [expect.anything()] : []),
    ])
    expect(defect!.repair!.some((channel) => channel.carries.includes('noted' as never))).toBe(false)
    expect(defectsOf(applyRepairs(model, diagnose(model).defects.flatMap((each) => each.repair ?? [])), 'open-loop')).toEqual([])
  })
  it('has the referral\'s team answer from what it is given: nothing is made of a lesson, so not from a plan of its own', () => {
    // The committee's referral passes on only its lessons-learned note; the team's own plan
    // declares no provenance, and a plan is never inferred from a lesson. A reply made from
    // the plan would not join the trace, and the relatives would still hear nothing.
    const model = notedAndReferred('learning', [['learning', 'lesson', 'committee'], ['plan', 'plan', 'team']])
    const [defect] = defectsOf(model, 'open-loop')
    const reply = defect!.repair!.flatMap((channel) => channel.creates ?? [])
    expect(reply.map((asset) => asset.derivedFrom)).toEqual([['learning']])
    expect(defectsOf(applyRepairs(model, defect!.repair!), 'open-loop')).toEqual([])
  })
  it('passes a story that stopped on to whoever the model says acts on it, who answers with what changed', () => {
    // Stories pile up with the experience team; the model says the quality lead makes an
    // improvement of them, but nothing takes them there. Not "we heard you" from the team:
    // the story goes on, as stories-stop says, and the reply is made from the improvement.
    const model = buildModel({
      actors: [['patients', 'patient'], ['team', 'staff'], ['lead', 'manager']],
      assets: [['story', 'experience', 'patients'], ['improvement', 'change', 'lead', undefined, { derivedFrom: ['story'] }]],
      channels: [['tell', 'patients', 'team', ['story']], ['brief', 'lead', 'team', []]],
    })
    const { defects } = diagnose(model)
    const open = defects.find((defect) => defect.rule === 'open-loop')!
    const passOn = expect.objectContaining({ from: 'team', to: 'lead', carries: ['story'] })
    expect(open.repair?.[0]).toEqual(passOn)
    expect(open.repair!.flatMap((channel) => channel.creates ?? []).map((asset) => asset.derivedFrom)).toEqual([['improvement']])
    expect(defects.find((defect) => defect.rule === 'stories-stop')?.repair).toEqual([passOn])
    const repaired = applyRepairs(model, open.repair!)
    expect(defectsOf(repaired, 'open-loop')).toEqual([])
    expect(defectsOf(repaired, 'acted-not-reported')).toEqual([])
  })
  it('has whoever already sends people their papers answer from what they hold, not route a later plan of the same stage through them', () => {
    // Healthwatch's intelligence shapes the partnership's strategy, which the partnership board
    // sends Healthwatch; the ICB's forward plan, made from the strategy, never goes to it.
    const model = buildModel({
      actors: [['healthwatch', 'intermediary'], ['icp', 'board'], ['icb', 'board']],
      assets: [
        ['intelligence', 'experience', 'healthwatch'],
        ['strategy', 'strategy', 'icp', undefined, { derivedFrom: ['intelligence'] }],
        ['forward-plan', 'plan', 'icb', undefined, { derivedFrom: ['strategy'] }],
      ],
      channels: [['reports', 'healthwatch', 'icp', ['intelligence']], ['to-icb', 'icp', 'icb', ['strategy']], ['papers', 'icp', 'healthwatch', []]],
    })
    const [defect] = defectsOf(model, 'open-loop')
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'icp', to: 'healthwatch', extends: 'papers', creates: [expect.objectContaining({ derivedFrom: ['strategy'] })] })])
  })
  it('places nothing at a level no actor takes part in (a mislabelled channel)', () => {
    const model = buildModel({
      actors: [['p', 'patient'], ['w', 'clinician']],
      assets: [['story', 'experience', 'p'], ['fix', 'change', 'w', undefined, { derivedFrom: ['story'] }]],
      channels: [['tell', 'p', 'w', ['story'], { level: 'strategy' }]],
    })
    const diagnosis = diagnose(model)
    expect(diagnosis.defects.find((defect) => defect.rule === 'acted-not-reported')?.level).toBe('delivery')
    expect(diagnosis.scorecard.levels.map(({ level, figures }) => [level, figures.sources])).toEqual([['delivery', 1]])
  })
  it('never makes a lay group answer in place of an acknowledgement: only a referral to someone who could act counts', () => {
    // PALS's letter back is inactive; a planned digest to a patients' newsletter group also lists the story.
    const model = buildModel({
      actors: [['p', 'patient'], ['pals', 'staff'], ['news', 'community-group']],
      assets: [['story', 'experience', 'p', undefined, { derivedFrom: [] }], ['ack', 'response', 'pals', undefined, { derivedFrom: ['story'] }]],
      channels: [['tell', 'p', 'pals', ['story']], ['letter', 'pals', 'p', ['ack'], { status: 'inactive' }], ['digest', 'pals', 'news', ['story'], { status: 'planned' }]],
    })
    const [defect] = defectsOf(model, 'open-loop')
    expect(defect!.message).not.toContain('digest')
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'pals', to: 'p', carries: ['ack'] })])
  })
  it('is silent when a reply made from the story comes back', () => {
    const model = buildModel({
      actors: patientAndManager,
      assets: [['story', 'experience', 'p'], ['reply', 'response', 'm', undefined, { derivedFrom: ['story'] }]],
      channels: [['tell', 'p', 'm', ['story']], ['answer', 'm', 'p', ['reply']]],
    })
    expect(defectsOf(model, 'open-loop')).toEqual([])
  })
  it('is not fooled by a channel back that carries no reply (care delivered is not an answer)', () => {
    const model = buildModel({
      actors: patientAndManager,
      assets: [['story', 'experience', 'p'], ['care', 'decision', 'm', undefined, { derivedFrom: [] }]],
      channels: [['tell', 'p', 'm', ['story']], ['care-delivery', 'm', 'p', ['care']], ['chat', 'm', 'p', []]],
    })
    expect(defectsOf(model, 'open-loop')).toHaveLength(1)
  })
  it('reports professional evidence one severity lower than lay stories', () => {
    const model = buildModel({ actors: [['c', 'clinician'], ['m', 'manager']], assets: [['audit', 'evidence', 'c']], channels: [['send', 'c', 'm', ['audit']]] })
    expect(defectsOf(model, 'open-loop')).toEqual([expect.objectContaining({ severity: 'info', assets: ['audit'] })])
  })
  it('brings back the lapsed channel where the story stopped, and its receiver answers, not whoever it stopped with', () => {
    // A pharmacy's suggestion box: the counter staff take the cards, and nobody empties the box
    // for the manager any more. The manager, who answers complaints, should answer them too.
    const model = buildModel({
      actors: [['patients', 'patient'], ['counter', 'staff'], ['manager', 'manager']],
      assets: [['cards', 'experience', 'patients'], ['complaint-letters', 'response', 'manager', undefined, { derivedFrom: [] }]],
      channels: [
        ['counter-talk', 'patients', 'counter', ['cards']],
        ['box-emptied', 'counter', 'manager', ['cards'], { status: 'inactive' }],
        ['complaint-reply', 'manager', 'patients', ['complaint-letters']],
      ],
    })
    const [defect] = defectsOf(model, 'open-loop')
    expect(defect!.repair).toEqual([
      expect.objectContaining({ from: 'counter', to: 'manager', carries: ['cards'], activates: 'box-emptied' }),
      expect.objectContaining({ from: 'manager', to: 'patients', carries: ['cards-reply'], extends: 'complaint-reply' }),
    ])
    expect(defectsOf(applyRepairs(model, defect!.repair!), 'open-loop')).toEqual([])
  })
  it("puts a reply on the running channel that shows the same story, not in complaint letters", () => {
    // A GP practice sends its monthly Friends and Family Test figures to NHS England and shows
    // them on its website; nobody tells patients what the practice made of the answers.
    const model = buildModel({
      actors: [['patients', 'patient'], ['practice', 'manager'], ['nhse', 'regulator']],
      assets: [
        ['fft', 'data', 'patients'],
        ['fft-return', 'data', 'practice', undefined, { derivedFrom: ['fft'] }],
        ['complaint-response', 'response', 'practice', undefined, { derivedFrom: [] }],
      ],
      channels: [
        ['fft-text', 'patients', 'practice', ['fft']],
        ['fft-to-nhse', 'practice', 'nhse', ['fft-return']],
        ['complaint-letter', 'practice', 'patients', ['complaint-response']],
        ['fft-on-website', 'practice', 'patients', ['fft-return']],
      ],
    })
    const [defect] = defectsOf(model, 'open-loop')
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'practice', to: 'patients', extends: 'fft-on-website' })])
  })
  it('says staff get what was done about their own reports as a change to their work, and patients as care', () => {
    // A pharmacy's near-miss log: the pharmacist separates look-alike packs on the shelves, and
    // the dispensers meet the new layout at work; nobody tells them it came from their reports.
    const loopOf = (reporter: 'staff' | 'patient') =>
      buildModel({
        actors: [['r', reporter], ['m', 'manager']],
        assets: [
          ['log', reporter === 'staff' ? 'data' : 'experience', 'r'],
          ['layout', 'change', 'm', undefined, { derivedFrom: ['log'] }],
        ],
        channels: [['report', 'r', 'm', ['log']], ['shelves', 'm', 'r', ['layout']]],
      })
    const [staff] = defectsOf(loopOf('staff'), 'open-loop')
    expect(staff!.message).toContain("leads to 'layout', which 'r' receive as a change to their work, not as a reply telling them it came from what they said")
    // Patients' stories that changed something and never come back: one finding, the error.
    expect(defectsOf(loopOf('patient'), 'open-loop')).toEqual([])
    const [patients] = defectsOf(loopOf('patient'), 'acted-not-reported')
    expect(patients!.message).toContain("leads to 'layout', which 'r' receive as care, not as a reply")
    expect(patients!.message).toContain("nothing comes back to 'r', who never hear \"you said, we did\".")
  })
  it('says a team gets a contract made from its returns as a plan it works to, not a change to its work', () => {
    // VCSE partners send quarterly returns; the ICB's alliance contract is made from them.
    const model = buildModel({
      actors: [['vcse', 'provider'], ['icb', 'commissioner']],
      assets: [
        ['returns', 'data', 'vcse'],
        ['contract', 'plan', 'icb', undefined, { derivedFrom: ['returns'] }],
      ],
      channels: [['send', 'vcse', 'icb', ['returns']], ['issue', 'icb', 'vcse', ['contract']]],
    })
    const [finding] = defectsOf(model, 'open-loop')
    expect(finding!.message).toContain("leads to 'contract', which 'vcse' receive as a plan they work to, not as a reply telling them it came from what they said")
  })
  it('gives way to acted-not-reported about the same source, unless that rule is off or says less', () => {
    // An ICB committee decides an access plan from the GP patient survey and practices change
    // their appointment lines; nobody tells patients. One gap, reported once, as the error.
    const model = buildModel({
      actors: [['patients', 'patient'], ['pccc', 'commissioner'], ['practices', 'provider']],
      assets: [
        ['survey', 'data', 'patients'],
        ['access-plan', 'plan', 'pccc', undefined, { derivedFrom: ['survey'] }],
        ['access-changes', 'change', 'practices', undefined, { derivedFrom: ['access-plan'] }],
      ],
      channels: [['answers', 'patients', 'pccc', ['survey']], ['commissions', 'pccc', 'practices', ['access-plan']]],
    })
    const rules = (config?: Parameters<typeof diagnose>[1]) => diagnose(model, config).defects.map((defect) => `${defect.rule}:${defect.severity}`)
    expect(rules()).toContain('acted-not-reported:error')
    expect(rules()).not.toContain('open-loop:warning')
    expect(defectsOf(model, 'acted-not-reported')[0]!.message).toContain("reaches 'practices', which makes 'access-changes' of it, and stops there")
    expect(rules({ rules: { 'acted-not-reported': 'off' } })).toContain('open-loop:warning')
    // Only as severe (a warning by config): both say something of their own.
    expect(rules({ rules: { 'acted-not-reported': 'warning' } })).toEqual(expect.arrayContaining(['acted-not-reported:warning', 'open-loop:warning']))
    // Applying the repairs still closes the loop with a reply made from the change.
    const repaired = applyRepairs(model, diagnose(model).defects.flatMap((defect) => defect.repair ?? []))
    expect(diagnose(repaired).defects.map((defect) => defect.rule)).not.toEqual(expect.arrayContaining(['open-loop']))
    expect(defectsOf(repaired, 'acted-not-reported')).toEqual([])
  })
})
