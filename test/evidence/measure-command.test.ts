import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { readCsvEventBatches } from '../../src/evidence/csv-events.js'
import type { LogRecords } from '../../src/evidence/events.js'
import { fhirStageMapping } from '../../src/evidence/fhir-mapping.js'
import { decodeStageMapping } from '../../src/evidence/mapping.js'
import { readOcelEvents } from '../../src/evidence/ocel-events.js'
import { summariseEvents } from '../../src/evidence/summarise.js'
import { parseModel } from '../../src/model/decode.js'
import { root, runInProcess, wardModel } from '../cli/harness.js'
import { wardLogFolder } from './ward-log-folder.js'

const { directory, write, log, mapping } = wardLogFolder()

describe('orgintel measure', () => {
  it('writes a markdown report and lists bad input on stderr', async () => {
    const result = await runInProcess(['measure', wardModel, log, '--mapping', mapping, '--suppress-below', '1'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('# Measured loops of `ward-7-you-said-we-did`')
    expect(result.stdout).toContain('| delivery | 7 | 3 |')
    expect(result.stderr).toContain('1 rows: duplicate-event (first rows 6)')
  })

  it('writes CSV and JSON, with small numbers suppressed by default', async () => {
    const csv = await runInProcess(['measure', wardModel, log, '--mapping', mapping, '--format', 'csv'])
    expect(csv.stdout.split('\n')[1]).toBe('overall,all,<8,<8,<8,<8,<8,,,,,,,,,,')
    const out = join(directory, 'report.json')
    const json = await runInProcess(['measure', wardModel, log, '-m', mapping, '-f', 'json', '-o', out, '--key-file', write('key.txt', 'secret\n')])
    expect(json.code).toBe(0)
    const report = JSON.parse(readFileSync(out, 'utf8')) as { items: Array<{ item: string }> }
    expect(report.items[0]!.item).toMatch(/^item\/[0-9a-f]{24}$/)
  })

  it('writes the mergeable summary of a shard', async () => {
    const result = await runInProcess(['measure', wardModel, log, '-m', mapping, '--summary'])
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'orgintel-measurement/v1', model: 'ward-7-you-said-we-did', overall: { items: 7 } })
  })

  it('reports a bad mapping with paths and suggestions, and fails on bad input when asked', async () => {
    const bad = write('bad-map.json', JSON.stringify({ stages: { raised: ['Story posted'] }, actor: {} }))
    const result = await runInProcess(['measure', wardModel, log, '--mapping', bad])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('/actor: The stage mapping has no field "actor" at /actor (did you mean "actors"?).')
    const failing = await runInProcess(['measure', wardModel, log, '--mapping', mapping, '--on-bad-input', 'fail'])
    expect(failing.code).toBe(1)
    expect(failing.stderr).toContain('row 8: Row 8: the resource is no model actor.')
    const usage = await runInProcess(['measure', wardModel, log])
    expect(usage.code).toBe(2)
  })
})

