import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import type { Model } from '../../../src/model/codecs.js'
import { type TracedSpec, tracedModel } from './traced-model.js'

const defectsOf = (model: Model, config?: Parameters<typeof diagnose>[1]) => diagnose(model, config).defects.filter((defect) => defect.rule === 'undeclared-loop')

/** Patients' stories and ratings, and carers' concerns, each answered by the practice; `loops` declared. */
const practice = (loops: TracedSpec['loops'] = []): TracedSpec => ({
  actors: [['patients', 'patient'], ['carers', 'carer'], ['practice', 'provider'], ['audit', 'clinician']],
  assets: [
    ['stories', 'experience', 'patients'],
    ['ratings', 'data', 'patients'],
    ['concerns', 'experience', 'carers'],
    ['reply', 'response', 'practice', ['stories', 'ratings']],
    ['carer-reply', 'response', 'practice', ['concerns']],
    ['audit-data', 'data', 'audit'],
    ['audit-reply', 'response', 'practice', ['audit-data']],
  ],
  channels: [
    ['tell', 'patients', 'practice', ['stories', 'ratings']],
    ['answer', 'practice', 'patients', ['reply']],
    ['raise', 'carers', 'practice', ['concerns']],
    ['answer-carers', 'practice', 'carers', ['carer-reply']],
    ['send-audit', 'audit', 'practice', ['audit-data']],
    ['answer-audit', 'practice', 'audit', ['audit-reply']],
    ['open', 'carers', 'audit', []],
  ],
  loops,
})

describe('undeclared-loop', () => {
  it('a model that declares no loops gets one finding for the whole model, not one per loop', () => {
    const found = defectsOf(tracedModel(practice()))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity: 'info', actors: ['carers', 'patients'], assets: ['concerns', 'ratings', 'stories'] })
    expect(found[0]!.message).toContain('The model declares no loops; 3 loops close:')
  })

  it('otherwise one finding per source holder, listing the sources no declared loop names', () => {
    const loops = [{ id: 'carers-heard', name: 'Carers heard', level: 'delivery', through: ['carers', 'practice', 'carers'], source: 'concerns' }]
    const found = defectsOf(tracedModel(practice(loops)))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ actors: ['patients', 'practice'], assets: ['ratings', 'stories'] })
    expect(found[0]!.message).toContain("2 loops of 'ratings' (answered) and 'stories' (answered) from 'patients' close, but no declared loop names them")
  })

  it('a declared loop without a source names the loops of its holder that its actors close', () => {
    const loops = [
      { id: 'patients-heard', name: 'Patients heard', level: 'delivery', through: ['patients', 'practice', 'patients'] },
      { id: 'carers-heard', name: 'Carers heard', level: 'delivery', through: ['carers', 'practice', 'carers'] },
    ]
    expect(defectsOf(tracedModel(practice(loops)))).toEqual([])
  })

  it('leaves professionals\' own loops out unless asked', () => {
    const loops = [{ id: 'all', name: 'All', level: 'delivery', through: ['patients', 'practice', 'carers', 'practice', 'patients'] }]
    expect(defectsOf(tracedModel(practice(loops)))).toEqual([])
    const asked = defectsOf(tracedModel(practice(loops)), { rules: { 'undeclared-loop': ['info', { includeProfessionalOnly: true }] } })
    expect(asked.map((defect) => defect.assets)).toEqual([['audit-data']])
  })
})
