import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { readCsvEvents } from '../../src/evidence/csv-events.js'
import type { LogRecord } from '../../src/evidence/events.js'
import { measureLoops, type MeasureOptions } from '../../src/evidence/measure.js'
import { wardLog, wardMapping, wardModel } from './ward-log.js'

const model = wardModel()
const mapping = wardMapping(model)

const measure = async (options: MeasureOptions = {}, text: string = wardLog) => {
  const result = await measureLoops(model, readCsvEvents(text, mapping), mapping, { suppressBelow: 1, ...options })
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left))
  return result.right
}

describe('measureLoops on a hand-made log (answers worked out by hand in ward-log.ts)', () => {
  it('counts events, bad input by reason with row numbers, and items by outcome', async () => {
    const report = await measure()
    expect(report.log).toEqual({ events: 28, used: 24, ignored: 1, from: '2025-12-27', until: '2026-01-21' })
    expect(report.badInput).toEqual([
      { reason: 'bad-timestamp', count: 1, rows: [27] },
      { reason: 'duplicate-event', count: 1, rows: [6] },
      { reason: 'missing-field', count: 1, rows: [28] },
      { reason: 'missing-raise', count: 1, rows: [25] },
      { reason: 'time-backwards', count: 1, rows: [16] },
      { reason: 'unknown-activity', count: 1, rows: [24] },
      { reason: 'unknown-resource', count: 1, rows: [8] },
    ])
    expect(report.overall.items).toBe(7)
    expect(report.overall.outcomes).toEqual({ open: 3, heard: 2, decided: 1, did: 1 })
    expect(report.overall.funnel.map((entry) => entry.items)).toEqual([1, 2, 0, 0, 0, 4, 0])
    expect(report.overall.stopsAt).toEqual([
      { actor: 'story-platform', items: 1 },
      { actor: 'ward-7-patients', items: 1 },
      { actor: 'ward-manager', items: 1 },
    ])
  })

  it('estimates closure by outcome with Kaplan–Meier, censored at the log end', async () => {
    const closure = (await measure()).overall.closure!
    // Heard: events at 3, 3, 5, 10 days; censored at 0 (S9), 17 (S4), 20 (S5).
    // S(3) = 4/6, S(5) = 4/6 · 3/4 = 1/2, S(10) = 1/2 · 2/3 = 1/3.
    expect(closure.heard.curve.map((point) => [point.days, point.estimate])).toEqual([[3, 0.3333], [5, 0.5], [10, 0.6667]])
    expect(closure.heard.medianDays.estimate).toBe(5)
    expect(closure.heard.byDay.map((point) => point.estimate)).toEqual([0.5, 0.6667, 0.6667])
    expect(closure.heard.byEnd.estimate).toBe(0.6667)
    // Decided: S1 at 5 (6 at risk after S9's censoring at 0), S3 at 10 (5 at risk): 1/6, 1 − 5/6 · 4/5.
    expect(closure.decided.curve.map((point) => [point.days, point.estimate])).toEqual([[5, 0.1667], [10, 0.3333]])
    // Did: S1 at day 5 alone.
    expect(closure.did.curve.map((point) => [point.days, point.estimate])).toEqual([[5, 0.1667]])
    for (const point of closure.heard.curve) {
      expect(point.lower).toBeLessThanOrEqual(point.estimate)
      expect(point.upper).toBeGreaterThanOrEqual(point.estimate)
    }
  })

  it('measures stage latencies and lists every item under a pseudonym', async () => {
    const report = await measure({ pseudonymKey: 'test key' })
    const received = report.overall.transitions.find((entry) => entry.from === 'received' && entry.to === 'decided')!
    expect(received.items).toBe(2)
    expect(received.medianDays).toBeCloseTo(2, 1)
    expect(report.overall.transitions.find((entry) => entry.from === 'raised' && entry.to === 'received')).toMatchObject({ items: 5, medianDays: 0, p90Days: 0 })
    expect(report.items).toHaveLength(7)
    expect(report.items.every((item) => /^item\/[0-9a-f]{24}$/.test(item.item))).toBe(true)
    expect(JSON.stringify(report)).not.toMatch(/"S\d"|call bell|Volunteer/)
    const did = report.items.find((item) => item.outcome === 'did')!
    expect(did).toMatchObject({ raisedOn: '2026-01-01', raisedBy: 'ward-7-patients', source: 'patient-stories', level: 'delivery' })
    expect(did.stages).toEqual({ raised: 0, received: 0, decided: 2, changed: 4, replied: 5 })
  })

  it('groups by level, actor, channel, source and declared loop', async () => {
    const report = await measure()
    expect(report.levels.map((group) => [group.key, group.items])).toEqual([['delivery', 7]])
    expect(report.channels.map((group) => [group.key, group.items])).toEqual([
      ['agree-action', 1],
      ['alert-manager', 3], // S4's reply has a bad timestamp, so S4 never reaches the manager
      ['pass-concern', 1],
      ['post-story', 4],
      ['raise-concern', 2],
      // Replies go back by the model's route: manager → platform → patient.
      ['reply-online', 3],
      ['show-reply', 3],
    ])
    expect(report.sources.map((group) => [group.key, group.items])).toEqual([['carer-concerns', 2], ['patient-stories', 5]])
    expect(report.loops.map((group) => [group.key, group.items])).toEqual([['carer-concerns-answered', 2], ['you-said-we-did', 5]])
    expect(report.actors.find((group) => group.key === 'ward-team')?.items).toBe(1)
  })

  it('checks conformance with the model and with the traced loops given', async () => {
    const report = await measure({
      tracedLoops: [
        { source: 'carer-concerns', holder: 'carers', outcome: 'did' },
        { source: 'patient-stories', holder: 'ward-7-patients', outcome: 'heard' },
      ],
    })
    // S6's PALS letter has no active way back to carers (the model's letter channel is inactive).
    expect(report.conformance.unmodelledFlows).toEqual([
      { from: 'pals', to: 'carers', items: 1 },
      { from: 'ward-team', to: 'ward-manager', items: 1 },
    ])
    expect(report.conformance.unusedChannels).toEqual(['change-care', 'story-feed', 'themes-to-committee'])
    // did by day 14 for the five patient stories: S1 closes at 5 with 4 at risk.
    expect(report.conformance.promises).toEqual([expect.objectContaining({ loop: 'you-said-we-did', promises: 'did', items: 5, days: 14, status: 'uncertain' })])
    expect(report.conformance.promises[0]!.closed!.estimate).toBeCloseTo(0.25, 10)
    expect(report.conformance.tracedLoops).toEqual([
      { source: 'carer-concerns', holder: 'carers', outcome: 'did', items: 2, closed: 0 },
      { source: 'patient-stories', holder: 'ward-7-patients', outcome: 'heard', items: 5, closed: 3 },
    ])
    expect(report.conformance.findings.map((finding) => finding.rule)).toEqual([
      'measured-unmodelled-flow',
      'measured-unmodelled-flow',
      ...Array<string>(3).fill('measured-unused-channel'),
      'measured-loop-never-closes',
    ])
  })

  it('suppresses counts from 1 to 7 and the closure of small groups', async () => {
    const report = await measure({ suppressBelow: 8 })
    expect(report.overall.items).toBe('<8')
    expect(report.overall.closure).toBeUndefined()
    expect(report.overall.outcomes).toEqual({ open: '<8', heard: '<8', decided: '<8', did: '<8' })
    expect(report.overall.funnel[2]!.items).toBe(0)
    expect(report.log.events).toBe(28)
    const three = await measure({ suppressBelow: 3 })
    expect(three.overall.outcomes).toEqual({ open: 3, heard: '<3', decided: '<3', did: '<3' })
  })

  it('stops at the first bad row found when asked to fail (rows are checked as read, before items)', async () => {
    const result = await measureLoops(model, readCsvEvents(wardLog, mapping), mapping, { onBadInput: 'fail' })
    expect(result).toEqual(E.left([{ code: 'bad-input', path: '', row: 8, message: 'Row 8: the resource is no model actor.' }]))
  })

  it('reads events out of order within the tolerance as if in order', async () => {
    const lines = wardLog.split('\r\n').filter((line) => !line.includes('2025-12-27'))
    const tolerant = wardMapping(model)
    const patient = { ...tolerant, toleranceDays: 30 }
    const run = async (text: string) => {
      const result = await measureLoops(model, readCsvEvents(text, patient), patient, { suppressBelow: 1, items: false })
      if (E.isLeft(result)) throw new Error('unexpected')
      return result.right
    }
    const inOrder = await run(lines.join('\n'))
    const reversed = await run([lines[0]!, ...lines.slice(1).reverse()].join('\n'))
    expect(reversed.overall).toEqual(inOrder.overall)
    expect(reversed.badInput.map((entry) => entry.reason)).not.toContain('time-backwards')
    // With the default tolerance of one day, reading backwards puts most events back in time.
    const strict = await measure({}, [lines[0]!, ...lines.slice(1).reverse()].join('\n'))
    expect(strict.badInput.find((entry) => entry.reason === 'time-backwards')!.count).toBeGreaterThan(5)
  })

  it('orders and checks a long item as a short one: out-of-order events sorted, a repeat and a step back in time found', async () => {
    const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString()
    const lines = ['case id,activity,timestamp,resource', `X,Story posted,${minute(0)},Ward 7 patient`]
    // Forty alerts arriving latest first (within the day's tolerance), then a repeat of one, then one a month early.
    for (let n = 40; n >= 1; n--) lines.push(`X,Alert sent,${minute(n)},Platform`)
    lines.push(`X,Alert sent,${minute(5)},Platform`, 'X,Alert sent,2025-12-01,Platform', `X,Reply published,${minute(2880)},Manager`)
    const report = await measure({}, lines.join('\n'))
    expect(report.badInput).toEqual([
      { reason: 'duplicate-event', count: 1, rows: [43] },
      { reason: 'time-backwards', count: 1, rows: [44] },
    ])
    expect(report.overall.outcomes).toEqual({ open: 0, heard: 1, decided: 0, did: 0 })
    // Sorted, the first alert is a minute after the story.
    const received = report.overall.transitions.find((entry) => entry.from === 'raised' && entry.to === 'received')!
    expect(received.medianDays).toBe(0.0007)
  })

  it('takes events from any iterable and reports a log without a required column', async () => {
    const events: LogRecord[] = [{ row: 1, item: 'a', activity: 'Story posted', timestamp: '2026-01-01', resource: 'ward-7-patients' }]
    const report = await measureLoops(model, events, mapping, { suppressBelow: 1 })
    expect(E.isRight(report) && report.right.overall.items).toBe(1)
    const missing = await measureLoops(model, readCsvEvents('case,when\nx,2026-01-01\n', mapping), mapping)
    expect(E.isLeft(missing) && missing.left[0]!.code).toBe('missing-column')
  })
})
