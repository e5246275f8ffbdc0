import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCsvEvents } from '../../src/evidence/csv-events.js'
import type { LogRecord } from '../../src/evidence/events.js'
import { formatMeasuredLoops } from '../../src/evidence/format.js'
import { mergeMeasurements } from '../../src/evidence/measure-summary.js'
import { measureLoops, reportMeasurement } from '../../src/evidence/measure.js'
import { readOcelEvents } from '../../src/evidence/ocel-events.js'
import { summariseEvents } from '../../src/evidence/summarise.js'
import { wardLog, wardMapping, wardModel } from './ward-log.js'

const model = wardModel()
const mapping = wardMapping(model)

const collect = async (records: AsyncIterable<LogRecord> | Iterable<LogRecord>): Promise<LogRecord[]> => {
  const list: LogRecord[] = []
  for await (const record of records) list.push(record)
  return list
}

async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size)
}

describe('readCsvEvents', () => {
  it('gives the same records whatever the chunk size, with quoted line breaks and multi-byte text cut anywhere', async () => {
    const text = `\uFEFF${wardLog.replace('call bell', 'call bell — “ß”')}`
    const whole = await collect(readCsvEvents(text, mapping))
    expect(whole).toHaveLength(28)
    expect(whole[0]).toEqual({ row: 2, item: 'S1', activity: 'Story posted', timestamp: '2026-01-01', resource: 'Ward 7 patient' })
    for (const size of [1, 2, 7, 64, 1000]) expect(await collect(readCsvEvents(chunked(text, size), mapping))).toEqual(whole)
  })

  it('reports a row whose quoting is broken at its own row, and reads the rows after it', async () => {
    const records = await collect(readCsvEvents('case id,activity,timestamp\nA,"Story posted"x,2026-01-01\nB,Story posted,2026-01-02\n', mapping))
    expect(records).toEqual([{ row: 2, problem: 'unreadable-row' }, { row: 3, item: 'B', activity: 'Story posted', timestamp: '2026-01-02' }])
  })

  it('reads another one-character separator, and refuses one it cannot split cells by', async () => {
    expect(await collect(readCsvEvents('case id\tactivity\ttimestamp\nA\tStory posted\t2026-01-01\n', mapping, { delimiter: '\t' }))).toEqual([{ row: 2, item: 'A', activity: 'Story posted', timestamp: '2026-01-01' }])
    for (const delimiter of [';;', '', '"']) {
      expect(await collect(readCsvEvents('case id;activity;timestamp\n', mapping, { delimiter }))).toEqual([{ failure: expect.objectContaining({ code: 'invalid-option', path: '/delimiter' }) }])
    }
  })

  it('reports a row with more cells than the header and maps other headings', async () => {
    const custom = { ...mapping, columns: new Map([...mapping.columns, ['case', ['story id']] as const]) }
    const records = await collect(readCsvEvents('Story ID,Activity,Date\nA,Story posted,2026-01-01,extra\nB,Story posted,2026-01-02\n', custom))
    expect(records).toEqual([{ row: 2, problem: 'unreadable-row' }, { row: 3, item: 'B', activity: 'Story posted', timestamp: '2026-01-02' }])
  })
})

describe('readOcelEvents', () => {
  const ocel = {
    objectTypes: [{ name: 'feedback', attributes: [] }, { name: 'actor', attributes: [] }],
    eventTypes: [],
    objects: [
      { id: 'f1', type: 'feedback' },
      { id: 'f2', type: 'feedback' },
      { id: 'ward-manager', type: 'actor' },
      { id: 'ward-7-patients', type: 'actor' },
    ],
    events: [
      { id: 'e1', type: 'Story posted', time: '2026-01-01T00:00:00Z', relationships: [{ objectId: 'f1', qualifier: 'about' }, { objectId: 'ward-7-patients', qualifier: 'by' }] },
      { id: 'e2', type: 'Reply published', time: '2026-01-03T00:00:00Z', attributes: [{ name: 'outcome', value: 'did' }], relationships: [{ objectId: 'f1' }, { objectId: 'ward-manager' }] },
      { id: 'e3', type: 'Story posted', time: '2026-01-04T00:00:00Z', relationships: [{ objectId: 'f2' }], attributes: [{ name: 'resource', value: 'ward-7-patients' }] },
      { id: 'e4', type: 'Story posted', time: '2026-01-04T00:00:00Z', relationships: [] },
      'not an event',
    ],
  }

  it('reads each event related to a feedback object as one of its events', async () => {
    expect(await collect(readOcelEvents(ocel, mapping))).toEqual([
      { row: 1, item: 'f1', activity: 'Story posted', timestamp: '2026-01-01T00:00:00Z', resource: 'ward-7-patients' },
      { row: 2, item: 'f1', activity: 'Reply published', timestamp: '2026-01-03T00:00:00Z', resource: 'ward-manager', outcome: 'did' },
      { row: 3, item: 'f2', activity: 'Story posted', timestamp: '2026-01-04T00:00:00Z', resource: 'ward-7-patients' },
      { row: 4, problem: 'missing-field' },
      { row: 5, problem: 'unreadable-row' },
    ])
    const report = await measureLoops(model, readOcelEvents(ocel, mapping), mapping, { suppressBelow: 1 })
    // The reply says a change was made: f1 closes as `did` on day 2.
    expect(E.isRight(report) && report.right.overall.outcomes).toEqual({ open: 1, heard: 0, decided: 0, did: 1 })
  })

  it('refuses a document that is not OCEL', async () => {
    expect(await collect(readOcelEvents({ events: [] }, mapping))).toEqual([{ failure: expect.objectContaining({ code: 'invalid-log' }) }])
  })
})

