import { createReadStream, statSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { readCsvEventBatches } from '../../evidence/csv-events.js'
import { type EvidenceError, formatEvidenceErrors } from '../../evidence/errors.js'
import type { LogRecord, LogRecords } from '../../evidence/events.js'
import { formatMeasuredLoops } from '../../evidence/format.js'
import { decodeStageMapping, type ResolvedMapping } from '../../evidence/mapping.js'
import { measureLoops, reportMeasurement } from '../../evidence/measure.js'
import { decodeMeasurementSummary } from '../../evidence/measurement-codec.js'
import { readFhirEvents } from '../../evidence/fhir-events.js'
import { readOcelEvents } from '../../evidence/ocel-events.js'
import { summariseEvents } from '../../evidence/summarise.js'
import { reportedRows } from '../../evidence/summary.js'
import { choiceOption, integerOption, type ParsedCommand, requiredOption, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { CommandFailure, exitCodes, quoteArgument, usageFailure } from '../failure.js'
import { describePath, readFailure, writeTextAtomically } from '../files.js'
import { readJson } from '../json-input.js'
import type { Model } from '../../model/codecs.js'
import { loadModel } from '../model-input.js'
import { createProgressReporter } from '../progress.js'
import { isMeasurementSummaryFile } from '../measurement-merge.js'
import { givenPseudonymKey } from './import.js'

/** Report evidence errors on stderr, each prefixed by where they are, and fail. @internal */
export const failWith = (source: string, errors: ReadonlyArray<EvidenceError>, what: string): never => {
  for (const line of formatEvidenceErrors(errors).split('\n')) process.stderr.write(`${source}: ${line}\n`)
  throw new CommandFailure(what, exitCodes.findings)
}

/**
 * The model and the stage mapping (`--mapping`, required) of a command that reads an
 * event log at `logPath`: at most one of the three from standard input, the mapping
 * decoded against the model, or the command fails with the mapping's errors. @internal
 */
export const loadModelAndMapping = (parsed: ParsedCommand, modelPath: string, logPath: string): { readonly model: Model; readonly mapping: ResolvedMapping } => {
  const mappingPath = requiredOption(parsed, 'mapping', 'the stage mapping, e.g. --mapping map.json')
  if ([modelPath, logPath, mappingPath].filter((path) => path === '-').length > 1) throw usageFailure('only one input can come from standard input (-)')
  const model = loadModel(modelPath)
  const decoded = decodeStageMapping(readJson(mappingPath, 'the stage mapping'), model)
  if (E.isLeft(decoded)) return failWith(describePath(mappingPath), decoded.left, `${describePath(mappingPath)} is not a valid stage mapping`)
  return { model, mapping: decoded.right }
}

/** The log's bytes as they are read, with progress on stderr for a file (not for standard input). */
async function* logBytes(path: string, label: string): AsyncGenerator<Uint8Array> {
  let size = 0
  if (path !== '-') {
    try {
      size = statSync(path).size
    } catch (error) {
      throw readFailure(path, error)
    }
  }
  const progress = path === '-' ? undefined : createProgressReporter(label)
  let done = 0
  const stream = createReadStream(path === '-' ? '' : path, path === '-' ? { fd: 0 } : { highWaterMark: 1 << 20 })
  try {
    for await (const chunk of stream as AsyncIterable<Uint8Array>) {
      done += chunk.length
      progress?.update(done, size)
      yield chunk
    }
  } catch (error) {
    throw readFailure(path, error)
  }
  progress?.finish()
}

/**
 * A FHIR Bundle's events, as one batch. The JSON Pointer of each bad entry (the first
 * 20 of each reason) goes to stderr, since a bundle's "rows" are only entry numbers.
 */
async function* fhirRecords(path: string, bundle: unknown, pseudonymKey: string | undefined): AsyncGenerator<ReadonlyArray<LogRecord>> {
  const records = await readFhirEvents(bundle, pseudonymKey === undefined ? {} : { pseudonymKey })
  const shown = new Map<string, number>()
  for (const record of records) {
    if (!('problem' in record) || record.path === undefined) continue
    const count = shown.get(record.problem) ?? 0
    shown.set(record.problem, count + 1)
    if (count < reportedRows) process.stderr.write(`${describePath(path)}: ${record.path}: ${record.problem}\n`)
  }
  yield records
}

/**
 * The log's records. A `.json` log is a FHIR Bundle when its `resourceType` says so,
 * else OCEL 2.0; any other is CSV; `--log` overrides. With a key, a bundle's references
 * become the pseudonyms `orgintel import --from fhir` gives the same resources. Progress
 * reading a CSV log is shown under `label`.
 * @internal
 */
export const logRecords = (
  parsed: ParsedCommand,
  path: string,
  mapping: Parameters<typeof readCsvEventBatches>[1],
  pseudonymKey: string | undefined,
  label = 'measure',
): LogRecords => {
  // `json`: not said, so the content decides.
  const given = choiceOption<'csv' | 'ocel' | 'fhir' | 'json'>(parsed, 'log', ['csv', 'ocel', 'fhir'], path.toLowerCase().endsWith('.json') ? 'json' : 'csv')
  if (given === 'csv') return readCsvEventBatches(logBytes(path, label), mapping)
  const document = readJson(path, given === 'fhir' ? 'the FHIR Bundle' : 'the event log')
  const isBundle = typeof document === 'object' && document !== null && (document as { resourceType?: unknown }).resourceType === 'Bundle'
  return given === 'fhir' || (given === 'json' && isBundle) ? fhirRecords(path, document, pseudonymKey) : readOcelEvents(document, mapping)
}

/**
 * The report of a measurement summary (a shard's, or one `orgintel merge` joined): no
 * log to read, so no mapping is needed; the summary must be of this model.
 */
const reportSummaryFile = (parsed: ParsedCommand, modelPath: string, summaryPath: string): number => {
  if (parsed.values['summary'] === true) throw usageFailure(`${describePath(summaryPath)} is a summary already; --summary reads an event log`)
  const model = loadModel(modelPath)
  const decoded = decodeMeasurementSummary(readJson(summaryPath, 'the measurement summary'))
  if (E.isLeft(decoded)) return failWith(describePath(summaryPath), decoded.left, `${describePath(summaryPath)} is not a measurement summary orgintel can report`)
  if (decoded.right.model !== model.id) {
    const message = `The summary measures model ${JSON.stringify(decoded.right.model)}, not ${JSON.stringify(model.id)} (${describePath(modelPath)}).`
    return failWith(describePath(summaryPath), [{ code: 'mismatched-shards', path: '/model', message }], `${describePath(summaryPath)} is the summary of another model`)
  }
  const report = reportMeasurement(model, decoded.right, { suppressBelow: integerOption(parsed, 'suppress-below', 8, 1) })
  writeTextAtomically(stringOption(parsed, 'out') ?? '-', formatMeasuredLoops(report, choiceOption(parsed, 'format', ['markdown', 'json', 'csv'], 'markdown')))
  for (const entry of report.badInput) process.stderr.write(`${describePath(summaryPath)}: ${entry.count} rows: ${entry.reason} (first rows ${entry.rows.join(', ')})\n`)
  return exitCodes.ok
}

/** `orgintel measure`: which loops close in the records. @internal */
export const measureCommand: Command = {
  name: 'measure',
  summary: 'measure which loops close in feedback records (CSV event log, OCEL 2.0 or a FHIR R4 Bundle)',
  usage:
    'orgintel measure <model.json> <events.csv|events.json|bundle.json|-> --mapping map.json [--format markdown|json|csv] [-o file]\n' +
    '       [--log csv|ocel|fhir] [--suppress-below N] [--on-bad-input report|fail] [--observed-until DATE] [--key-file secret.txt]\n' +
    '       [--summary]  (write the exact, mergeable summary for one shard instead of the report)\n' +
    'orgintel measure <model.json> <summary.json> [--format markdown|json|csv] [-o file] [--suppress-below N]\n' +
    '       (the report of a measurement summary, e.g. shards joined by orgintel merge)',
  options: {
    mapping: { type: 'string', short: 'm' },
    format: { type: 'string', short: 'f' },
    log: { type: 'string' },
    'suppress-below': { type: 'string' },
    'on-bad-input': { type: 'string' },
    'observed-until': { type: 'string' },
    'key-file': { type: 'string' },
    summary: { type: 'boolean' },
    ...outputOption,
  },
  async run(parsed) {
    const [modelPath, logPath, ...rest] = parsed.positionals
    if (modelPath === undefined || logPath === undefined) throw usageFailure('measure needs a model file and an event log')
    if (rest.length > 0) throw usageFailure(`unexpected argument ${quoteArgument(rest[0]!)}`)
    if (logPath !== '-' && stringOption(parsed, 'log') === undefined && isMeasurementSummaryFile(logPath)) return reportSummaryFile(parsed, modelPath, logPath)
    const { model, mapping } = loadModelAndMapping(parsed, modelPath, logPath)
    const format = choiceOption(parsed, 'format', ['markdown', 'json', 'csv'], 'markdown')
    const key = givenPseudonymKey(stringOption(parsed, 'key-file'))
    const observedUntil = stringOption(parsed, 'observed-until')
    const options = {
      onBadInput: choiceOption(parsed, 'on-bad-input', ['report', 'fail'], 'report'),
      suppressBelow: integerOption(parsed, 'suppress-below', 8, 1),
      ...(key === undefined ? {} : { pseudonymKey: key }),
      ...(observedUntil === undefined ? {} : { observedUntil }),
    }
    const records = logRecords(parsed, logPath, mapping, key)
    const out = stringOption(parsed, 'out') ?? '-'
    if (parsed.values['summary'] === true) {
      const summarised = await summariseEvents(model, records, mapping, { ...options, items: false })
      if (E.isLeft(summarised)) return failWith(describePath(logPath), summarised.left, `${describePath(logPath)} could not be measured`)
      writeTextAtomically(out, `${JSON.stringify(summarised.right.summary)}\n`)
      return exitCodes.ok
    }
    const measured = await measureLoops(model, records, mapping, options)
    if (E.isLeft(measured)) return failWith(describePath(logPath), measured.left, `${describePath(logPath)} could not be measured`)
    writeTextAtomically(out, formatMeasuredLoops(measured.right, format))
    for (const entry of measured.right.badInput) process.stderr.write(`${describePath(logPath)}: ${entry.count} rows: ${entry.reason} (first rows ${entry.rows.join(', ')})\n`)
    return exitCodes.ok
  },
}
