import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { simulatedLogCsv, simulatedStageMapping } from '../../src/evidence/simulated-log.js'
import { checkSimulationOptions } from '../../src/simulate/issues.js'
import { simulate } from '../../src/simulate/simulate.js'
import { runInProcess, scratchFolder } from '../cli/harness.js'
import { calibrationWard, trueParameters } from './calibration-fixtures.js'

const folder = scratchFolder()
afterAll(folder.remove)
const directory = folder.path
const write = folder.write
const model = calibrationWard()
const modelPath = write('model.json', JSON.stringify(model))
const logPath = write('events.csv', simulatedLogCsv(simulate(model, { seed: 4, days: 365, recordEvents: true, parameters: trueParameters }).eventLog!))
const mappingPath = write('map.json', JSON.stringify(simulatedStageMapping))

describe('orgintel calibrate', () => {
  it('reports simulated against measured closure and writes parameters orgintel simulate accepts', async () => {
    const out = join(directory, 'params.json')
    const result = await runInProcess(['calibrate', modelPath, logPath, '--mapping', mappingPath, '--seed', '3', '--runs', '2', '-o', out])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('# Calibration of `calibration-ward`')
    expect(result.stdout).toContain('| delivery | did | 28 |')
    expect(result.stderr).toMatch(/calibrate: \d+ of \d+ simulated closure figures lie inside the measured intervals/)
    const parameters = JSON.parse(readFileSync(out, 'utf8'))
    expect(checkSimulationOptions(model, { parameters })).toEqual([])
    const simulated = await runInProcess(['simulate', modelPath, '--days', '30', '--seed', '1', '--parameters', out])
    expect(simulated.code).toBe(0)
  })

  it('writes the whole calibration as JSON', async () => {
    const result = await runInProcess(['calibrate', modelPath, logPath, '-m', mappingPath, '--runs', '1', '--format', 'json'])
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'orgintel-calibration/v1', model: 'calibration-ward', seed: 1, runs: 1 })
  })

  it('refuses unknown and invalid options', async () => {
    const unknown = await runInProcess(['calibrate', modelPath, logPath, '-m', mappingPath, '--run', '2'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('--run')
    const runs = await runInProcess(['calibrate', modelPath, logPath, '-m', mappingPath, '--runs', '0'])
    expect(runs.code).toBe(2)
    const missing = await runInProcess(['calibrate', modelPath, logPath])
    expect(missing.stderr).toContain('--mapping is required')
  })
})