describe('measurement summaries merge exactly across shards', () => {
  const lines = wardLog.split('\r\n')
  const header = lines[0]!
  const body = lines.slice(1)
  const itemOf = (line: string): string => line.split(',')[0]!

  it('the merge of shards split by item equals the summary of the whole log', async () => {
    const summarise = async (rows: ReadonlyArray<string>) => {
      const result = await summariseEvents(model, readCsvEvents([header, ...rows].join('\n'), mapping), mapping, { observedUntil: '2026-01-21', items: false })
      if (E.isLeft(result)) throw new Error('unexpected')
      return result.right.summary
    }
    const whole = await summarise(body)
    const items = [...new Set(body.map(itemOf))]
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: items.length, maxLength: items.length }), async (sides) => {
        const left = new Set(items.filter((_, index) => sides[index]))
        const merged = mergeMeasurements(await summarise(body.filter((line) => left.has(itemOf(line)))), await summarise(body.filter((line) => !left.has(itemOf(line)))))
        if (E.isLeft(merged)) throw new Error('unexpected')
        const withoutRows = (summary: typeof whole) => ({ ...summary, observedFrom: null, badInput: summary.badInput.map(({ reason, count }) => ({ reason, count })) })
        expect(withoutRows(merged.right)).toEqual(withoutRows(whole))
        expect(reportMeasurement(model, merged.right).overall).toEqual(reportMeasurement(model, whole).overall)
      }),
      { numRuns: 25 },
    )
  })

  it('refuses to merge summaries of different models', async () => {
    const result = await summariseEvents(model, readCsvEvents(wardLog, mapping), mapping)
    if (E.isLeft(result)) throw new Error('unexpected')
    const other = { ...result.right.summary, model: 'elsewhere' }
    expect(mergeMeasurements(result.right.summary, other)).toEqual(E.left([expect.objectContaining({ code: 'mismatched-shards', path: '/model' })]))
  })
})

describe('formatMeasuredLoops', () => {
  it('writes markdown with the closure and conformance tables, CSV with one row per group, and JSON', async () => {
    const result = await measureLoops(model, readCsvEvents(wardLog, mapping), mapping, { suppressBelow: 1 })
    if (E.isLeft(result)) throw new Error('unexpected')
    const markdown = formatMeasuredLoops(result.right, 'markdown')
    expect(markdown).toContain('| delivery | 7 | 3 | 66.7% (')
    expect(markdown).toContain('| measured-unmodelled-flow | Records show 1 items going from')
    expect(markdown).toContain('| you-said-we-did | did | 5 | 14 | 25% (')
    expect(markdown).toContain('| duplicate-event | 1 | 6 |')
    const csv = formatMeasuredLoops(result.right, 'csv').split('\n')
    expect(csv[0]).toBe('group,key,items,open,heard,decided,did,closed_heard,closed_heard_lower,closed_heard_upper,closed_decided,closed_decided_lower,closed_decided_upper,closed_did,closed_did_lower,closed_did_upper,median_days_to_reply')
    expect(csv[1]).toMatch(/^overall,all,7,3,2,1,1,0\.6667,/)
    expect(JSON.parse(formatMeasuredLoops(result.right, 'json')).format).toBe('orgintel-measured-loops/v1')
  })
})
