/**
 * Run a small parameter sweep on the Ward 7 model twice: whole, and as two shards (as
 * two CI jobs or two machines would), then merge the shards' files with `mergeRuns` and
 * check that the merged CSV is byte for byte the unsharded one.
 * Run: `npx tsx examples/sweep-shards.ts`.
 */
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'

// #region shards
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ExperimentSpec, mergeRuns, runExperiment, writeRuns } from 'orgintel/node'

// Two reply probabilities for the ward manager × two scenarios × two replicates = 8 runs.
const spec: ExperimentSpec = {
  modelPath: 'examples/models/ward-you-said-we-did.json',
  seed: 2026,
  days: 120,
  replications: 2,
  vary: { grid: { respond: [0.4, 0.8], scenario: ['as-is', 'pals-replies'] } },
  scenarios: [
    { name: 'as-is', interventions: [] },
    {
      name: 'pals-replies',
      interventions: [
        { day: 0, kind: 'add-channel', channel: { from: 'pals', to: 'carers', level: 'delivery', carries: ['pals-reply'], latencyDays: 5 } },
      ],
    },
  ],
  metrics: ['closureRate', 'responseRate'],
}

// Each shard runs the runs whose number % count === index, and writes its own rows
// file with a manifest beside it (`<file>.manifest.json`).
// `workers: 0` runs in this thread; the rows do not depend on the number of workers.
const folder = mkdtempSync(join(tmpdir(), 'orgintel-sweep-'))
const runShard = async (file: string, shard?: { index: number; count: number }, workers = 0) => {
  const prepared = await runExperiment(spec, { workers, ...(shard === undefined ? {} : { shard }) })
  if (prepared._tag === 'Left') throw new Error(prepared.left.map((error) => `${error.path} ${error.message}`).join('\n'))
  return writeRuns(prepared.right, join(folder, file))
}
const first = await runShard('part-0.csv', { index: 0, count: 2 })
const second = await runShard('part-1.csv', { index: 1, count: 2 })
console.log(`${first.completedRuns + second.completedRuns} runs in two shards`)

// mergeRuns checks that every shard of the same experiment is present exactly once.
const merged = await mergeRuns([join(folder, 'part-1.csv'), join(folder, 'part-0.csv')], join(folder, 'merged.csv'))
if (merged._tag === 'Left') throw new Error(merged.left.map((error) => error.message).join('\n'))

// The whole experiment, unsharded, on two worker threads, gives the same file.
await runShard('whole.csv', undefined, 2)
const mergedText = readFileSync(join(folder, 'merged.csv'), 'utf8')
console.log(mergedText === readFileSync(join(folder, 'whole.csv'), 'utf8') ? 'merged = unsharded, byte for byte' : 'they differ')
console.log(mergedText.split('\n').slice(0, 4).join('\n'))

// A missing shard is refused, not silently merged.
const incomplete = await mergeRuns([join(folder, 'part-0.csv')], join(folder, 'incomplete.csv'))
if (incomplete._tag === 'Left') console.log(incomplete.left[0]?.message)
// #endregion shards

try {
  assert.equal(first.completedRuns + second.completedRuns, 8)
  assert.ok(merged._tag === 'Right')
  assert.equal(merged.right.rows, 8 * 2) // one tidy row per run and metric
  assert.equal(mergedText, readFileSync(join(folder, 'whole.csv'), 'utf8'))
  assert.equal(mergedText.split('\n')[0], 'run,replicate,seed,respond,scenario,metric,value')
  assert.ok(incomplete._tag === 'Left' && incomplete.left[0]?.code === 'mismatched-shards')
} finally {
  rmSync(folder, { recursive: true, force: true })
}
