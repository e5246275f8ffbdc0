import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { builtinRules } from '../../../src/diagnose/rules/index.js'
import { findingsOf, voiceModel } from './voice-build.js'

describe('single-point-of-failure', () => {
  const viaManager = [['tell', 'p', 'm', []], ['answer', 'm', 'p', []]] as const
  it('reports, once per lay actor, the actor and channels every loop depends on (info)', () => {
    const findings = findingsOf(voiceModel({ actors: [['p', 'patient'], ['m', 'manager']], channels: viaManager }), 'single-point-of-failure')
    expect(findings).toEqual([expect.objectContaining({ severity: 'info', level: 'delivery', actors: ['m', 'p'], channels: ['answer', 'tell'] })])
    expect(findings[0]!.message).toContain("Every loop that 'p' depends on at delivery level")
  })

  it('is silent when a second route exists', () => {
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager'], ['n', 'clinician']],
      channels: [...viaManager, ['tell-nurse', 'p', 'n', []], ['nurse-answers', 'n', 'p', []]],
    })
    expect(findingsOf(model, 'single-point-of-failure')).toEqual([])
  })

  it('reports a lay actor once across levels, and lay actors that hang on the same points together', () => {
    const model = voiceModel({
      actors: [['p', 'patient', ['delivery', 'planning']], ['q', 'carer', ['delivery', 'planning']], ['m', 'manager', ['delivery', 'planning']]],
      channels: [
        ['p-m', 'p', 'm', []],
        ['m-p', 'm', 'p', []],
        ['q-m', 'q', 'm', [], { level: 'planning' }],
        ['m-q', 'm', 'q', [], { level: 'planning' }],
        ['p-m-planning', 'p', 'm', [], { level: 'planning' }],
        ['m-p-planning', 'm', 'p', [], { level: 'planning' }],
      ],
    })
    const findings = findingsOf(model, 'single-point-of-failure')
    const reported = findings.flatMap((finding) => finding.actors.filter((id) => id !== 'm'))
    expect(reported.sort()).toEqual(['p', 'q'])
  })

  it('skips a loop past maxSearchSteps, reports the rest, and marks the diagnosis truncated', () => {
    // p ↔ m costs 1 lay actor × (2 actors + 2 channels) = 4 steps; q → a → b → q costs 6.
    const model = voiceModel({
      actors: [['p', 'patient'], ['m', 'manager'], ['q', 'carer'], ['a', 'clinician'], ['b', 'manager']],
      channels: [...viaManager, ['q-a', 'q', 'a', []], ['a-b', 'a', 'b', []], ['b-q', 'b', 'q', []]],
    })
    const onlyThisRule = (maxSearchSteps: number) =>
      diagnose(model, { rules: Object.fromEntries(builtinRules.map((rule) => [rule.id, rule.id === 'single-point-of-failure' ? ['info', { maxSearchSteps }] : 'off'])) })
    const affected = (diagnosis: ReturnType<typeof diagnose>) => diagnosis.defects.map((defect) => defect.actors)
    expect(onlyThisRule(10)).toMatchObject({ truncated: false })
    expect(affected(onlyThisRule(10))).toEqual([['a', 'b', 'q'], ['m', 'p']])
    expect(onlyThisRule(5)).toMatchObject({ truncated: true })
    expect(affected(onlyThisRule(5))).toEqual([['m', 'p']])
  })
})
