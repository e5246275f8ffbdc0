import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { formatDiagnosis } from '../../../src/diagnose/format.js'
import { findingsOf, repairedBy, voiceModel } from './voice-build.js'

const ward = (extra: ReadonlyArray<readonly [string, string, string]> = []) =>
  voiceModel({
    actors: [['p', 'patient'], ['m', 'manager'], ['c', 'clinician']],
    assets: [['story', 'experience', 'p'], ['action', 'decision', 'm'], ['fix', 'change', 'c'], ...extra],
    channels: [['tell', 'p', 'm', ['story']], ['agree', 'm', 'c', ['action']], ['treat', 'c', 'p', ['fix']]],
  })

describe('no-memory', () => {
  it('reports, as info, a level where knowledge is acted on but no lesson is made from any loop there', () => {
    const findings = findingsOf(ward(), 'no-memory')
    expect(findings).toEqual([expect.objectContaining({ severity: 'info', level: 'delivery', actors: ['c', 'p'], assets: ['fix', 'story'] })])
    expect(findings[0]!.message).toContain("What is heard at delivery level ('story') is acted on ('fix')")
  })

  it("reports a change once, though loops of two levels lead to it, and says a team's own figures are learned, not heard", () => {
    // A GP practice changes its telephony from patients' front-desk feedback (delivery) and
    // from its own appointment data, which it reviews with the partners (planning).
    const practice = (withFeedback: boolean) =>
      voiceModel({
        actors: [['patients', 'patient'], ['manager', 'manager', ['delivery', 'planning']], ['partners', 'provider', ['planning']]],
        assets: [
          ['feedback', 'experience', 'patients', []],
          ['appointments', 'data', 'manager', []],
          ['decision', 'decision', 'partners', withFeedback ? ['feedback', 'appointments'] : ['appointments']],
          ['telephony', 'change', 'manager', ['decision']],
        ],
        channels: [
          ...(withFeedback ? [['front-desk', 'patients', 'manager', ['feedback']] as const] : []),
          ['to-partners', 'manager', 'partners', withFeedback ? ['feedback', 'appointments'] : ['appointments'], { level: 'planning' }],
          ['decided', 'partners', 'manager', ['decision'], { level: 'planning' }],
        ],
      })
    const findings = findingsOf(practice(true), 'no-memory')
    expect(findings.map((finding) => finding.level)).toEqual(['delivery'])
    expect(findingsOf(practice(false), 'no-memory')[0]!.message).toContain("What is learned at planning level ('appointments') is acted on ('telephony')")
  })

  it('reports a source once, at the level where it starts, however many levels its holder sits at', () => {
    // A hospice's patient and carer council sits at all three levels; what it says changes
    // visiting on the wards (delivery). Nothing travels at planning or strategy: one note.
    const model = voiceModel({
      actors: [['council', 'forum', ['delivery', 'planning', 'strategy']], ['director', 'manager']],
      assets: [['council-experience', 'experience', 'council', []], ['visiting-change', 'change', 'director', ['council-experience']], ['reply', 'response', 'director', ['visiting-change']]],
      channels: [['meeting', 'council', 'director', ['council-experience']], ['written-reply', 'director', 'council', ['reply']]],
    })
    expect(findingsOf(model, 'no-memory').map((finding) => finding.level)).toEqual(['delivery'])
  })

  it('is silent when a lesson is made from a loop of the level', () => {
    expect(findingsOf(ward([['log', 'lesson', 'm']]), 'no-memory')).toEqual([])
  })

  it('has the keeper of a bulletin made from other things write a lesson of the change, not the team that made it', () => {
    // A patient safety team keeps a learning bulletin declared to be made from its reviews;
    // the ward's change after a family's concerns is never written down.
    const model = voiceModel({
      actors: [['family', 'carer'], ['ward', 'clinician'], ['safety', 'manager'], ['rota', 'staff']],
      assets: [
        ['concerns', 'experience', 'family', []],
        ['change', 'change', 'ward', ['concerns']],
        ['reviews', 'insight', 'safety', []],
        ['bulletin', 'lesson', 'safety', ['reviews']],
      ],
      channels: [['raise', 'family', 'ward', ['concerns']], ['report', 'ward', 'safety', []], ['rota-sheet', 'ward', 'rota', []]],
    })
    const [finding] = findingsOf(model, 'no-memory')
    expect(finding!.repair).toEqual([
      expect.objectContaining({ from: 'ward', to: 'safety', carries: ['change'], creates: [expect.objectContaining({ kind: 'lesson', holder: 'safety', derivedFrom: ['change'] })] }),
    ])
    expect(findingsOf(repairedBy(model, 'no-memory'), 'no-memory')).toEqual([])
    // The change it carries is not new; the lesson, written where it is kept, is not carried.
    expect(formatDiagnosis(diagnose(model), 'text')).toContain("ward -> safety carrying change at delivery level: let 'safety', who keeps 'bulletin', write down")
  })

  it('does not count a lesson that is not made from what was heard', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager'], ['c', 'clinician']],
      assets: [['story', 'experience', 'p', []], ['action', 'decision', 'm', ['story']], ['fix', 'change', 'c', ['action']], ['log', 'lesson', 'm', []]],
      channels: [['tell', 'p', 'm', ['story']], ['agree', 'm', 'c', ['action']]],
    })
    expect(findingsOf(model, 'no-memory')).toHaveLength(1)
  })

  it('has the team that acted write a lesson and share it, which clears it', () => {
    const model = ward()
    expect(findingsOf(model, 'no-memory')[0]!.repair).toEqual([
      expect.objectContaining({ from: 'c', carries: ['fix-lesson'], creates: [expect.objectContaining({ kind: 'lesson', holder: 'c', derivedFrom: ['fix'] })] }),
    ])
    expect(findingsOf(repairedBy(model, 'no-memory'), 'no-memory')).toEqual([])
  })

  it('shares the lesson with a professional colleague, one at a level above first, never a lay or mixed group', () => {
    // Carers' concerns can be about one named patient: the ward's lesson does not go to the patients' community meeting.
    const ward = (withMeeting: boolean) =>
      voiceModel({
        actors: [
          ['carers', 'carer'],
          ['manager', 'manager', ['delivery', 'planning']],
          ['community-meeting', 'forum'],
          ['carers-lead', 'staff'],
          ...(withMeeting ? [['quality-meeting', 'board', ['planning']] as const] : []),
        ],
        assets: [['concerns', 'experience', 'carers', []], ['changes', 'change', 'manager', ['concerns']], ['reply', 'response', 'manager', ['changes']]],
        channels: [
          ['tell', 'carers', 'manager', ['concerns']],
          ['update', 'manager', 'community-meeting', ['reply']],
          ['answer', 'manager', 'carers', ['reply']],
          ['handover', 'manager', 'carers-lead', []],
          ...(withMeeting ? [['report', 'manager', 'quality-meeting', [], { level: 'planning' }] as const] : []),
        ],
      })
    expect(findingsOf(ward(false), 'no-memory')[0]!.repair).toEqual([expect.objectContaining({ from: 'manager', to: 'carers-lead', carries: ['changes-lesson'] })])
    expect(findingsOf(ward(true), 'no-memory')[0]!.repair).toEqual([expect.objectContaining({ from: 'manager', to: 'quality-meeting', carries: ['changes-lesson'] })])
  })
})
