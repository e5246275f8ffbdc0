import { describe, expect, it } from 'vitest'
import { buildModel, defectsOf } from './build.js'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { builtinRules } from '../../src/diagnose/rules/index.js'

// Each rule: a minimal model where it fires, and the nearest model where it must not.

const patientAndManager = [
  ['p', 'patient'],
  ['m', 'manager'],
] as const

describe('open-loop', () => {
  it('reports a channel with no way back, with the level repair', () => {
    const model = buildModel({ actors: patientAndManager, assets: [['story', 'experience', 'p']], channels: [['tell', 'p', 'm', ['story']]] })
    const [defect, ...rest] = defectsOf(model, 'open-loop')
    expect(rest).toHaveLength(0)
    expect(defect).toMatchObject({ severity: 'warning', level: 'delivery', actors: ['m', 'p'], channels: ['tell'] })
    expect(defect!.message).toContain("'tell'")
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'm', to: 'p', level: 'delivery' })])
  })
  it('is silent when a channel returns', () => {
    const model = buildModel({
      actors: patientAndManager,
      assets: [['story', 'experience', 'p'], ['reply', 'response', 'm']],
      channels: [['tell', 'p', 'm', ['story']], ['answer', 'm', 'p', ['reply']]],
    })
    expect(defectsOf(model, 'open-loop')).toEqual([])
  })
  it('looks at each level on its own: a return at another level does not close the loop', () => {
    const model = buildModel({
      actors: [['p', 'patient', ['delivery', 'planning']], ['m', 'manager', ['delivery', 'planning']]],
      channels: [['tell', 'p', 'm', []], ['answer', 'm', 'p', [], { level: 'planning' }]],
    })
    expect(defectsOf(model, 'open-loop').map((defect) => [defect.level, defect.channels[0]])).toEqual([
      ['planning', 'answer'],
      ['delivery', 'tell'],
    ])
  })
})

describe('learning-stuck', () => {
  const base = {
    actors: [...patientAndManager, ['k', 'commissioner', ['planning']]] as const,
    assets: [['story', 'experience', 'p'], ['spec', 'plan', 'k']] as const,
  }
  it('reports delivery experience that never reaches a plan or strategy', () => {
    const model = buildModel({ ...base, channels: [['tell', 'p', 'm', ['story']]] })
    expect(defectsOf(model, 'learning-stuck')).toEqual([expect.objectContaining({ actors: ['p'], level: 'delivery' })])
  })
  it('is silent when the experience travels on to the plan holder', () => {
    const model = buildModel({ ...base, channels: [['tell', 'p', 'm', ['story']], ['brief', 'm', 'k', ['story'], { level: 'planning' }]] })
    expect(defectsOf(model, 'learning-stuck')).toEqual([])
  })
})

describe('single-loop-trap', () => {
  const spec = (managerAsset: string) => ({
    actors: patientAndManager,
    assets: [['story', 'experience', 'p'], ['held', managerAsset, 'm']] as const,
    channels: [['tell', 'p', 'm', ['story']], ['answer', 'm', 'p', ['held']]] as const,
  })
  it('reports a level whose loops never touch a plan or strategy', () => {
    expect(defectsOf(buildModel(spec('response')), 'single-loop-trap')).toEqual([
      expect.objectContaining({ level: 'delivery', actors: ['m', 'p'] }),
    ])
  })
  it('is silent when a loop touches a plan', () => {
    expect(defectsOf(buildModel(spec('plan')), 'single-loop-trap')).toEqual([])
  })
})

describe('no-lay-voice', () => {
  const base = {
    actors: [...patientAndManager, ['k', 'commissioner']] as const,
    assets: [['spec', 'plan', 'k']] as const,
  }
  const professionalLoop = [['ask', 'm', 'k', []], ['instruct', 'k', 'm', ['spec']]] as const
  it('reports a plan holder on no loop with a lay actor', () => {
    expect(defectsOf(buildModel({ ...base, channels: professionalLoop }), 'no-lay-voice')).toEqual([
      expect.objectContaining({ actors: ['k'], level: 'planning' }),
    ])
  })
  it('is silent once a lay actor is on the loop', () => {
    const model = buildModel({ ...base, channels: [...professionalLoop, ['tell', 'p', 'm', []], ['answer', 'm', 'p', []]] })
    expect(defectsOf(model, 'no-lay-voice')).toEqual([])
  })
  it('does not report professional-only loops without a decision', () => {
    const model = buildModel({ actors: [['a', 'clinician'], ['b', 'clinician']], channels: [['x', 'a', 'b', []], ['y', 'b', 'a', []]] })
    expect(defectsOf(model, 'no-lay-voice')).toEqual([])
  })
})

describe('tokenistic-participation', () => {
  const base = { actors: patientAndManager, assets: [['story', 'experience', 'p'], ['action', 'decision', 'm']] as const }
  it('reports a lay actor who only sends, on no loop with a decision maker', () => {
    const model = buildModel({ ...base, channels: [['survey', 'p', 'm', ['story']]] })
    expect(defectsOf(model, 'tokenistic-participation')).toEqual([expect.objectContaining({ actors: ['p'], channels: ['survey'] })])
  })
  it('is silent when the lay actor is on a loop with the decision maker', () => {
    const model = buildModel({ ...base, channels: [['survey', 'p', 'm', ['story']], ['answer', 'm', 'p', []]] })
    expect(defectsOf(model, 'tokenistic-participation')).toEqual([])
  })
})

