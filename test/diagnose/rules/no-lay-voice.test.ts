import { describe, expect, it } from 'vitest'
import { findingsOf, repairedBy, voiceModel } from './voice-build.js'

const commissioning = (storiesToManager: boolean) =>
  voiceModel({
    actors: [['p', 'patient'], ['m', 'manager', ['delivery', 'planning']], ['k', 'commissioner', ['planning']]],
    assets: [['story', 'experience', 'p'], ['summary', 'insight', 'm'], ['spec', 'plan', 'k']],
    channels: [
      ['tell', 'p', 'm', storiesToManager ? ['story'] : []],
      ['return', 'm', 'k', ['summary'], { level: 'planning' }],
      ['instruct', 'k', 'm', ['spec'], { level: 'planning' }],
    ],
  })

describe('no-lay-voice', () => {
  it('reports a plan holder whom nothing a lay actor knows reaches, even on a closed professional loop', () => {
    const findings = findingsOf(commissioning(false), 'no-lay-voice')
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', level: 'planning', actors: ['k'], assets: ['spec'] })])
    expect(findings[0]!.message).toContain("'k' holds a plan ('spec'), but nothing that patients, carers or residents know reaches it")
  })

  it('is silent once the lay knowledge reaches the holder, however it travels', () => {
    // The story reaches the manager; the manager's summary is inferred to be made from it, and reaches k.
    expect(findingsOf(commissioning(true), 'no-lay-voice')).toEqual([])
  })

  it('proposes bringing lay knowledge from the neighbour that has it, and the repair clears it', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager'], ['k', 'commissioner', ['delivery', 'planning']]],
      assets: [['story', 'experience', 'p', []], ['spec', 'plan', 'k']],
      channels: [['tell', 'p', 'm', ['story']], ['instruct', 'k', 'm', ['spec']]],
    })
    const [finding] = findingsOf(model, 'no-lay-voice')
    expect(finding!.repair).toEqual([expect.objectContaining({ from: 'm', to: 'k', carries: ['story'] })])
    expect(findingsOf(repairedBy(model, 'no-lay-voice'), 'no-lay-voice')).toEqual([])
  })

  it('leaves a holder that professional data reaches, but no lay experience, to experience-excluded: one finding, not two', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager', ['delivery', 'planning']], ['k', 'commissioner', ['planning']]],
      assets: [['story', 'experience', 'p'], ['activity', 'data', 'm', []], ['spec', 'plan', 'k', []]],
      channels: [
        ['tell', 'p', 'm', ['story']],
        ['report', 'm', 'k', ['activity'], { level: 'planning' }],
      ],
    })
    expect(findingsOf(model, 'no-lay-voice')).toEqual([])
    expect(findingsOf(model, 'experience-excluded').map((finding) => finding.actors[0])).toEqual(['k'])
  })

  it('does not report professionals without decisions, nor lay and mixed holders', () => {
    const model = voiceModel({
      actors: [['a', 'clinician'], ['b', 'clinician'], ['council', 'forum']],
      assets: [['note', 'evidence', 'a', []], ['advice', 'decision', 'council']],
      channels: [['x', 'a', 'b', ['note']]],
    })
    expect(findingsOf(model, 'no-lay-voice')).toEqual([])
  })
})
