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
