import { describe, expect, it } from 'vitest'
import { applyRepairs } from '../../src/graph/apply-repairs.js'
import { buildModel, defectsOf } from './build.js'

// Each rule: a minimal model where it fires, and the nearest model where it must not.

const patientAndManager = [
  ['p', 'patient'],
  ['m', 'manager'],
] as const

describe('open-loop', () => {
  it('reports a story that goes out and never comes back, names where it stops, and repairs it with a reply', () => {
    const model = buildModel({ actors: patientAndManager, assets: [['story', 'experience', 'p']], channels: [['tell', 'p', 'm', ['story']]] })
    const [defect, ...rest] = defectsOf(model, 'open-loop')
    expect(rest).toHaveLength(0)
    expect(defect).toMatchObject({ severity: 'warning', level: 'delivery', actors: ['m', 'p'], channels: ['tell'], assets: ['story'] })
    expect(defect!.message).toContain("'m'")
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'm', to: 'p', level: 'delivery', carries: ['story-reply'] })])
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
    const [patients] = defectsOf(loopOf('patient'), 'open-loop')
    expect(patients!.message).toContain("leads to 'layout', which 'r' receive as care, not as a reply")
  })
})
