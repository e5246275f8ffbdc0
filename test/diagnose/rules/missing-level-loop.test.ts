import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { findingsOf, repairedBy, voiceModel } from './voice-build.js'

describe('missing-level-loop', () => {
  it('reports a level where lay and professional voices both take part but no traced loop joins them', () => {
    const model = voiceModel({ actors: [['p', 'patient'], ['m', 'manager']], assets: [['story', 'experience', 'p']], channels: [['tell', 'p', 'm', ['story']]] })
    const findings = findingsOf(model, 'missing-level-loop')
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', level: 'delivery' })])
    expect(findings[0]!.message).toContain("Lay voices ('p') and professional ones ('m') both take part at delivery level")
  })

  it('is silent when a loop closes having reached both', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager']],
      assets: [['story', 'experience', 'p'], ['reply', 'response', 'm']],
      channels: [['tell', 'p', 'm', ['story']], ['answer', 'm', 'p', ['reply']]],
    })
    expect(findingsOf(model, 'missing-level-loop')).toEqual([])
  })

  it('does not count a cycle that carries nothing back: care delivered is not a reply', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager']],
      assets: [['story', 'experience', 'p', []], ['care', 'decision', 'm', []]],
      channels: [['tell', 'p', 'm', ['story']], ['treat', 'm', 'p', ['care']]],
    })
    expect(findingsOf(model, 'missing-level-loop')).toHaveLength(1)
  })

  it('closes the most promising open loop with a reply, which clears it', () => {
    const model = voiceModel({ actors: [['p', 'patient'], ['m', 'manager']], assets: [['story', 'experience', 'p']], channels: [['tell', 'p', 'm', ['story']]] })
    expect(findingsOf(model, 'missing-level-loop')[0]!.repair).toEqual([expect.objectContaining({ from: 'm', to: 'p', carries: ['story-reply'] })])
    expect(findingsOf(repairedBy(model, 'missing-level-loop'), 'missing-level-loop')).toEqual([])
  })

  it('joins a lay holder and a professional with a pair of channels when no loop reaches across', () => {
    const model = voiceModel({
      actors: [['p', 'patient', ['planning']], ['peer', 'peer-supporter', ['planning']], ['k', 'commissioner', ['planning']]],
      assets: [['story', 'experience', 'p'], ['aid', 'response', 'peer']],
      channels: [['share', 'p', 'peer', ['story'], { level: 'planning' }], ['support', 'peer', 'p', ['aid'], { level: 'planning' }]],
    })
    const [finding] = findingsOf(model, 'missing-level-loop')
    expect(finding!.repair).toEqual([
      expect.objectContaining({ from: 'p', to: 'k', level: 'planning', carries: ['story'] }),
      expect.objectContaining({ from: 'k', to: 'p', level: 'planning', carries: ['story-reply'] }),
    ])
    expect(findingsOf(repairedBy(model, 'missing-level-loop'), 'missing-level-loop')).toEqual([])
  })

  it('brings what was made of people’s words to the professionals, not the anonymous responses themselves', () => {
    // A CMHT's peer survey under PCREF: the peer researchers' findings go to the team (the lapsed channel), never the raw responses.
    const model = voiceModel({
      actors: [['service-users', 'patient'], ['peer-researchers', 'peer-supporter'], ['team', 'clinician']],
      assets: [['responses', 'experience', 'service-users', []], ['findings', 'insight', 'peer-researchers', ['responses']]],
      channels: [['survey', 'service-users', 'peer-researchers', ['responses']], ['findings-to-team', 'peer-researchers', 'team', ['findings'], { status: 'inactive' }]],
    })
    const [finding] = findingsOf(model, 'missing-level-loop')
    expect(finding!.repair).toEqual([
      expect.objectContaining({ from: 'peer-researchers', to: 'team', carries: ['findings'], activates: 'findings-to-team' }),
      expect.objectContaining({ from: 'team', to: 'service-users', carries: ['findings-reply'], creates: [expect.objectContaining({ derivedFrom: ['findings'] })] }),
    ])
    expect(finding!.assets).toEqual(['findings', 'responses'])
    expect(diagnose(model).defects.flatMap((defect) => defect.repair ?? []).some((channel) => channel.to === 'team' && channel.carries.some((id) => id === 'responses'))).toBe(false)
    expect(findingsOf(repairedBy(model, 'missing-level-loop'), 'missing-level-loop')).toEqual([])
  })

  it('names a mixed forum once, as a mixed group, and does not fire for a forum alone at a level', () => {
    const model = voiceModel({ actors: [['patients', 'patient'], ['ppg', 'forum'], ['director', 'manager']], assets: [['answers', 'experience', 'patients']], channels: [['survey', 'patients', 'ppg', ['answers']]] })
    expect(findingsOf(model, 'missing-level-loop')[0]!.message).toContain(
      "Lay voices ('patients'), professional ones ('director') and mixed groups ('ppg') all take part at delivery level, but no loop there joins them",
    )
    const alone = voiceModel({ actors: [['council', 'forum', ['strategy']], ['patients', 'patient']], assets: [['views', 'experience', 'council']], channels: [] })
    expect(findingsOf(alone, 'missing-level-loop').filter((finding) => finding.level === 'strategy')).toEqual([])
  })
})
