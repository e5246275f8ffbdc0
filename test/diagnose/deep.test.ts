import { describe, expect, it } from 'vitest'
import type { Actor, Channel, KnowledgeAsset, Model } from '../../src/model/codecs.js'
import { diagnose } from '../../src/diagnose/diagnose.js'

/** A ring of `size` actors (patient, then clinicians), every channel carrying the patient's story. */
const ring = (size: number): Model => {
  const actors: Actor[] = []
  const channels: Channel[] = []
  for (let i = 0; i < size; i++) {
    actors.push({ id: `a${i}`, name: `Actor ${i}`, kind: i === 0 ? 'patient' : 'clinician', perspective: i === 0 ? 'lay' : 'professional', levels: ['delivery'], tags: [] } as unknown as Actor)
    channels.push({ id: `c${i}`, from: `a${i}`, to: `a${(i + 1) % size}`, carries: ['story'], level: 'delivery', status: 'active' } as unknown as Channel)
  }
  const assets = [
    { id: 'story', name: 'Story', kind: 'experience', holder: 'a0', acknowledged: true },
    { id: 'action', name: 'Action', kind: 'decision', holder: `a${size - 1}`, acknowledged: true },
  ] as unknown as KnowledgeAsset[]
  return { schema: 'orgintel/v2', id: 'ring', name: 'Ring', actors, assets, channels, loops: [] } as unknown as Model
}

describe('deep graphs', () => {
  it('diagnoses a ring of a million actors without overflowing the stack: the story goes all the way round, a decision is made, nobody reports back', { timeout: 300_000 }, () => {
    const diagnosis = diagnose(ring(1_000_000))
    const open = diagnosis.defects.filter((defect) => defect.rule === 'open-loop')
    expect(open).toEqual([expect.objectContaining({ assets: ['action', 'story'], actors: ['a0', `a${999_999}`] })])
    expect(open[0]!.message).toContain('nobody reports back')
    expect(diagnosis.scorecard.overall.outcomes.open).toBe(1)
  })
})
