import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import type { Model } from '../../../src/model/codecs.js'
import { type TracedSpec, tracedModel } from './traced-model.js'

const defectsOf = (model: Model) => diagnose(model).defects.filter((defect) => defect.rule === 'unknown-polarity')

/** Two stories answered by the practice over two reply channels; `polarity` per channel id (absent: none). */
const practice = (polarity: Readonly<Record<string, string | undefined>>): TracedSpec => {
  const sign = (id: string) => ({ polarity: polarity[id] })
  return {
    actors: [['patients', 'patient'], ['practice', 'provider']],
    assets: [['stories', 'experience', 'patients'], ['ratings', 'data', 'patients'], ['reply', 'response', 'practice', ['stories']], ['score', 'response', 'practice', ['ratings']], ['leaflet', 'evidence', 'practice']],
    channels: [
      ['tell', 'patients', 'practice', ['stories', 'ratings'], sign('tell')],
      ['answer', 'practice', 'patients', ['reply'], sign('answer')],
      ['publish-score', 'practice', 'patients', ['score'], sign('publish-score')],
      ['leaflets', 'practice', 'patients', ['leaflet'], sign('leaflets')],
    ],
  }
}

describe('unknown-polarity', () => {
  it('reports the unsigned channels of working loops once per sender', () => {
    const found = defectsOf(tracedModel(practice({ tell: '+' })))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity: 'info', actors: ['patients', 'practice'], channels: ['answer', 'publish-score'] })
    expect(found[0]!.message).toBe(
      "Channels 'answer' and 'publish-score' from 'practice', on a working loop, have no polarity (+ or -), so nobody can tell whether the loop reinforces or balances what flows round it.",
    )
  })

  it('leaves channels on no working loop alone, and is silent once every link has a polarity', () => {
    const found = defectsOf(tracedModel(practice({ tell: '+', answer: '-', 'publish-score': '+' })))
    expect(found).toEqual([])
  })

  it('says nothing on a model that never uses polarity', () => {
    expect(defectsOf(tracedModel(practice({})))).toEqual([])
  })
})
