import { describe, expect, it } from 'vitest'
import { findingsOf, repairedBy, voiceModel } from './voice-build.js'

describe('tokenistic-participation', () => {
  const consultation = (extra: ReadonlyArray<readonly [string, string, string, ReadonlyArray<string>]>, assets: ReadonlyArray<readonly [string, string, string, ReadonlyArray<string>?]> = []) =>
    voiceModel({
      actors: [['citizens', 'citizen'], ['k', 'commissioner']],
      assets: [['views', 'experience', 'citizens', []], ['summary', 'insight', 'k', ['views']], ...assets],
      channels: [['consult', 'citizens', 'k', ['views']], ...extra],
    })

  it('reports a lay actor whose knowledge travels out but is never decided on, acted on or answered, once', () => {
    const findings = findingsOf(consultation([]), 'tokenistic-participation')
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', actors: ['citizens', 'k'], channels: ['consult'], assets: ['summary', 'views'] })])
    expect(findings[0]!.message).toContain("'views' from 'citizens' goes to 'k', but nothing is decided or changed from it and nothing comes back")
  })

  it('is silent for a forum whose advice is answered in writing', () => {
    const model = voiceModel({
      actors: [['council', 'forum'], ['lead', 'manager']],
      assets: [['advice', 'experience', 'council', []], ['written-answer', 'response', 'lead', ['advice']]],
      channels: [['advise', 'council', 'lead', ['advice']], ['answer', 'lead', 'council', ['written-answer']]],
    })
    expect(findingsOf(model, 'tokenistic-participation')).toEqual([])
  })

  it('is silent when something is decided from what they said, even before anyone tells them', () => {
    expect(findingsOf(consultation([], [['priorities', 'decision', 'k', ['summary']]]), 'tokenistic-participation')).toEqual([])
  })

  it('proposes a reply made from the furthest thing made of their knowledge, which clears it', () => {
    const model = consultation([])
    expect(findingsOf(model, 'tokenistic-participation')[0]!.repair).toEqual([
      expect.objectContaining({ from: 'k', to: 'citizens', carries: ['summary-reply'] }),
    ])
    expect(findingsOf(repairedBy(model, 'tokenistic-participation'), 'tokenistic-participation')).toEqual([])
  })
})
