import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { healthyModel, runInProcess, wardModel } from '../cli/harness.js'
import { wardLogFolder } from './ward-log-folder.js'

const { directory, write, log, mapping } = wardLogFolder()

describe('orgintel diagnose --evidence', () => {
  it('adds the findings of orgintel measure --format json to the report, configured like any rule', async () => {
    const measured = join(directory, 'measured.json')
    expect((await runInProcess(['measure', wardModel, log, '-m', mapping, '-f', 'json', '-o', measured, '--suppress-below', '1'])).code).toBe(0)
    const result = await runInProcess(['diagnose', wardModel, '--evidence', measured, '--format', 'json', '--fail-on', 'never'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as { defects: Array<{ rule: string }> }
    expect(report.defects.map((defect) => defect.rule)).toContain('measured-unused-channel')
    const config = write('rules.json', JSON.stringify({ rules: { 'measured-unused-channel': 'off' } }))
    const configured = await runInProcess(['diagnose', wardModel, '--evidence', measured, '--config', config, '--format', 'json', '--fail-on', 'never'])
    expect((JSON.parse(configured.stdout) as { defects: Array<{ rule: string }> }).defects.map((defect) => defect.rule)).not.toContain('measured-unused-channel')
    // Without evidence, an evidence rule is an unknown rule.
    const plain = await runInProcess(['diagnose', wardModel, '--config', config])
    expect(plain.code).toBe(1)
    expect(plain.stderr).toContain('No rule has the id "measured-unused-channel"')
  })

  it('refuses evidence about another model, a shard summary and a file that is not a report', async () => {
    const measured = join(directory, 'other.json')
    await runInProcess(['measure', wardModel, log, '-m', mapping, '-f', 'json', '-o', measured])
    const other = await runInProcess(['diagnose', healthyModel, '--evidence', measured])
    expect(other.code).toBe(1)
    expect(other.stderr).toContain("/model: The evidence measures model 'ward-7-you-said-we-did'")
    const summary = join(directory, 'summary.json')
    await runInProcess(['measure', wardModel, log, '-m', mapping, '--summary', '-o', summary])
    const shard = await runInProcess(['diagnose', wardModel, '--evidence', summary])
    expect(shard.code).toBe(1)
    expect(shard.stderr).toContain('is a shard summary')
    const bad = await runInProcess(['diagnose', wardModel, '--evidence', write('bad.json', JSON.stringify({ format: 'orgintel-measured-loops/v1', model: 'ward-7-you-said-we-did', conformance: { findings: [{ rule: 'nope' }] } }))])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('/conformance/findings/0/rule')
  })
})
