import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Channel, Model } from '../../src/model/codecs.js'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { buildModel } from './build.js'

const kinds = ['patient', 'carer', 'clinician', 'manager', 'commissioner'] as const
const levels = ['delivery', 'planning', 'strategy'] as const

/** Add every channel the open-loop findings propose, as active channels. */
const applyOpenLoopRepairs = (model: Model): Model => {
  const added: Channel[] = []
  const seen = new Set<string>()
  for (const defect of diagnose(model).defects) {
    if (defect.rule !== 'open-loop') continue
    for (const proposal of defect.repair ?? []) {
      const key = JSON.stringify([proposal.from, proposal.to, proposal.level])
      if (seen.has(key)) continue
      seen.add(key)
      added.push({ id: `repair-${added.length}` as Channel['id'], from: proposal.from, to: proposal.to, carries: proposal.carries, level: proposal.level, status: 'active' })
    }
  }
  return { ...model, channels: [...model.channels, ...added] }
}

const arbitraryModel = fc
  .record({
    actors: fc.array(fc.record({ kind: fc.constantFrom(...kinds), levels: fc.subarray([...levels], { minLength: 1 }) }), { minLength: 2, maxLength: 8 }),
    channels: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), level: fc.constantFrom(...levels), inactive: fc.boolean() }), { maxLength: 16 }),
  })
  .map(({ actors, channels }) =>
    buildModel({
      actors: actors.map((actor, i) => [`a${i}`, actor.kind, actor.levels] as const),
      assets: actors.map((_, i) => [`k${i}`, i % 2 === 0 ? 'experience' : 'response', `a${i}`] as const),
      channels: channels.map((channel, i) => {
        const from = channel.from % actors.length
        return [`c${i}`, `a${from}`, `a${channel.to % actors.length}`, [`k${from}`], { level: channel.level, status: channel.inactive ? 'inactive' : 'active' }] as const
      }),
    }),
  )

describe('open-loop repairs', () => {
  it('adding every proposed repair as active channels removes every open-loop finding', () => {
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const repaired = applyOpenLoopRepairs(model)
        expect(diagnose(repaired).defects.filter((defect) => defect.rule === 'open-loop')).toEqual([])
      }),
      { numRuns: 150, seed: 42 },
    )
  })

  it('proposes, per level, as many channels as Eswaran and Tarjan say are needed', () => {
    // Two one-way chains at delivery: p1 -> m and p2 -> m; one source each, one sink (m): max(2, 1) = 2.
    const model = buildModel({
      actors: [['p1', 'patient'], ['p2', 'carer'], ['m', 'manager']],
      channels: [['a', 'p1', 'm', []], ['b', 'p2', 'm', []]],
    })
    const diagnosis = diagnose(model)
    const open = diagnosis.defects.filter((defect) => defect.rule === 'open-loop')
    expect(open).toHaveLength(2)
    expect(open[0]!.repair).toHaveLength(2)
    expect(diagnosis.scorecard.overall.channelsToCloseOpenLoops).toBe(2)
  })
})
