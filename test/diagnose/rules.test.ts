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

describe('declared-loop-broken', () => {
  const spec = (status: string) => ({
    actors: patientAndManager,
    channels: [['tell', 'p', 'm', []], ['answer', 'm', 'p', [], { status }]] as const,
    loops: [{ id: 'heard', name: 'Heard', level: 'delivery', through: ['p', 'm', 'p'] }],
  })
  it('reports a declared step with no active channel, and proposes restoring it', () => {
    const [defect] = defectsOf(buildModel(spec('inactive')), 'declared-loop-broken')
    expect(defect).toMatchObject({ severity: 'error', actors: ['m', 'p'], channels: ['answer'] })
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'm', to: 'p' })])
  })
  it('is silent when every step is active', () => {
    expect(defectsOf(buildModel(spec('active')), 'declared-loop-broken')).toEqual([])
  })
})

describe('slow-loop', () => {
  const spec = (days: number, loops: ReadonlyArray<Record<string, unknown>> = []) => ({
    actors: patientAndManager,
    channels: [['tell', 'p', 'm', [], { latencyDays: days }], ['answer', 'm', 'p', [], { latencyDays: days }]] as const,
    loops,
  })
  it('reports a found loop slower than the delivery budget (30 days)', () => {
    const [defect] = defectsOf(buildModel(spec(20)), 'slow-loop')
    expect(defect).toMatchObject({ actors: ['m', 'p'], level: 'delivery' })
    expect(defect!.loop?.latencyDays).toBe(40)
  })
  it('is silent within the budget', () => {
    expect(defectsOf(buildModel(spec(10)), 'slow-loop')).toEqual([])
  })
  it('checks a declared loop against its own budget, once', () => {
    const loops = [{ id: 'heard', name: 'Heard', level: 'delivery', through: ['m', 'p', 'm'], maxLatencyDays: 15 }]
    const defects = defectsOf(buildModel(spec(10, loops)), 'slow-loop')
    expect(defects).toHaveLength(1)
    expect(defects[0]!.message).toContain("'heard'")
  })
})

describe('heard-not-acted', () => {
  const base = {
    actors: [...patientAndManager, ['c', 'clinician']] as const,
    assets: [['story', 'experience', 'p'], ['action', 'decision', 'm'], ['fix', 'change', 'c']] as const,
  }
  it('reports a decision maker who hears experience but whose decisions lead to no change', () => {
    const model = buildModel({ ...base, channels: [['tell', 'p', 'm', ['story']]] })
    expect(defectsOf(model, 'heard-not-acted')).toEqual([expect.objectContaining({ actors: ['m'] })])
  })
  it('is silent when the decision travels to someone who makes a change', () => {
    const model = buildModel({ ...base, channels: [['tell', 'p', 'm', ['story']], ['agree', 'm', 'c', ['action']]] })
    expect(defectsOf(model, 'heard-not-acted')).toEqual([])
  })
  it('follows what channels carry: a channel carrying nothing does not pass the decision on', () => {
    const model = buildModel({ ...base, channels: [['tell', 'p', 'm', ['story']], ['agree', 'm', 'c', []]] })
    expect(defectsOf(model, 'heard-not-acted')).toHaveLength(1)
  })
})

describe('acted-not-reported', () => {
  const base = {
    actors: [...patientAndManager, ['c', 'clinician']] as const,
    assets: [['story', 'experience', 'p'], ['action', 'decision', 'm'], ['fix', 'change', 'c'], ['reply', 'response', 'm']] as const,
  }
  const chain = [['tell', 'p', 'm', ['story']], ['agree', 'm', 'c', ['action']]] as const
  it('reports a change made from lay experience that is never reported back', () => {
    const [defect] = defectsOf(buildModel({ ...base, channels: chain }), 'acted-not-reported')
    expect(defect).toMatchObject({ severity: 'error', actors: ['c', 'p'] })
    expect(defect!.message).toContain('you said, we did')
  })
  it('is silent when a response returns to the patient', () => {
    const model = buildModel({ ...base, channels: [...chain, ['answer', 'm', 'p', ['reply']]] })
    expect(defectsOf(model, 'acted-not-reported')).toEqual([])
  })
  it('does not count a channel back that carries no response', () => {
    const model = buildModel({ ...base, channels: [...chain, ['answer', 'm', 'p', ['action']]] })
    expect(defectsOf(model, 'acted-not-reported')).toHaveLength(1)
  })
})

describe('undeclared-loop', () => {
  const spec = (loops: ReadonlyArray<Record<string, unknown>>) => ({
    actors: patientAndManager,
    channels: [['tell', 'p', 'm', []], ['answer', 'm', 'p', []]] as const,
    loops,
  })
  it('reports a working loop that no declared loop names', () => {
    expect(defectsOf(buildModel(spec([])), 'undeclared-loop')).toEqual([
      expect.objectContaining({ severity: 'info', actors: ['m', 'p'], channels: ['answer', 'tell'] }),
    ])
  })
  it('is silent when a declared loop names it, in any rotation', () => {
    const declared = [{ id: 'heard', name: 'Heard', level: 'delivery', through: ['p', 'm', 'p'] }]
    expect(defectsOf(buildModel(spec(declared)), 'undeclared-loop')).toEqual([])
  })
  it('leaves professional-only coordination loops alone', () => {
    const model = buildModel({ actors: [['a', 'clinician'], ['b', 'manager']], channels: [['x', 'a', 'b', []], ['y', 'b', 'a', []]] })
    expect(defectsOf(model, 'undeclared-loop')).toEqual([])
  })
})

describe('unknown-polarity', () => {
  const spec = (extras: Record<string, unknown>) => ({
    actors: patientAndManager,
    channels: [['tell', 'p', 'm', []], ['answer', 'm', 'p', [], extras]] as const,
  })
  it('reports a loop with a link of unknown polarity, naming the link', () => {
    const model = buildModel(spec({ polarity: undefined }))
    expect(defectsOf(model, 'unknown-polarity')).toEqual([expect.objectContaining({ severity: 'info', channels: ['answer'] })])
  })
  it('is silent when every link has a polarity', () => {
    expect(defectsOf(buildModel(spec({ polarity: '-' })), 'unknown-polarity')).toEqual([])
  })
})