describe('experience-excluded', () => {
  const base = {
    actors: [...patientAndManager, ['c', 'clinician']] as const,
    assets: [['story', 'experience', 'p'], ['trial', 'evidence', 'c'], ['action', 'decision', 'm']] as const,
  }
  it('reports a decision maker reached by evidence but by no experience', () => {
    const model = buildModel({ ...base, channels: [['cite', 'c', 'm', ['trial']]] })
    expect(defectsOf(model, 'experience-excluded')).toEqual([expect.objectContaining({ actors: ['m'] })])
  })
  it('is silent once experience reaches them too', () => {
    const model = buildModel({ ...base, channels: [['cite', 'c', 'm', ['trial']], ['tell', 'p', 'm', ['story']]] })
    expect(defectsOf(model, 'experience-excluded')).toEqual([])
  })
})

describe('no-sensemaking', () => {
  const base = {
    actors: [...patientAndManager, ['e', 'intermediary']] as const,
    assets: [['story', 'experience', 'p'], ['themes', 'insight', 'e'], ['action', 'decision', 'm']] as const,
  }
  it('reports a decision maker who receives raw experience and no insight', () => {
    const model = buildModel({ ...base, channels: [['tell', 'p', 'm', ['story']], ['share', 'p', 'e', ['story']]] })
    expect(defectsOf(model, 'no-sensemaking')).toEqual([expect.objectContaining({ actors: ['m'] })])
  })
  it('is silent when an insight reaches them as well', () => {
    const model = buildModel({
      ...base,
      channels: [['tell', 'p', 'm', ['story']], ['share', 'p', 'e', ['story']], ['brief', 'e', 'm', ['themes']]],
    })
    expect(defectsOf(model, 'no-sensemaking')).toEqual([])
  })
})

describe('no-memory', () => {
  const spec = (extra: ReadonlyArray<readonly [string, string, string]>) => ({
    actors: [...patientAndManager, ['c', 'clinician']] as const,
    assets: [['story', 'experience', 'p'], ['action', 'decision', 'm'], ['fix', 'change', 'c'], ...extra] as ReadonlyArray<
      readonly [string, string, string]
    >,
    channels: [['tell', 'p', 'm', ['story']], ['agree', 'm', 'c', ['action']], ['treat', 'c', 'p', ['fix']]] as const,
  })
  it('reports a level where experience is acted on but no loop writes a lesson', () => {
    expect(defectsOf(buildModel(spec([])), 'no-memory')).toEqual([expect.objectContaining({ level: 'delivery', actors: ['c', 'm', 'p'] })])
  })
  it('is silent when an actor on the loop keeps a lesson', () => {
    expect(defectsOf(buildModel(spec([['log', 'lesson', 'm']])), 'no-memory')).toEqual([])
  })
})

describe('single-point-of-failure', () => {
  const base = { actors: [...patientAndManager, ['n', 'clinician']] as const }
  const viaManager = [['tell', 'p', 'm', []], ['answer', 'm', 'p', []]] as const
  it('reports, once per lay actor, the actor and channels every loop depends on (info)', () => {
    const defects = defectsOf(buildModel({ ...base, channels: viaManager }), 'single-point-of-failure')
    expect(defects).toEqual([
      expect.objectContaining({ severity: 'info', level: 'delivery', actors: ['m', 'p'], channels: ['answer', 'tell'] }),
    ])
    expect(defects[0]!.message).toContain("Every loop that 'p' depends on")
  })
  it('is silent when a second route exists', () => {
    const model = buildModel({ ...base, channels: [...viaManager, ['tell-nurse', 'p', 'n', []], ['nurse-answers', 'n', 'p', []]] })
    expect(defectsOf(model, 'single-point-of-failure')).toEqual([])
  })
  it('skips a loop past maxSearchSteps, reports the rest, and marks the diagnosis truncated', () => {
    // p ↔ m costs 1 lay actor × (2 actors + 2 channels) = 4 steps; q → a → b → q costs 6.
    const model = buildModel({
      actors: [...patientAndManager, ['q', 'carer'], ['a', 'clinician'], ['b', 'manager']],
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

describe('unused-knowledge', () => {
  const base = { actors: patientAndManager, assets: [['routines', 'experience', 'p', false]] as const }
  it('reports unacknowledged knowledge no channel carries, saying so', () => {
    const [defect] = defectsOf(buildModel({ ...base, channels: [['tell', 'p', 'm', []]] }), 'unused-knowledge')
    expect(defect).toMatchObject({ actors: ['p'] })
    expect(defect!.message).toContain('does not acknowledge')
  })
  it('names the inactive channel that used to carry it, and is silent once an active one does', () => {
    const idle = buildModel({ ...base, channels: [['tell', 'p', 'm', ['routines'], { status: 'inactive' }]] })
    expect(defectsOf(idle, 'unused-knowledge')[0]?.channels).toEqual(['tell'])
    const active = buildModel({ ...base, channels: [['tell', 'p', 'm', ['routines']]] })
    expect(defectsOf(active, 'unused-knowledge')).toEqual([])
  })
})

describe('missing-level-loop', () => {
  it('reports a level where lay and professional actors never share a loop', () => {
    const model = buildModel({ actors: patientAndManager, channels: [['tell', 'p', 'm', []]] })
    expect(defectsOf(model, 'missing-level-loop')).toEqual([expect.objectContaining({ level: 'delivery' })])
  })
  it('is silent when a loop joins them', () => {
    const model = buildModel({ actors: patientAndManager, channels: [['tell', 'p', 'm', []], ['answer', 'm', 'p', []]] })
    expect(defectsOf(model, 'missing-level-loop')).toEqual([])
  })
})
