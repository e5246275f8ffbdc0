/**
 * The bundled simulated feedback log: `npx tsx scripts/simulated-log.ts` runs the
 * healthy reference model with a fixed seed, writes the run's own records as
 * `examples/data/simulated-events.csv`, the same events as OCEL 2.0 JSON in
 * `examples/data/simulated-events.ocel.json`, and their stage mapping in
 * `examples/data/simulated-stage-mapping.json`; `--check` only compares. Deterministic:
 * the same seed gives the same bytes, and a test keeps the committed files equal to
 * these and measures them back to the closure the run reports.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { simulatedLogCsv, simulatedLogEvents, simulatedStageMapping } from '../src/evidence/simulated-log.js'
import { parseModel } from '../src/model/decode.js'
import type { Model } from '../src/model/codecs.js'
import type { SimulationParameters } from '../src/simulate/parameters.js'
import type { SimulationResult } from '../src/simulate/result.js'
import { simulate } from '../src/simulate/simulate.js'
import { ocelLogText } from './ocel-log.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const simulatedModelPath = join(root, 'examples', 'models', 'healthy-reference.json')
export const simulatedCsvPath = join(root, 'examples', 'data', 'simulated-events.csv')
export const simulatedOcelPath = join(root, 'examples', 'data', 'simulated-events.ocel.json')
export const simulatedMappingPath = join(root, 'examples', 'data', 'simulated-stage-mapping.json')

/**
 * The run: patients raise stories (residents and the panel raise none, so the log stays
 * small), the service manager decides on most themes and replies, the clinical team acts
 * on every decision; 150 days, seed 7 (about a hundred stories, each file under 300 KB).
 */
export const simulatedRunOptions = {
  seed: 7,
  days: 150,
  recordEvents: true,
  parameters: {
    latency: 'exponential',
    raiseRate: 0.6,
    actors: [
      { actor: 'residents', raiseRate: 0 },
      { actor: 'patient-panel', raiseRate: 0 },
      { actor: 'service-manager', decide: 0.9, respond: 1 },
      { actor: 'clinical-team', act: 1, respond: 1 },
    ],
  } satisfies Partial<SimulationParameters>,
} as const

/** The healthy reference model. */
export const simulatedModel = (): Model => {
  const model = parseModel(readFileSync(simulatedModelPath, 'utf8'))
  if (E.isLeft(model)) throw new Error('the healthy reference model does not decode')
  return model.right
}

/** The run whose records are bundled. */
export const simulatedRun = (model: Model = simulatedModel()): SimulationResult => simulate(model, simulatedRunOptions)

/** The run's records as CSV text. */
export const simulatedEventsCsv = (run: SimulationResult = simulatedRun()): string => simulatedLogCsv(run.eventLog!)

/** The same events as OCEL 2.0 JSON (`ocelLogText`), with each event's level and channel as attributes. */
export const simulatedEventsOcel = (run: SimulationResult = simulatedRun()): string =>
  ocelLogText(
    simulatedLogEvents(run.eventLog!).map((event) => ({
      item: event.item,
      activity: event.activity,
      time: event.timestamp,
      resource: event.resource ?? '',
      attributes: [{ name: 'level', value: event.level ?? '' }, { name: 'channel', value: event.channel ?? '' }],
    })),
    ['level', 'channel'],
  )

/** The stage mapping as JSON text, one stage a line. */
export const simulatedMappingJson = (): string =>
  `{\n  "stages": {\n${Object.entries(simulatedStageMapping.stages).map(([stage, activities]) => `    ${JSON.stringify(stage)}: ${JSON.stringify(activities)}`).join(',\n')}\n  }\n}\n`

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const check = process.argv.includes('--check')
  const run = simulatedRun()
  const files: ReadonlyArray<readonly [string, string]> = [
    [simulatedCsvPath, simulatedEventsCsv(run)],
    [simulatedOcelPath, simulatedEventsOcel(run)],
    [simulatedMappingPath, simulatedMappingJson()],
  ]
  if (!check) for (const [path, text] of files) writeFileSync(path, text)
  const stale = files.filter(([path, text]) => readFileSync(path, 'utf8') !== text).map(([path]) => path)
  if (stale.length > 0) {
    process.stderr.write(`out of date: ${stale.join(', ')}\n`)
    process.exitCode = 1
  }
}