describe('orgintel measure on a FHIR Bundle', () => {
  const bundle = join(root, 'examples', 'data', 'fhir-ward-threads.json')
  const fhirMapping = join(root, 'examples', 'data', 'fhir-ward-mapping.json')

  it('ships a mapping for the bundle: fhirStageMapping and the actors', () => {
    const actors = { 'Patient/p1': 'ward-7-patients', 'Patient/p2': 'ward-7-patients', 'Patient/p3': 'ward-7-patients', 'Organization/ward-7': 'ward-manager', 'PractitionerRole/ward-nurse': 'ward-team', 'Organization/pals': 'pals' }
    expect(JSON.parse(readFileSync(fhirMapping, 'utf8'))).toEqual({ ...fhirStageMapping, actors })
  })

  it('knows a bundle by its resourceType, and writes no message text', async () => {
    const result = await runInProcess(['measure', wardModel, bundle, '--mapping', fhirMapping, '--format', 'json', '--suppress-below', '1'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as { overall: { outcomes: unknown }; items: ReadonlyArray<{ item: string }> }
    expect(report.overall.outcomes).toEqual({ open: 2, heard: 0, decided: 0, did: 1 })
    expect(report.items.map((item) => item.item)).toContain('item/Communication/m1')
    expect(result.stderr).toContain('3 rows: reference-cycle (first rows 13, 14, 15)')
    expect(result.stderr).toContain(`${bundle}: /entry/11/resource/inResponseTo/0: unknown-reference\n`)
    const text = readFileSync(bundle, 'utf8')
    for (const [, content] of text.matchAll(/"(?:contentString|valueString|text)": "([^"]+)"/g)) expect(result.stdout).not.toContain(content)
  })

  it('reads a bundle as OCEL only when told to, and pseudonymises with the key file', async () => {
    const ocel = await runInProcess(['measure', wardModel, bundle, '--mapping', fhirMapping, '--log', 'ocel'])
    expect(ocel.code).toBe(1)
    expect(ocel.stderr).toContain('not OCEL 2.0 JSON')
    const keyed = await runInProcess(['measure', wardModel, bundle, '-m', fhirMapping, '-f', 'json', '--key-file', write('fhir-key.txt', 'secret\n')])
    expect(keyed.code).toBe(0)
    // The mapping names real references, which the pseudonyms no longer match.
    expect(keyed.stderr).toContain('unknown-resource')
    expect(keyed.stdout).not.toContain('m1')
  })
})

describe('the measuring guide', () => {
  it('runs its example, and its plot and bundled log are what the script renders', async () => {
    const { wardEventLog, closurePlot, measureBundledLog, eventLogPath, plotPath } = await import('../../scripts/docs-measure.js')
    expect(readFileSync(eventLogPath, 'utf8')).toBe(wardEventLog())
    const report = await measureBundledLog()
    expect(readFileSync(plotPath, 'utf8')).toBe(closurePlot(report))
    // The figures the page quotes.
    const heard = (level: string) => report.levels.find((group) => group.key === level)!.closure!.heard.byEnd
    expect([heard('delivery').estimate, heard('delivery').lower, heard('delivery').upper].map((x) => Math.round(x * 100))).toEqual([59, 53, 64])
    expect([heard('planning').estimate, heard('planning').lower, heard('planning').upper].map((x) => Math.round(x * 100))).toEqual([18, 9, 33])
    const flows = report.conformance.unmodelledFlows.map((flow) => `${flow.from}>${flow.to}`)
    expect(flows).toEqual(expect.arrayContaining(['pals>carers', 'ward-team>ward-manager', 'quality-committee>experience-team']))
  })

  it('ships an OCEL 2.0 copy of the bundled log that measures to the very same summary', async () => {
    const { wardEventOcel, ocelLogPath, eventLogPath, mappingPath } = await import('../../scripts/docs-measure.js')
    const ocelText = readFileSync(ocelLogPath, 'utf8')
    expect(ocelText).toBe(wardEventOcel())
    const model = parseModel(readFileSync(wardModel, 'utf8'))
    if (E.isLeft(model)) throw new Error('unexpected')
    const mapping = decodeStageMapping(JSON.parse(readFileSync(mappingPath, 'utf8')), model.right)
    if (E.isLeft(mapping)) throw new Error('unexpected')
    const summarise = async (records: LogRecords) => {
      const result = await summariseEvents(model.right, records, mapping.right, { items: false })
      if (E.isLeft(result)) throw new Error('unexpected')
      return result.right.summary
    }
    const fromCsv = await summarise(readCsvEventBatches(readFileSync(eventLogPath, 'utf8'), mapping.right))
    const fromOcel = await summarise(readOcelEvents(JSON.parse(ocelText), mapping.right))
    expect(fromCsv.events).toEqual({ read: 1035, used: 1035, ignored: 0 })
    expect(fromOcel).toEqual(fromCsv)
  })

  it.each(['measure-ward', 'measure-fhir'])('examples/%s.ts runs', async (name) => {
    const written = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      await import(`../../examples/${name}.ts`)
      expect(written).toHaveBeenCalled()
    } finally {
      written.mockRestore()
    }
  })
})
