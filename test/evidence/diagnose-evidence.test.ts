import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { readCsvEvents } from '../../src/evidence/csv-events.js'
import { diagnoseWithEvidence, type Evidence } from '../../src/evidence/diagnose-evidence.js'
import { decodeStageMapping } from '../../src/evidence/mapping.js'
import { measureLoops, type MeasureOptions } from '../../src/evidence/measure.js'
import { simulatedLogEvents, simulatedStageMapping } from '../../src/evidence/simulated-log.js'
import { summariseEvents } from '../../src/evidence/summarise.js'
import type { Model } from '../../src/model/codecs.js'
import { simulate } from '../../src/simulate/simulate.js'
import { modelOf } from '../simulate/fixtures.js'
import { calibrationWard, trueParameters } from './calibration-fixtures.js'
import { wardLog, wardMapping, wardModel } from './ward-log.js'

const ward = wardModel()
const measuredWard = async (options: MeasureOptions = {}) => {
  const mapping = wardMapping(ward)
  const result = await measureLoops(ward, readCsvEvents(wardLog, mapping), mapping, options)
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
  return result.right
}
const diagnosed = (model: Model, evidence: Evidence, config = {}) => {
  const result = diagnoseWithEvidence(model, evidence, config)
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
  return result.right
}
const rulesOf = (defects: ReadonlyArray<{ rule: string }>) => defects.map((defect) => defect.rule)

describe('diagnoseWithEvidence', () => {
  it('adds the records\' findings to the diagnosis, in its own format and order', async () => {
    // As measure.test.ts: the model's claim that carers' concerns close with 'did', which no record shows.
    const diagnosis = diagnosed(ward, await measuredWard({ suppressBelow: 1, tracedLoops: [{ source: 'carer-concerns', holder: 'carers', outcome: 'did' }] }))
    const measured = diagnosis.defects.filter((defect) => defect.rule.startsWith('measured-'))
    expect(rulesOf(measured)).toEqual([
      'measured-loop-never-closes',
      'measured-unmodelled-flow',
      'measured-unmodelled-flow',
      'measured-unused-channel',
      'measured-unused-channel',
      'measured-unused-channel',
    ])
    expect(measured.find((defect) => defect.rule === 'measured-unmodelled-flow')).toMatchObject({
      severity: 'warning',
      actors: ['pals', 'carers'].sort(),
      channels: [],
      message: expect.stringMatching(/^Records show 1 items going from .+ to .+, but the model has no channel between them/),
    })
    const unused = measured.filter((defect) => defect.rule === 'measured-unused-channel')
    expect(unused.flatMap((defect) => defect.channels).sort()).toEqual(['change-care', 'story-feed', 'themes-to-committee'])
    expect(unused.every((defect) => defect.severity === 'info')).toBe(true)
    expect(measured.find((defect) => defect.rule === 'measured-loop-never-closes')).toMatchObject({ severity: 'warning', assets: ['carer-concerns'] })
    expect(diagnosis.summary.byRule).toContainEqual({ rule: 'measured-unused-channel', count: 3 })
    expect(diagnosis.options.rules.map((rule) => rule.id)).toContain('measured-loop-below-promise')
    // The built-in findings are those of the plain diagnosis.
    const plain = diagnosed(ward, { ...(await measuredWard()), conformance: { findings: [] } } as Evidence)
    expect(diagnosis.defects.filter((defect) => !defect.rule.startsWith('measured-'))).toEqual(plain.defects.filter((defect) => !defect.rule.startsWith('measured-')))
  })

  it('gives counts and intervals in the message, and suppresses counts below 8 with their shares', async () => {
    const model = calibrationWard()
    const withLoop = modelOf({ ...model, loops: [{ id: 'you-said-we-did', name: 'You said, we did', level: 'delivery', through: ['patients', 'platform', 'manager', 'platform', 'patients'], promises: 'did', maxLatencyDays: 14 }] })
    const mapping = decodeStageMapping(simulatedStageMapping, withLoop)
    if (E.isLeft(mapping)) throw new Error('mapping')
    const log = simulatedLogEvents(simulate(withLoop, { seed: 8, days: 365, recordEvents: true, parameters: trueParameters }).eventLog!)
    const summary = await summariseEvents(withLoop, log, mapping.right, { items: false })
    if (E.isLeft(summary)) throw new Error('summary')
    const diagnosis = diagnosed(withLoop, summary.right.summary)
    const promise = diagnosis.defects.find((defect) => defect.rule === 'measured-loop-below-promise')!
    expect(promise.severity).toBe('warning')
    expect(promise.message).toMatch(/^You said, we did promises people a reply saying what was done, but by day 14 only \d+(\.\d)?% of \d+ items had one \(95% interval \d+(\.\d)?%–\d+(\.\d)?%\), under the promised 50%\.$/)
    const small = diagnosed(ward, await measuredWard())
    const flows = small.defects.filter((defect) => defect.rule === 'measured-unmodelled-flow')
    expect(flows.every((defect) => defect.message.startsWith('Records show <8 items going from') && !defect.message.includes('interval'))).toBe(true)
  })

  it('shows the share of items and its interval when the counts are large enough', async () => {
    const model = calibrationWard()
    const mapping = decodeStageMapping(simulatedStageMapping, model)
    if (E.isLeft(mapping)) throw new Error('mapping')
    // Nothing the manager decides reaches the team in these records.
    const log = simulatedLogEvents(simulate(model, { seed: 8, days: 365, recordEvents: true, parameters: { ...trueParameters, channels: [{ channel: 'brief', reliability: 0 }] } }).eventLog!)
    const measured = await measureLoops(model, log, mapping.right)
    if (E.isLeft(measured)) throw new Error('measure')
    const unused = diagnosed(model, measured.right).defects.find((defect) => defect.rule === 'measured-unused-channel' && (defect.channels as ReadonlyArray<string>).includes('brief'))!
    expect(unused.message).toMatch(/^No item in the records went from Ward manager to Ward team over channel 'brief' \(0% of the \d+ items that reached Ward manager; 95% interval 0%–\d+(\.\d)?%\)/)
  })

  it('is configured like any rule: off, or at another severity', async () => {
    const evidence = await measuredWard({ suppressBelow: 1 })
    const diagnosis = diagnosed(ward, evidence, { rules: { 'measured-unused-channel': 'off', 'measured-unmodelled-flow': 'error' } })
    expect(rulesOf(diagnosis.defects)).not.toContain('measured-unused-channel')
    expect(diagnosis.defects.filter((defect) => defect.rule === 'measured-unmodelled-flow').map((defect) => defect.severity)).toEqual(['error', 'error'])
  })

  it('refuses evidence about another model', async () => {
    const result = diagnoseWithEvidence(calibrationWard(), await measuredWard())
    expect(E.isLeft(result) ? result.left.map((error) => error.path) : []).toEqual(['/model'])
  })
})
