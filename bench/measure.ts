/**
 * Measuring loops from a large CSV event log, against papaparse merely parsing the same
 * file. Not part of `npm run bench` (the log is large): run it alone,
 * `npx tsx bench/measure.ts [--events 10000000]`. It writes a generated log of
 * Ward 7 stories (about five events each, in time order, a free-text column included)
 * to a temporary directory, then runs each pass in its own process so that each peak
 * resident memory (`maxRSS`) is its own. Figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process'
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import Papa from 'papaparse'
import { createRandom } from './generate.js'

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`)
  return index < 0 ? undefined : process.argv[index + 1]
}


/** Write `events` rows: stories raised through three years, replies within weeks, rows in time order. */
const writeLog = async (path: string, events: number): Promise<void> => {
  const random = createRandom(2026)
  const out = createWriteStream(path)
  const start = Date.UTC(2023, 0, 1)
  const items = Math.ceil(events / 3.4)
  const span = 3 * 365 * 86_400_000
  // A window of pending rows keeps the file in time order without sorting it whole.
  const pending: Array<readonly [number, string]> = []
  let written = 0
  let lines: string[] = ['case id,activity,timestamp,resource,story']
  const flush = async (until: number) => {
    pending.sort((a, b) => a[0] - b[0])
    // Take the due rows in one splice: shifting them one by one is quadratic in the window.
    let due = 0
    while (due < pending.length && pending[due]![0] <= until && written < events) {
      lines.push(pending[due]![1])
      due++
      written++
    }
    pending.splice(0, due)
    if (lines.length > 0 && !out.write(`${lines.join('\n')}\n`)) await once(out, 'drain')
    lines = []
  }
  const row = (item: number, activity: string, time: number, resource: string, story = '') =>
    pending.push([time, `S${item},${activity},${new Date(time).toISOString()},${resource},${story}`])
  for (let item = 0; written < events; item++) {
    const raised = start + Math.floor((item / items) * span)
    const day = 86_400_000
    row(item, 'Story posted', raised, 'Ward 7 patient', item % 10 === 0 ? '"The staff were kind, but the call bell went unanswered"' : 'Kind staff')
    row(item, 'Alert sent', raised + random() * day, 'Platform')
    const replies = random() < 0.75
    if (random() < 0.4) row(item, 'Action agreed', raised + (1 + random() * 10) * day, 'Manager')
    if (random() < 0.25) row(item, 'Practice changed', raised + (5 + random() * 20) * day, 'Team')
    if (replies) row(item, 'Reply published', raised + (2 + random() * 30) * day, 'Manager')
    if (item % 2000 === 0) await flush(raised - 40 * day)
  }
  await flush(Infinity)
  out.end()
  await once(out, 'close')
}

const parseOnly = async (path: string): Promise<number> => {
  let rows = 0
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(path, { highWaterMark: 1 << 20 }) as unknown as File, {
      chunk: (results: Papa.ParseResult<unknown>) => {
        rows += results.data.length
      },
      complete: () => resolve(),
      error: reject,
    })
  })
  return rows
}

/** Load the library and the ward model (outside the timed part), then give the timed pass. */
const prepareMeasure = async (): Promise<(path: string) => Promise<number>> => {
  const { readCsvEventBatches } = await import('../src/evidence/csv-events.js')
  const { summariseEvents } = await import('../src/evidence/summarise.js')
  const { decodeStageMapping } = await import('../src/evidence/mapping.js')
  const { parseModel } = await import('../src/model/decode.js')
  const { readFileSync } = await import('node:fs')
  const parsed = parseModel(readFileSync(new URL('../examples/models/ward-you-said-we-did.json', import.meta.url), 'utf8'))
  if (parsed._tag === 'Left') throw new Error('the ward model does not decode')
  const mapping = decodeStageMapping(
    {
      stages: { raised: ['Story posted'], received: ['Alert sent'], decided: ['Action agreed'], changed: ['Practice changed'], replied: ['Reply published'] },
      actors: { 'Ward 7 patient': 'ward-7-patients', Platform: 'story-platform', Manager: 'ward-manager', Team: 'ward-team' },
    },
    parsed.right,
  )
  if (mapping._tag === 'Left') throw new Error('the mapping does not decode')
  return async (path) => {
    const result = await summariseEvents(parsed.right, readCsvEventBatches(createReadStream(path, { highWaterMark: 1 << 20 }), mapping.right), mapping.right, { items: false, settleDays: 60 })
    if (result._tag === 'Left') throw new Error('the log could not be measured')
    return result.right.summary.events.read
  }
}

const phase = argument('phase')
if (phase !== undefined) {
  const path = argument('file')!
  if (phase === 'write') {
    await writeLog(path, Number(argument('events') ?? 100_000))
    process.exit(0)
  }
  const measure = phase === 'measure' ? await prepareMeasure() : undefined
  const started = performance.now()
  const startUsage = process.cpuUsage()
  const rows = measure === undefined ? await parseOnly(path) : await measure(path)
  const seconds = (performance.now() - started) / 1000
  const usage = process.cpuUsage(startUsage)
  process.stdout.write(JSON.stringify({ rows, seconds, cpuSeconds: (usage.user + usage.system) / 1e6, peakMegabytes: process.resourceUsage().maxRSS / 1024 }))
} else {
  const events = Number(argument('events') ?? 10_000_000)
  const directory = mkdtempSync(join(tmpdir(), 'orgintel-measure-bench-'))
  const path = join(directory, 'events.csv')
  try {
    let started = performance.now()
    await writeLog(path, events)
    process.stdout.write(`wrote ${events} events (${(statSync(path).size / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
    const run = (name: 'parse' | 'measure') => {
      started = performance.now()
      const child = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--phase', name, '--file', path], { encoding: 'utf8', maxBuffer: 1 << 20 })
      if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`)
      return JSON.parse(child.stdout) as { rows: number; seconds: number; cpuSeconds: number; peakMegabytes: number }
    }
    const parse = run('parse')
    const measured = run('measure')
    for (const [name, figures] of [['papaparse, parse only', parse], ['measureLoops (summariseEvents)', measured]] as const) {
      process.stdout.write(
        `${name}: ${figures.rows} rows in ${figures.seconds.toFixed(1)} s wall (${Math.round(figures.rows / figures.seconds)} rows/s), ` +
          `${figures.cpuSeconds.toFixed(1)} s CPU (${Math.round(figures.rows / figures.cpuSeconds)} rows/CPU-s), peak RSS ${figures.peakMegabytes.toFixed(0)} MB\n`,
      )
    }
    // On a shared machine wall time follows the load; CPU time is the fairer comparison.
    process.stdout.write(`measure / parse rate: ${((measured.rows / measured.seconds) / (parse.rows / parse.seconds)).toFixed(2)}x wall, ${((measured.rows / measured.cpuSeconds) / (parse.rows / parse.cpuSeconds)).toFixed(2)}x CPU\n`)
  } finally {
    if (!process.argv.includes('--keep')) rmSync(directory, { recursive: true, force: true })
  }
}
