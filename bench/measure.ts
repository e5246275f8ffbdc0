/**
 * Measuring loops from a CSV event log against papaparse merely parsing the same file,
 * in one process, one after the other, by CPU time (target: measuring at ≥ 0.5x
 * papaparse's rate, peak resident memory under 500 MB at 10M events). In
 * `npm run bench` at 1M events (200k with `--quick`). By hand:
 * `npx tsx bench/measure.ts --events 10000000 [--rounds 1] [--keep]`, or
 * `--file log.csv` to measure a log already written (`--write log.csv --events N`
 * writes one). The log is generated (Ward 7 stories, about 3.4 events each, in time
 * order, with a free-text column) in a temporary directory and deleted afterwards.
 * The log is written by a child process and measuring runs first, so the peak resident
 * memory (`maxRSS`) read after it is its own; each side's best CPU time over the rounds
 * is compared. Figures are printed, never asserted.
 */
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { spawnSync } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Papa from 'papaparse'
import { readCsvEventBatches } from '../src/evidence/csv-events.js'
import { decodeStageMapping } from '../src/evidence/mapping.js'
import { summariseEvents } from '../src/evidence/summarise.js'
import { parseModel } from '../src/model/decode.js'
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

/** The ward model and mapping (outside the timed part), then the timed pass. */
const prepareMeasure = (): ((path: string) => Promise<number>) => {
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

interface Pass {
  readonly rows: number
  readonly cpuSeconds: number
  readonly wallSeconds: number
}

const timed = async (run: () => Promise<number>): Promise<Pass> => {
  const started = performance.now()
  const usage = process.cpuUsage()
  const rows = await run()
  const spent = process.cpuUsage(usage)
  return { rows, cpuSeconds: (spent.user + spent.system) / 1e6, wallSeconds: (performance.now() - started) / 1000 }
}

const megabytes = (): number => process.resourceUsage().maxRSS / 1024

/** Options of {@link runMeasureBench}: the log's size in events, or a log already written. */
export interface MeasureBenchOptions {
  readonly quick: boolean
  readonly events?: number
  readonly rounds?: number
  readonly file?: string
  readonly keep?: boolean
}

/** Measure a generated (or given) log and parse it with papaparse, and print both rates and their ratio. */
export const runMeasureBench = async (options: MeasureBenchOptions): Promise<void> => {
  const events = options.events ?? (options.quick ? 200_000 : 1_000_000)
  const rounds = options.rounds ?? 2
  const directory = options.file === undefined ? mkdtempSync(join(tmpdir(), 'orgintel-measure-bench-')) : undefined
  const path = options.file ?? join(directory!, 'events.csv')
  try {
    if (options.file === undefined) {
      const started = performance.now()
      // Written by a child process, so that this one's peak resident memory is the passes' own.
      const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--write', path, '--events', String(events)], { stdio: 'inherit' })
      if (child.status !== 0) throw new Error('the log could not be written')
      process.stdout.write(`wrote ${events} events (${(statSync(path).size / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
    }
    const measure = prepareMeasure()
    const before = megabytes()
    const measured: Pass[] = []
    const parsed: Pass[] = []
    let measurePeak = 0
    for (let round = 0; round < rounds; round++) {
      measured.push(await timed(() => measure(path)))
      if (round === 0) measurePeak = megabytes()
      parsed.push(await timed(() => parseOnly(path)))
    }
    const best = (passes: ReadonlyArray<Pass>): Pass => passes.reduce((a, b) => (b.cpuSeconds < a.cpuSeconds ? b : a))
    const measuring = best(measured)
    const parsing = best(parsed)
    const rate = (pass: Pass, seconds: number) => Math.round(pass.rows / seconds).toLocaleString('en-GB')
    process.stdout.write(`best of ${rounds} round(s), same process, same file; peak RSS ${before.toFixed(0)} MB before the first pass\n`)
    process.stdout.write('| pass | rows | CPU s | rows per CPU s | wall s | rows per wall s | peak RSS after |\n|---|---|---|---|---|---|---|\n')
    process.stdout.write(`| measureLoops (summariseEvents) | ${measuring.rows} | ${measuring.cpuSeconds.toFixed(2)} | ${rate(measuring, measuring.cpuSeconds)} | ${measuring.wallSeconds.toFixed(2)} | ${rate(measuring, measuring.wallSeconds)} | ${measurePeak.toFixed(0)} MB |\n`)
    process.stdout.write(`| papaparse, parse only | ${parsing.rows} | ${parsing.cpuSeconds.toFixed(2)} | ${rate(parsing, parsing.cpuSeconds)} | ${parsing.wallSeconds.toFixed(2)} | ${rate(parsing, parsing.wallSeconds)} | ${megabytes().toFixed(0)} MB (both) |\n`)
    // On a shared machine wall time follows the load; CPU time is the fairer comparison.
    const cpuRatio = measuring.rows / measuring.cpuSeconds / (parsing.rows / parsing.cpuSeconds)
    const wallRatio = measuring.rows / measuring.wallSeconds / (parsing.rows / parsing.wallSeconds)
    process.stdout.write(`measuring / parsing rate: ${cpuRatio.toFixed(2)}x by CPU time (target ≥ 0.5x), ${wallRatio.toFixed(2)}x by wall time; measuring's peak RSS ${measurePeak.toFixed(0)} MB (target < 500 MB)\n`)
  } finally {
    if (directory !== undefined && options.keep === true) process.stdout.write(`kept ${path}\n`)
    else if (directory !== undefined) rmSync(directory, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const written = argument('write')
  const events = argument('events')
  if (written !== undefined) await writeLog(written, Number(events ?? 1_000_000))
  else {
    const rounds = argument('rounds')
    const file = argument('file')
    await runMeasureBench({
      quick: process.argv.includes('--quick'),
      keep: process.argv.includes('--keep'),
      ...(events === undefined ? {} : { events: Number(events) }),
      ...(rounds === undefined ? {} : { rounds: Number(rounds) }),
      ...(file === undefined ? {} : { file }),
    })
  }
}
