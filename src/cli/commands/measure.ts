import { createReadStream, statSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { readCsvEventBatches } from '../../evidence/csv-events.js'
import { type EvidenceError, formatEvidenceErrors } from '../../evidence/errors.js'
import type { LogRecords } from '../../evidence/events.js'
import { formatMeasuredLoops } from '../../evidence/format.js'
import { decodeStageMapping } from '../../evidence/mapping.js'
import { measureLoops } from '../../evidence/measure.js'
import { readOcelEvents } from '../../evidence/ocel-events.js'
import { summariseEvents } from '../../evidence/summarise.js'
import { choiceOption, integerOption, type ParsedCommand, requiredOption, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { CommandFailure, exitCodes, quoteArgument, usageFailure } from '../failure.js'
import { describePath, readFailure, writeTextAtomically } from '../files.js'
import { readJson } from '../json-input.js'
import { loadModel } from '../model-input.js'
import { createProgressReporter } from '../progress.js'
import { givenPseudonymKey } from './import.js'

/** Report evidence errors on stderr, each prefixed by where they are, and fail. @internal */
export const failWith = (source: string, errors: ReadonlyArray<EvidenceError>, what: string): never => {
  for (const line of formatEvidenceErrors(errors).split('\n')) process.stderr.write(`${source}: ${line}\n`)
  throw new CommandFailure(what, exitCodes.findings)
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

/** The records of a CSV or OCEL log (`--log`, else by the file's extension), with progress under `label`. @internal */
export const logRecords = (parsed: ParsedCommand, path: string, mapping: Parameters<typeof readCsvEventBatches>[1], label = 'measure'): LogRecords => {
  const kind = choiceOption(parsed, 'log', ['csv', 'ocel'], path.toLowerCase().endsWith('.json') ? 'ocel' : 'csv')
  return kind === 'ocel' ? readOcelEvents(readJson(path, 'the OCEL event log'), mapping) : readCsvEventBatches(logBytes(path, label), mapping)
}

/** `orgintel measure`: which loops close in the records. @internal */
export const measureCommand: Command = {
  name: 'measure',
  summary: 'measure which loops close in feedback records (CSV event log or OCEL 2.0)',
  usage:
    'orgintel measure <model.json> <events.csv|events.json|-> --mapping map.json [--format markdown|json|csv] [-o file]\n' +
    '       [--log csv|ocel] [--suppress-below N] [--on-bad-input report|fail] [--observed-until DATE] [--key-file secret.txt]\n' +
    '       [--summary]  (write the exact, mergeable summary for one shard instead of the report)',
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
    const mappingPath = requiredOption(parsed, 'mapping', 'the stage mapping, e.g. --mapping map.json')
    if ([modelPath, logPath, mappingPath].filter((path) => path === '-').length > 1) throw usageFailure('only one input can come from standard input (-)')
    const model = loadModel(modelPath)
    const decoded = decodeStageMapping(readJson(mappingPath, 'the stage mapping'), model)
    if (E.isLeft(decoded)) return failWith(describePath(mappingPath), decoded.left, `${describePath(mappingPath)} is not a valid stage mapping`)
    const format = choiceOption(parsed, 'format', ['markdown', 'json', 'csv'], 'markdown')
    const key = givenPseudonymKey(stringOption(parsed, 'key-file'))
    const observedUntil = stringOption(parsed, 'observed-until')
    const options = {
      onBadInput: choiceOption(parsed, 'on-bad-input', ['report', 'fail'], 'report'),
      suppressBelow: integerOption(parsed, 'suppress-below', 8, 1),
      ...(key === undefined ? {} : { pseudonymKey: key }),
      ...(observedUntil === undefined ? {} : { observedUntil }),
    }
    const records = logRecords(parsed, logPath, decoded.right)
    const out = stringOption(parsed, 'out') ?? '-'
    if (parsed.values['summary'] === true) {
      const summarised = await summariseEvents(model, records, decoded.right, { ...options, items: false })
      if (E.isLeft(summarised)) return failWith(describePath(logPath), summarised.left, `${describePath(logPath)} could not be measured`)
      writeTextAtomically(out, `${JSON.stringify(summarised.right.summary)}\n`)
      return exitCodes.ok
    }
    const measured = await measureLoops(model, records, decoded.right, options)
    if (E.isLeft(measured)) return failWith(describePath(logPath), measured.left, `${describePath(logPath)} could not be measured`)
    writeTextAtomically(out, formatMeasuredLoops(measured.right, format))
    for (const entry of measured.right.badInput) process.stderr.write(`${describePath(logPath)}: ${entry.count} rows: ${entry.reason} (first rows ${entry.rows.join(', ')})\n`)
    return exitCodes.ok
  },
}
