import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { readFhirEvents } from '../../src/evidence/fhir-events.js'
import { fhirStageMapping } from '../../src/evidence/fhir-mapping.js'
import { decodeStageMapping } from '../../src/evidence/mapping.js'
import { measureLoops } from '../../src/evidence/measure.js'
import { formatMeasuredLoops } from '../../src/evidence/format.js'
import { fromFhirBundle } from '../../src/fhir/bundle.js'
import { wardModel } from './ward-log.js'

const bundle = JSON.parse(readFileSync(new URL('../../examples/data/fhir-ward-threads.json', import.meta.url), 'utf8')) as { entry: unknown[] }
const model = wardModel()
const actors = {
  'Patient/p1': 'ward-7-patients',
  'Patient/p2': 'ward-7-patients',
  'Patient/p3': 'ward-7-patients',
  'Organization/ward-7': 'ward-manager',
  'PractitionerRole/ward-nurse': 'ward-team',
  'Organization/pals': 'pals',
}
const decoded = decodeStageMapping({ ...fhirStageMapping, actors }, model)
if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
const mapping = decoded.right
// Free text in the bundle: message payloads, a Task note, an answer, a business status's text.
const freeText = ['The call bell went unanswered', 'we have fixed the call bells', 'Nobody told me', 'Still waiting', 'The food was cold', 'Nurse in charge', 'Triaged by the PALS officer', 'Sent to the wrong ward', 'Bartholomew', '9990000018']

