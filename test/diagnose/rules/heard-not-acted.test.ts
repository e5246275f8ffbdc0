import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { type TracedSpec, tracedModel } from './traced-model.js'

const defects = (spec: TracedSpec) => diagnose(tracedModel(spec)).defects.filter((defect) => defect.rule === 'heard-not-acted')

/** Residents tell Healthwatch, whose report the committee receives and notes; Healthwatch answers what it heard. */
const receivedAndNoted = (extraAssets: TracedSpec['assets'] = [], extraChannels: TracedSpec['channels'] = []): TracedSpec => ({
  actors: [['residents', 'citizen'], ['healthwatch', 'intermediary', 'lay'], ['committee', 'board']],
  assets: [
    ['stories', 'experience', 'residents'],
    ['report', 'insight', 'healthwatch', ['stories']],
    ['what-we-heard', 'response', 'healthwatch', ['report']],
    ['noted', 'response', 'committee', ['report']],
    ...extraAssets,
  ],
  channels: [
    ['tell', 'residents', 'healthwatch', ['stories']],
    ['publish', 'healthwatch', 'residents', ['what-we-heard']],
    ['to-committee', 'healthwatch', 'committee', ['report']],
    ['noted-letter', 'committee', 'healthwatch', ['noted']],
    ...extraChannels,
  ],
})

describe('heard-not-acted', () => {
  it('reports a source that is answered but from which nothing was decided or changed, once, naming who it reached', () => {
    const found = defects(receivedAndNoted())
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ severity: 'warning', actors: ['committee', 'healthwatch', 'residents'], assets: ['noted', 'report', 'stories', 'what-we-heard'] })
    expect(found[0]!.message).toContain("'stories' from 'residents' reaches 'healthwatch' and 'committee' and is answered ('what-we-heard')")
    expect(found[0]!.repair).toBeUndefined()
  })

  it('is silent once a decision made from the report is answered', () => {
    const spec = receivedAndNoted([['referral', 'decision', 'committee', ['report']], ['decided-reply', 'response', 'committee', ['referral']]], [['decided', 'committee', 'residents', ['decided-reply']]])
    expect(defects(spec)).toEqual([])
  })

  it('is silent for a loop that stays open (open-loop reports it)', () => {
    const spec: TracedSpec = { ...receivedAndNoted(), channels: receivedAndNoted().channels.filter(([id]) => id !== 'publish') }
    expect(defects(spec)).toEqual([])
  })

  it('reports a professional source one severity lower', () => {
    const spec: TracedSpec = {
      actors: [['audit', 'clinician'], ['manager', 'manager']],
      assets: [['audit-data', 'data', 'audit'], ['thanks', 'response', 'manager', ['audit-data']]],
      channels: [['send', 'audit', 'manager', ['audit-data']], ['reply', 'manager', 'audit', ['thanks']]],
    }
    expect(defects(spec).map((defect) => defect.severity)).toEqual(['info'])
  })
})
