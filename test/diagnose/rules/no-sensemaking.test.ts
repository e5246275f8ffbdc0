import { describe, expect, it } from 'vitest'
import { findingsOf, repairedBy, voiceModel } from './voice-build.js'

const complaints = (actionFrom?: ReadonlyArray<string>) =>
  voiceModel({
    actors: [['p', 'patient'], ['e', 'intermediary'], ['m', 'manager']],
    assets: [
      ['story', 'experience', 'p', []],
      ['themes', 'insight', 'e', ['story']],
      ['action', 'decision', 'm', ...(actionFrom === undefined ? [] : [actionFrom])] as never,
    ],
    channels: [['tell', 'p', 'e', ['story']], ['pass', 'e', 'm', ['story']]],
  })

describe('no-sensemaking', () => {
  it('reports, once per decision maker, a decision made straight from raw experience', () => {
    const findings = findingsOf(complaints(), 'no-sensemaking')
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', actors: ['e', 'm', 'p'], assets: ['action', 'story'] })])
    expect(findings[0]!.message).toBe("'m' makes 'action' straight from 'story', with no insight between: nobody makes sense of what is heard before it is decided on.")
  })

  it('is silent when some chain from the source to the decision passes an insight', () => {
    expect(findingsOf(complaints(['themes']), 'no-sensemaking')).toEqual([])
  })

  it('asks whoever passed the raw story on to send the insight they made of it, which clears it', () => {
    const model = complaints()
    expect(findingsOf(model, 'no-sensemaking')[0]!.repair).toEqual([expect.objectContaining({ from: 'e', to: 'm', carries: ['themes'] })])
    expect(findingsOf(repairedBy(model, 'no-sensemaking'), 'no-sensemaking')).toEqual([])
  })

  it('creates themes where none exist, and leaves evidence and lay deciders alone', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['n', 'clinician'], ['m', 'manager'], ['c', 'forum']],
      assets: [['story', 'experience', 'p', []], ['trial', 'evidence', 'n', []], ['action', 'decision', 'm'], ['advice', 'decision', 'c']],
      channels: [['tell', 'p', 'n', ['story']], ['pass', 'n', 'm', ['story', 'trial']], ['ask', 'p', 'c', ['story']]],
    })
    const [finding, ...rest] = findingsOf(model, 'no-sensemaking')
    expect(rest).toEqual([])
    expect(finding!.repair![0]!.creates).toEqual([expect.objectContaining({ id: 'story-themes', kind: 'insight', holder: 'n', derivedFrom: ['story'] })])
    expect(findingsOf(repairedBy(model, 'no-sensemaking'), 'no-sensemaking')).toEqual([])
  })
})
