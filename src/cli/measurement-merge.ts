import { closeSync, openSync, readSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { formatEvidenceErrors, type EvidenceError } from '../evidence/errors.js'
import { decodeMeasurementSummary } from '../evidence/measurement-codec.js'
import { mergeMeasurements, type MeasurementSummary } from '../evidence/measure-summary.js'
import { withoutByteOrderMark } from '../model/decode.js'
import { countOf } from '../diagnose/format-text.js'
import { CommandFailure, exitCodes } from './failure.js'
import { describePath, readFailure, readText, writeTextAtomically } from './files.js'
import { readJson } from './json-input.js'

const headBytes = 4096
// `orgintel measure --summary` writes the format first.
const summaryHead = /^\s*\{\s*"format"\s*:\s*"orgintel-measurement\//

/** The first bytes of a file, as text. */
const headOf = (path: string): string => {
  let descriptor: number
  try {
    descriptor = openSync(path, 'r')
  } catch (error) {
    throw readFailure(path, error)
  }
  try {
    const buffer = Buffer.alloc(headBytes)
    return withoutByteOrderMark(buffer.subarray(0, readSync(descriptor, buffer, 0, headBytes, 0)).toString('utf8'))
  } catch (error) {
    throw readFailure(path, error)
  } finally {
    closeSync(descriptor)
  }
}

/**
 * Whether a file is a measurement summary (`orgintel measure --summary`) rather than a
 * sweep shard, by its `format` field: read from the first 4 KB when it comes first, as
 * orgintel writes it; else, for a `.json` file holding one object, from the whole file.
 * A sweep shard is CSV or JSON Lines, and has no such field. @internal
 */
export const isMeasurementSummaryFile = (path: string): boolean => {
  const head = headOf(path)
  if (summaryHead.test(head)) return true
  if (!path.toLowerCase().endsWith('.json') || !head.trimStart().startsWith('{')) return false
  let document: unknown
  try {
    document = JSON.parse(withoutByteOrderMark(readText(path)))
  } catch (error) {
    if (error instanceof CommandFailure) throw error
    return false
  }
  const format = typeof document === 'object' && document !== null ? (document as { format?: unknown }).format : undefined
  return typeof format === 'string' && format.startsWith('orgintel-measurement/')
}

const fail = (file: string, errors: ReadonlyArray<EvidenceError>, what: string): never => {
  for (const line of formatEvidenceErrors(errors).split('\n')) process.stderr.write(`${describePath(file)}: ${line}\n`)
  throw new CommandFailure(what, exitCodes.findings)
}

/**
 * Merge the measurement summaries of the shards of one log (split by item) into the
 * summary of the whole, exactly (`mergeMeasurements`), and write it as JSON. Each file
 * is checked first; summaries of different models or settings are refused, naming the
 * file that differs from the ones before it, and nothing is written. @internal
 */
export const mergeMeasurementFiles = (files: ReadonlyArray<string>, out: string): number => {
  let merged: MeasurementSummary | undefined
  for (const file of files) {
    const decoded = decodeMeasurementSummary(readJson(file, 'the measurement summary'))
    if (E.isLeft(decoded)) return fail(file, decoded.left, `${describePath(file)} is not a measurement summary orgintel can merge; nothing was written`)
    if (merged === undefined) {
      merged = decoded.right
      continue
    }
    const next = mergeMeasurements(merged, decoded.right)
    if (E.isLeft(next)) return fail(file, next.left, `${describePath(file)} is the summary of another measurement; nothing was written`)
    merged = next.right
  }
  writeTextAtomically(out, `${JSON.stringify(merged)}\n`)
  process.stderr.write(`wrote ${describePath(out, 'output')}: the summary of ${countOf(merged!.overall.items, 'item')} from ${countOf(files.length, 'file')}\n`)
  return exitCodes.ok
}
