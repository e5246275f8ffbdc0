/**
 * Run a small parameter sweep on the Ward 7 model twice: whole, and as two shards (as
 * two CI jobs or two machines would), then merge the shards' files with `mergeRuns` and
 * check that the merged CSV is byte for byte the unsharded one.
 * Run: `npx tsx examples/sweep-shards.ts`.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { mergeRuns, runExperiment, writeRuns } from '../src/node/index.js'

const folder = mkdtempSync(join(tmpdir(), 'orgintel-sweep-'))
try {
  // #region spec
  // Two reply probabilities for the ward manager × two scenarios × two replicates = 8 runs.
  const spec = {
    modelPath: fileURLToPath(new URL('./models/ward-you-said-we-did.json', import.meta.url)),
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
  // #endregion spec

  // #region shards
  // Each shard runs the runs whose number % count === index, and writes its own rows
  // file with a manifest beside it (`<file>.manifest.json`).
  // `workers: 0` runs in this thread; the rows do not depend on the number of workers.
  const runShard = async (file: string, shard?: { index: number; count: number }, workers = 0) => {
    const prepared = await runExperiment(spec, { workers, ...(shard === undefined ? {} : { shard }) })
    if (E.isLeft(prepared)) throw new Error(prepared.left.map((error) => `${error.path} ${error.message}`).join('\n'))
    return writeRuns(prepared.right, join(folder, file))
  }
  const first = await runShard('part-0.csv', { index: 0, count: 2 })
  const second = await runShard('part-1.csv', { index: 1, count: 2 })
  assert.equal(first.completedRuns + second.completedRuns, 8)

  // mergeRuns checks that every shard of the same experiment is present exactly once.
  const merged = await mergeRuns([join(folder, 'part-1.csv'), join(folder, 'part-0.csv')], join(folder, 'merged.csv'))
  assert.ok(E.isRight(merged))
  assert.equal(merged.right.rows, 8 * 2) // one tidy row per run and metric
  // #endregion shards

  // #region unsharded
  // The whole experiment, unsharded, on two worker threads.
  await runShard('whole.csv', undefined, 2)
  const mergedText = readFileSync(join(folder, 'merged.csv'), 'utf8')
  assert.equal(mergedText, readFileSync(join(folder, 'whole.csv'), 'utf8'))
  assert.equal(mergedText.split('\n')[0], 'run,replicate,seed,respond,scenario,metric,value')
  // A missing shard is refused, not silently merged.
  const incomplete = await mergeRuns([join(folder, 'part-0.csv')], join(folder, 'incomplete.csv'))
  assert.ok(E.isLeft(incomplete) && incomplete.left[0]?.code === 'mismatched-shards')
  // #endregion unsharded

  process.stdout.write(mergedText.split('\n').slice(0, 5).join('\n') + '\n…\n')
} finally {
  rmSync(folder, { recursive: true, force: true })
}
