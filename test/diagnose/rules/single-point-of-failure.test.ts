import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { builtinRules } from '../../../src/diagnose/rules/index.js'
import { findingsOf, voiceModel } from './voice-build.js'

const onlyThisRule = (model: ReturnType<typeof voiceModel>, options: Record<string, number> = {}) =>
  diagnose(model, { rules: Object.fromEntries(builtinRules.map((rule) => [rule.id, rule.id === 'single-point-of-failure' ? ['info', options] : 'off'])) })

describe('single-point-of-failure', () => {
  // Patients tell the manager; the manager answers them with a reply made from what they said.
  const answered = {
    actors: [['p', 'patient'], ['m', 'manager']] as const,
    assets: [['story', 'experience', 'p', []], ['reply', 'response', 'm', ['story']]] as const,
    channels: [['tell', 'p', 'm', ['story']], ['answer', 'm', 'p', ['reply']]] as const,
  }

  it('reports the actor and channels the only closing route of a working loop passes through (info)', () => {
    const findings = findingsOf(voiceModel(answered), 'single-point-of-failure')
    expect(findings).toEqual([expect.objectContaining({ severity: 'info', level: 'delivery', actors: ['m', 'p'], channels: ['answer', 'tell'], assets: ['story'] })])
    expect(findings[0]!.message).toBe(
      "The loop of 'story' from 'p' closes only through 'm', channel 'answer' and channel 'tell': if any one of them stops, 'p' no longer hear back.",
    )
  })

  it('is silent when a second route closes the loop as well', () => {
    const model = voiceModel({
      actors: [...answered.actors, ['n', 'clinician']],
      assets: [...answered.assets, ['nurse-reply', 'response', 'n', ['story']]],
      channels: [...answered.channels, ['tell-nurse', 'p', 'n', ['story']], ['nurse-answers', 'n', 'p', ['nurse-reply']]],
    })
    expect(findingsOf(model, 'single-point-of-failure')).toEqual([])
  })

  it('says nothing of an open loop, though care goes round an actor cycle', () => {
    // Patients' comments reach the nurses, who care for them: no reply, so no loop to lose.
    const model = voiceModel({
      actors: [['p', 'patient'], ['n', 'clinician']],
      assets: [['comments', 'experience', 'p', []], ['care', 'change', 'n', ['comments']]],
      channels: [['comment', 'p', 'n', ['comments']], ['care-for', 'n', 'p', ['care']]],
    })
    expect(findingsOf(model, 'single-point-of-failure')).toEqual([])
  })

  it('reports what the loop would lose when another route answers it less well', () => {
    // The manager tells patients what changed; the nurse only answers. Without the
    // manager's route they would still hear back, but not what changed.
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager'], ['n', 'clinician']],
      assets: [
        ['story', 'experience', 'p', []],
        ['new-rota', 'change', 'm', ['story']],
        ['ysyd', 'response', 'm', ['new-rota']],
        ['nurse-reply', 'response', 'n', ['story']],
      ],
      channels: [['tell', 'p', 'm', ['story']], ['answer', 'm', 'p', ['ysyd']], ['tell-nurse', 'p', 'n', ['story']], ['nurse-answers', 'n', 'p', ['nurse-reply']]],
    })
    const findings = findingsOf(model, 'single-point-of-failure')
    expect(findings.map((finding) => [finding.actors, finding.channels])).toEqual([[['m', 'p'], ['answer', 'tell']]])
    expect(findings[0]!.message).toContain("'p' no longer hear what changed")
  })

  it('keeps points enough lay actors depend on, and groups loops that hang on the same points', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['q', 'carer'], ['m', 'manager'], ['a', 'clinician']],
      assets: [
        ['story', 'experience', 'p', []],
        ['concern', 'experience', 'q', []],
        ['reply', 'response', 'm', ['story']],
        ['carer-reply', 'response', 'm', ['concern']],
      ],
      channels: [
        ['tell', 'p', 'm', ['story']],
        ['answer', 'm', 'p', ['reply']],
        ['carer-tells', 'q', 'a', ['concern']],
        ['passes-on', 'a', 'm', ['concern']],
        ['carer-answer', 'm', 'q', ['carer-reply']],
      ],
    })
    const all = onlyThisRule(model).defects
    expect(all.map((defect) => [defect.assets, defect.actors])).toEqual([
      [['concern'], ['a', 'm', 'q']],
      [['story'], ['m', 'p']],
    ])
    // Only the manager is vital to both: the two loops hang on the manager alone and share a finding.
    const shared = onlyThisRule(model, { minAffectedLayActors: 2 }).defects
    expect(shared.map((defect) => [defect.assets, defect.actors, defect.channels])).toEqual([[['concern', 'story'], ['m', 'p', 'q'], []]])
    expect(shared[0]!.message).toMatch(/^The loops of 'concern' from 'q' and 'story' from 'p' close only through 'm': if it stops, /)
  })

  it('stops at maxSearchSteps, keeps the loops searched before, and marks the diagnosis truncated', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['q', 'carer'], ['m', 'manager'], ['a', 'clinician'], ['b', 'manager']],
      assets: [...answered.assets, ['concern', 'experience', 'q', []], ['carer-reply', 'response', 'b', ['concern']]],
      channels: [...answered.channels, ['q-a', 'q', 'a', ['concern']], ['a-b', 'a', 'b', ['concern']], ['b-q', 'b', 'q', ['carer-reply']]],
    })
    const full = onlyThisRule(model)
    expect(full.truncated).toBe(false)
    expect(full.defects.map((defect) => defect.assets)).toEqual([['concern'], ['story']])
    const runs = Array.from({ length: 80 }, (_, budget) => onlyThisRule(model, { maxSearchSteps: budget + 1 }))
    const enough = runs.findIndex((run) => !run.truncated)
    expect(enough).toBeGreaterThan(0)
    expect(runs[enough]!.defects).toEqual(full.defects)
    // Below that, the diagnosis says it truncated, and some budget reports only the first source (in id order).
    for (const run of runs.slice(0, enough)) expect(run.truncated).toBe(true)
    expect(runs.some((run) => run.truncated && run.defects.length === 1 && run.defects[0]!.assets[0] === 'concern')).toBe(true)
  })
})
