import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type ExperimentRow, runExperiment } from '../../src/node/run-experiment.js'

const wardPath = new URL('../../examples/models/ward-you-said-we-did.json', import.meta.url).pathname

// `nothing` sets a channel's reliability to the value it has, so it changes nothing.
const spec = {
  modelPath: wardPath,
  seed: 31,
  days: 200,
  replications: 3,
  parameters: { raiseRate: 0.4 },
  vary: { grid: { scenario: ['as-is', 'nothing'], jitter: [0.1, 0.9] } },
  metrics: ['experiencesRaised', 'responseRate', 'heardBackRate', 'closureRate', 'messagesSent'],
  scenarios: [
    { name: 'as-is', interventions: [] },
    { name: 'nothing', interventions: [{ day: 5, kind: 'set-reliability', channel: 'post-story', reliability: 0.95 }] },
  ],
}

const rowsOf = async (input: unknown) => {
  const prepared = await runExperiment(input, { workers: 0 })
  if (E.isLeft(prepared)) throw new Error(JSON.stringify(prepared.left))
  const rows: ExperimentRow[] = []
  for await (const row of prepared.right.rows) rows.push(row)
  return { manifest: prepared.right.manifest, rows }
}

/** Each run's values, without what tells the runs apart (run number and varied columns). */
const outcomes = (rows: ReadonlyArray<ExperimentRow>) =>
  rows.map(({ replicate, seed, metric, value }) => JSON.stringify({ replicate, seed, metric, value }))

describe('paired comparisons', () => {
  it('gives identical rows to an intervention and a parameter that change nothing, on common random numbers by default', async () => {
    const { manifest, rows } = await rowsOf(spec)
    expect(manifest.commonRandomNumbers).toBe(true)
    const byCombination = (scenario: string, jitter: number) => outcomes(rows.filter((row) => row['scenario'] === scenario && row['jitter'] === jitter))
    const base = byCombination('as-is', 0.1)
    expect(base).toHaveLength(3 * 5)
    expect(byCombination('nothing', 0.1)).toEqual(base)
    expect(byCombination('as-is', 0.9)).toEqual(base)
    expect(byCombination('nothing', 0.9)).toEqual(base)
    // Replicates still differ from one another.
    expect(new Set(manifest.runs.map((run) => run.seed)).size).toBe(3)
  })

  it('gives every combination its own seeds when common random numbers are off, and says so', async () => {
    const { manifest, rows } = await rowsOf({ ...spec, commonRandomNumbers: false })
    expect(manifest.commonRandomNumbers).toBe(false)
    expect(new Set(manifest.runs.map((run) => run.seed)).size).toBe(manifest.runs.length)
    const first = outcomes(rows.filter((row) => row['scenario'] === 'as-is' && row['jitter'] === 0.1))
    const other = outcomes(rows.filter((row) => row['scenario'] === 'nothing' && row['jitter'] === 0.1))
    expect(other).not.toEqual(first)
  })
})