describe('readFhirEvents', () => {
  it('reads threads, replies, a Task history and a QuestionnaireResponse as events in time order', async () => {
    expect(await readFhirEvents(bundle)).toEqual([
      // Bad input first, each with the reference or entry that breaks it.
      { row: 12, problem: 'unknown-reference', path: '/entry/11/resource/inResponseTo/0' },
      { row: 13, problem: 'reference-cycle', path: '/entry/13/resource/inResponseTo/0' },
      { row: 14, problem: 'reference-cycle', path: '/entry/13/resource/inResponseTo/0' },
      { row: 15, problem: 'reference-cycle', path: '/entry/13/resource/inResponseTo/0' },
      { row: 16, problem: 'unreadable-row', path: '/entry/15' },
      { row: 5, item: 'Communication/m1', activity: 'Communication', timestamp: '2026-01-01T09:00:00Z', resource: 'Patient/p1' },
      { row: 5, item: 'Communication/m1', activity: 'Communication received', timestamp: '2026-01-01T10:00:00Z', resource: 'Organization/ward-7' },
      { row: 6, item: 'Communication/m1', activity: 'Task accepted', timestamp: '2026-01-02T09:00:00Z', resource: 'Organization/ward-7' },
      { row: 11, item: 'QuestionnaireResponse/q1', activity: 'QuestionnaireResponse', timestamp: '2026-01-02T15:00:00Z', resource: 'Patient/p3' },
      { row: 18, item: 'QuestionnaireResponse/q1', activity: 'Task received', timestamp: '2026-01-03T09:00:00Z', resource: 'Organization/pals' },
      { row: 18, item: 'QuestionnaireResponse/q1', activity: 'Task business status triaged', timestamp: '2026-01-03T09:00:00Z', resource: 'Organization/pals' },
      { row: 9, item: 'Communication/m3', activity: 'Communication', timestamp: '2026-01-03T12:00:00Z', resource: 'Patient/p2' },
      // The Practitioner stands for their PractitionerRole, as in the model import.
      { row: 7, item: 'Communication/m1', activity: 'Task completed', timestamp: '2026-01-04T09:00:00Z', resource: 'PractitionerRole/ward-nurse' },
      // The patient writing again in their own thread is a follow-up, not a reply.
      { row: 10, item: 'Communication/m3', activity: 'Communication follow-up', timestamp: '2026-01-04T12:00:00Z', resource: 'Patient/p2' },
      { row: 8, item: 'Communication/m1', activity: 'Communication reply', timestamp: '2026-01-05T09:00:00Z', resource: 'Organization/ward-7' },
      { row: 8, item: 'Communication/m1', activity: 'Communication reply received', timestamp: '2026-01-06T09:00:00Z', resource: 'Patient/p1' },
      { row: 17, item: 'Communication/m9', activity: 'Communication entered-in-error', timestamp: '2026-01-09T09:00:00Z', resource: 'Patient/p1' },
    ])
  })

  it('measures the answers written down: three threads, one closed "did" on day 4, bad input by reason', async () => {
    const measured = await measureLoops(model, await readFhirEvents(bundle), mapping, { suppressBelow: 1, observedUntil: '2026-01-31' })
    if (E.isLeft(measured)) throw new Error(JSON.stringify(measured.left))
    const report = measured.right
    expect(report.log).toMatchObject({ events: 17, used: 9, ignored: 2 })
    expect(report.overall.outcomes).toEqual({ open: 2, heard: 0, decided: 0, did: 1 })
    expect(report.badInput).toEqual([
      { reason: 'reference-cycle', count: 3, rows: [13, 14, 15] },
      { reason: 'unknown-activity', count: 1, rows: [18] },
      { reason: 'unknown-reference', count: 1, rows: [12] },
      { reason: 'unreadable-row', count: 1, rows: [16] },
    ])
    const byItem = new Map(report.items.map((item) => [item.item, item]))
    expect(byItem.get('item/Communication/m1')).toEqual({
      item: 'item/Communication/m1',
      raisedOn: '2026-01-01',
      raisedBy: 'ward-7-patients',
      level: 'delivery',
      outcome: 'did',
      stages: { raised: 0, received: 1 / 24, decided: 1, changed: 3, replied: 4, seen: 5 },
    })
    expect(byItem.get('item/Communication/m3')).toMatchObject({ outcome: 'open', stages: { raised: 0 }, stopsAt: 'ward-7-patients' })
    expect(byItem.get('item/QuestionnaireResponse/q1')).toMatchObject({ outcome: 'open', stages: { raised: 0, received: 18 / 24 }, stopsAt: 'pals' })
    // One of three closed; the other two are followed to the end of January (reports round to 4 places).
    expect(report.overall.closure?.did.byEnd.estimate).toBe(0.3333)
  })

  it('keeps no free text in any output', async () => {
    const measured = await measureLoops(model, await readFhirEvents(bundle), mapping, { suppressBelow: 1 })
    if (E.isLeft(measured)) throw new Error('unexpected')
    for (const format of ['json', 'markdown', 'csv'] as const) {
      const text = formatMeasuredLoops(measured.right, format)
      for (const value of freeText) expect(text).not.toContain(value)
    }
    const records = JSON.stringify(await readFhirEvents(bundle))
    for (const value of freeText) expect(records).not.toContain(value)
  })

  it('gives the resources the pseudonyms the model import gives the same actors, with the same key', async () => {
    const key = 'a secret kept outside the code'
    const imported = await fromFhirBundle(bundle, { pseudonymKey: key })
    const records = await readFhirEvents(bundle, { pseudonymKey: key })
    const resources = new Set(records.flatMap((record) => ('resource' in record && record.resource !== undefined ? [record.resource] : [])))
    const ids = new Set<string>(imported.model?.actors.map((actor) => actor.id))
    // The patient, the organisation and the nurse's role are in the bundle, so the model has them.
    expect([...resources].filter((resource) => ids.has(resource))).toHaveLength(3)
    expect(JSON.stringify(records)).not.toMatch(/p1|ward-7|m1/)
    expect(records.find((record) => 'item' in record)).toMatchObject({ item: expect.stringMatching(/^Communication\/[0-9a-f]{24}$/) })
    expect(await readFhirEvents(bundle, { pseudonymKey: '' })).toEqual([{ failure: expect.objectContaining({ code: 'invalid-option', path: '/pseudonymKey' }) }])
  })

  it('reads a Task history newest first, as a history bundle lists it: one event per change of status', async () => {
    const version = (n: number, status: string, day: string, business?: string) => ({
      fullUrl: 'https://fhir.example.nhs.uk/Task/t9',
      resource: { resourceType: 'Task', id: 't9', meta: { versionId: String(n), lastUpdated: `2026-02-${day}T09:00:00Z` }, status, ...(business === undefined ? {} : { businessStatus: { coding: [{ code: business }] } }), owner: { reference: 'Organization/pals' } },
    })
    const history = { resourceType: 'Bundle', type: 'history', entry: [version(4, 'completed', '09', 'closed'), version(3, 'accepted', '05', 'investigating'), version(2, 'accepted', '03'), version(1, 'received', '01')] }
    const records = await readFhirEvents(history)
    expect(records.map((record) => ('activity' in record ? `${record.timestamp.slice(5, 10)} ${record.activity}` : record))).toEqual([
      '02-01 Task received',
      '02-03 Task accepted',
      '02-05 Task business status investigating',
      '02-09 Task completed',
      '02-09 Task business status closed',
    ])
    expect(new Set(records.map((record) => ('item' in record ? record.item : '')))).toEqual(new Set(['Task/t9']))
  })

  it('refuses what is not a Bundle, and takes bundles with no entries', async () => {
    expect(await readFhirEvents({ resourceType: 'Patient' })).toEqual([{ failure: expect.objectContaining({ code: 'invalid-log' }) }])
    expect(await readFhirEvents({ resourceType: 'Bundle' })).toEqual([])
    expect(await readFhirEvents({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Communication', id: 'x' } }] })).toEqual([
      { row: 1, problem: 'missing-field', path: '/entry/0/resource/sent' },
    ])
    // A history bundle's deletion is no event; an entry with nothing in it is unreadable.
    expect(await readFhirEvents({ resourceType: 'Bundle', type: 'history', entry: [{ request: { method: 'DELETE', url: 'Task/t1' } }, {}] })).toEqual([
      { row: 2, problem: 'unreadable-row', path: '/entry/1' },
    ])
  })

  it('follows a chain of 20,000 replies and a cycle of 20,000 without recursion', async () => {
    const chain = (size: number, closed: boolean) => ({
      resourceType: 'Bundle',
      entry: Array.from({ length: size }, (_, i) => ({
        resource: {
          resourceType: 'Communication',
          id: `c${i}`,
          sent: '2026-01-01T00:00:00Z',
          sender: { reference: i % 2 === 0 ? 'Patient/p1' : 'Organization/ward-7' },
          ...(i === 0 && !closed ? {} : { inResponseTo: [{ reference: `Communication/c${i === 0 ? size - 1 : i - 1}` }] }),
        },
      })),
    })
    const open = await readFhirEvents(chain(20_000, false))
    expect(new Set(open.map((record) => ('item' in record ? record.item : 'problem')))).toEqual(new Set(['Communication/c0']))
    const cycle = await readFhirEvents(chain(20_000, true))
    expect(cycle).toHaveLength(20_000)
    expect(cycle.every((record) => 'problem' in record && record.problem === 'reference-cycle')).toBe(true)
  })
})
