/**
 * The bundled feedback log for the "Do our loops close?" guide and its Kaplan–Meier
 * plot. `npx tsx scripts/docs-measure.ts` writes `examples/data/ward-events.csv` (a
 * seeded, synthetic log for the Ward 7 model: patients' stories, carers' concerns and
 * quarterly score reports to the quality committee), the same events as OCEL 2.0 JSON in
 * `examples/data/ward-events.ocel.json`, and
 * `docs/assets/measuring-closure.svg`; `--check` only compares. Deterministic: the same
 * seed gives the same bytes, and a test keeps the committed files equal to these.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { decodeStageMapping, measureLoops, readCsvEvents, type MeasuredLoops } from '../src/evidence/index.js'
import { parseModel } from '../src/model/decode.js'
import { renderLinePlot } from './docs-plot.js'
import { ocelLogText } from './ocel-log.js'
import { createRandom } from '../bench/generate.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const eventLogPath = join(root, 'examples', 'data', 'ward-events.csv')
export const ocelLogPath = join(root, 'examples', 'data', 'ward-events.ocel.json')
export const mappingPath = join(root, 'examples', 'data', 'ward-stage-mapping.json')
export const modelPath = join(root, 'examples', 'models', 'ward-you-said-we-did.json')
export const plotPath = join(root, 'docs', 'assets', 'measuring-closure.svg')


/** One event of the synthetic log: its day, and its cells. */
interface WardEvent {
  readonly day: number
  readonly item: string
  readonly activity: string
  /** `YYYY-MM-DDTHH:MM`, UTC. */
  readonly time: string
  readonly resource: string
  readonly level: string
}

/** The synthetic log's events: 200 days from 2026-01-01, in time order. */
export const wardEvents = (seed = 2026): ReadonlyArray<WardEvent> => {
  const random = createRandom(seed)
  const rows: WardEvent[] = []
  const day0 = Date.UTC(2026, 0, 1)
  const end = 200
  const add = (item: string, activity: string, day: number, resource: string, level = '') => {
    if (day <= end) rows.push({ day, item, activity, time: new Date(day0 + Math.round(day * 1440) * 60_000).toISOString().slice(0, 16), resource, level })
  }
  for (let i = 0; i < 240; i++) {
    const item = `story-${i + 1}`
    const raised = random() * 180
    add(item, 'Story posted', raised, 'Ward 7 patient')
    add(item, 'Alert sent', raised + random() * 0.5, 'Platform')
    if (random() < 0.7) {
      const agreed = random() < 0.4 ? raised + 1 + random() * 6 : undefined
      if (agreed !== undefined) add(item, 'Action agreed', agreed, 'Manager')
      const changed = agreed !== undefined && random() < 0.5 ? agreed + 1 + random() * 5 : undefined
      if (changed !== undefined) add(item, 'Practice changed', changed, 'Team')
      add(item, 'Reply published', Math.max(raised + 1 + random() * 10, (changed ?? agreed ?? 0) + 0.5), 'Manager')
    }
  }
  for (let i = 0; i < 60; i++) {
    const item = `concern-${i + 1}`
    const raised = random() * 180
    add(item, 'Concern raised', raised, 'Carer')
    add(item, 'Concern passed', raised + 1, 'PALS')
    if (random() < 0.6) add(item, 'Concern passed', raised + 2 + random() * 3, 'Manager')
    if (random() < 0.3) add(item, 'PALS letter', raised + 10 + random() * 20, 'PALS')
  }
  for (let i = 0; i < 40; i++) {
    const item = `scores-${i + 1}`
    const raised = random() * 150
    add(item, 'Scores reported', raised, 'Experience', 'planning')
    add(item, 'Themed', raised + 2 + random() * 5, 'Experience', 'planning')
    if (random() < 0.5) {
      const decided = raised + 20 + random() * 40
      add(item, 'Committee decision', decided, 'Committee', 'planning')
      if (random() < 0.6) add(item, 'Report back', decided + 5 + random() * 15, 'Committee', 'planning')
    }
  }
  return rows.sort((a, b) => a.day - b.day)
}

/** The synthetic log as CSV text, rows in time order. */
export const wardEventLog = (seed = 2026): string =>
  `case id,activity,timestamp,resource,level\n${wardEvents(seed).map((event) => `${event.item},${event.activity},${event.time},${event.resource},${event.level}`).join('\n')}\n`

/** The same events as OCEL 2.0 JSON (`ocelLogText`), with each event's level as an attribute. */
export const wardEventOcel = (seed = 2026): string =>
  ocelLogText(
    wardEvents(seed).map((event) => ({ item: event.item, activity: event.activity, time: `${event.time}:00Z`, resource: event.resource, attributes: [{ name: 'level', value: event.level }] })),
    ['level'],
  )

/** Measure the bundled log with the bundled mapping. */
export const measureBundledLog = async (): Promise<MeasuredLoops> => {
  const model = parseModel(readFileSync(modelPath, 'utf8'))
  if (E.isLeft(model)) throw new Error('the ward model does not decode')
  const mapping = decodeStageMapping(JSON.parse(readFileSync(mappingPath, 'utf8')), model.right)
  if (E.isLeft(mapping)) throw new Error('the bundled mapping does not decode')
  const measured = await measureLoops(model.right, readCsvEvents(readFileSync(eventLogPath, 'utf8'), mapping.right), mapping.right, { items: false })
  if (E.isLeft(measured)) throw new Error('the bundled log cannot be measured')
  return measured.right
}

/** The Kaplan–Meier closure (any reply) per level, as steps, with dashed 95% bounds. */
export const closurePlot = (report: MeasuredLoops): string => {
  const colours = ['#005EB8', '#DA291C']
  const steps = (points: ReadonlyArray<readonly [number, number]>, last: number): Array<readonly [number, number]> => {
    const out: Array<readonly [number, number]> = [[0, 0]]
    for (const [day, value] of points) out.push([day, out[out.length - 1]![1]], [day, value])
    out.push([last, out[out.length - 1]![1]])
    return out
  }
  const series = report.levels.flatMap((group, index) => {
    const curve = group.closure?.heard.curve ?? []
    const last = 120
    const shown = curve.filter((point) => point.days <= last)
    const colour = colours[index % colours.length]!
    return [
      { name: `${group.key}: closed (any reply)`, points: steps(shown.map((point) => [point.days, point.estimate] as const), last), colour },
      { name: `${group.key}: 95% interval`, points: steps(shown.map((point) => [point.days, point.upper] as const), last), colour, dashed: true },
    ]
  })
  return renderLinePlot({
    title: 'Do our loops close? Kaplan–Meier closure per level (Ward 7, synthetic log)',
    xLabel: 'days since the item was raised',
    yLabel: 'share of items with a reply',
    series,
    yMax: 1,
    formatY: (value) => `${Math.round(value * 100)}%`,
    width: 760,
  })
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const check = process.argv.includes('--check')
  const log = wardEventLog()
  const ocel = wardEventOcel()
  if (!check) writeFileSync(eventLogPath, log)
  if (!check) writeFileSync(ocelLogPath, ocel)
  const plot = closurePlot(await measureBundledLog())
  if (!check) writeFileSync(plotPath, plot)
  const stale = [readFileSync(eventLogPath, 'utf8') !== log ? eventLogPath : '', readFileSync(ocelLogPath, 'utf8') !== ocel ? ocelLogPath : '', readFileSync(plotPath, 'utf8') !== plot ? plotPath : ''].filter((path) => path !== '')
  if (stale.length > 0) {
    process.stderr.write(`out of date: ${stale.join(', ')}\n`)
    process.exitCode = 1
  }
}
