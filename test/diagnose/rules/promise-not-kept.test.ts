import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import type { Model } from '../../../src/model/codecs.js'
import { type TracedSpec, tracedModel, wardSpec } from './traced-model.js'

const defectsOf = (model: Model, rule = 'promise-not-kept') => diagnose(model).defects.filter((defect) => defect.rule === rule)

/** Comments answered with a thank-you; `extra` assets made from the themes. */
const thanked = (promises: string, extra: TracedSpec['assets'] = []): TracedSpec => ({
  actors: [['patients', 'patient'], ['team', 'staff'], ['manager', 'manager']],
  assets: [['comments', 'experience', 'patients'], ['themes', 'insight', 'team', ['comments']], ['thanks', 'response', 'team', ['themes']], ...extra],
  channels: [['box', 'patients', 'team', ['comments']], ['thank', 'team', 'patients', ['thanks']], ['themes-to-ward', 'team', 'manager', ['themes']]],
  loops: [{ id: 'ysywd', name: 'You said, we did', level: 'delivery', through: ['patients', 'team', 'patients'], source: 'comments', promises }],
})

describe('promise-not-kept', () => {
  it('reports a "you said, we did" loop where nothing was ever changed from the comments, as a warning with no repair', () => {
    const model = tracedModel(thanked('did'))
    const [defect, ...rest] = defectsOf(model)
    expect(rest).toEqual([])
    expect(defect).toMatchObject({ severity: 'warning', level: 'delivery', actors: ['patients', 'team'], assets: ['comments', 'thanks', 'themes'] })
    expect(defect!.message).toContain("Declared loop 'ysywd' promises 'patients' that something changes (\"you said, we did\") about 'comments'")
    expect(defect!.message).toContain("Mending the declared loop's own steps cannot keep this promise")
    expect(defect!.repair).toBeUndefined()
    // Not an error: no channel could fix it.
    expect(defectsOf(model, 'declared-loop-broken')).toEqual([])
  })

  it('compares the promise with the outcome: an answer keeps a promise of being heard', () => {
    expect(defectsOf(tracedModel(thanked('heard')))).toEqual([])
    expect(defectsOf(tracedModel(thanked('decided')))).toHaveLength(1)
  })

  it('leaves a promise a reply could keep to declared-loop-broken', () => {
    const model = tracedModel(thanked('decided', [['plan', 'decision', 'manager', ['themes']]]))
    expect(defectsOf(model)).toEqual([])
    expect(defectsOf(model, 'declared-loop-broken')).toHaveLength(1)
  })

  it('is silent when the loop does what it promises', () => {
    const loop = { id: 'ysywd', name: 'You said, we did', level: 'delivery', through: ['patients', 'team', 'manager', 'patients'], source: 'comments', promises: 'did' }
    expect(defectsOf(tracedModel(wardSpec([], [loop])))).toEqual([])
  })
})
