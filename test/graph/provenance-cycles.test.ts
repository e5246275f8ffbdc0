import { describe, expect, it } from 'vitest'
import type { Model } from '../../src/model/codecs.js'
import { traceLoops } from '../../src/graph/trace.js'

const actor = (id: string, perspective: 'lay' | 'professional') => ({ id, name: id, kind: perspective === 'lay' ? 'patient' : 'manager', levels: ['delivery'], perspective, tags: [] })
const asset = (id: string, kind: string, holder: string, derivedFrom?: string[]) => ({ id, name: id, kind, holder, acknowledged: true, ...(derivedFrom === undefined ? {} : { derivedFrom }) })
const channel = (id: string, from: string, to: string, carries: string[]) => ({ id, from, to, carries, level: 'delivery', status: 'active' })

/**
 * The ward sister's story reaches the matron, who holds a decision (no `derivedFrom`, so
 * made from whatever earlier-stage knowledge she has) and a % score declared to be made
 * from that decision. Inferring "decision made from the score" would close a cycle with
 * the declared "score made from the decision", and a cycle stops every trace through it.
 */
const model = {
  schema: 'orgintel/v2',
  id: 'cycle',
  name: 'Inferred link against a declared one',
  actors: [actor('sister', 'professional'), actor('matron', 'professional')],
  assets: [
    asset('story', 'experience', 'sister'),
    asset('decision', 'decision', 'matron'),
    asset('score', 'data', 'matron', ['decision']),
    asset('reply', 'response', 'matron', ['decision']),
  ],
  channels: [channel('raise', 'sister', 'matron', ['story']), channel('answer', 'matron', 'sister', ['reply'])],
  loops: [],
} as unknown as Model

describe('provenance', () => {
  it('drops an inferred link that would close a cycle with a declared one, so the story still travels through the decision', () => {
    const [loop] = traceLoops(model).loops
    expect(loop).toMatchObject({ source: 'story', outcome: 'decided', closedBy: 'reply' })
    expect(loop!.derived).toEqual(['decision', 'score', 'reply'])
  })
})
