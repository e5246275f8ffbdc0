import { accessSync, constants } from 'node:fs'
import { mergeRuns } from '../../node/files.js'
import { requiredOption } from '../args.js'
import type { Command } from '../command.js'
import { beginResultFiles, failWithExperimentErrors } from '../experiment-output.js'
import { CommandFailure, exitCodeOfSignal, exitCodes, usageFailure } from '../failure.js'
import { describePath, readFailure } from '../files.js'
import { noteInputPaths } from '../output-target.js'
import { countOf } from '../../diagnose/format-text.js'
import { isMeasurementSummaryFile, mergeMeasurementFiles } from '../measurement-merge.js'

/**
 * `orgintel merge`: join the shards of one experiment into the unsharded output, or the
 * measurement summaries of one log's shards into the summary of the whole (the files'
 * `format` says which). @internal
 */
export const mergeCommand: Command = {
  name: 'merge',
  summary: 'join the shard files of one sweep, or the measurement summaries of one log, into one file identical to an unsharded run',
  usage:
    'orgintel merge <shard files…> --out results.csv [--force]\n' +
    '       (each shard file needs its .manifest.json beside it; every shard must be present once and complete, and\n' +
    '        every row must be the one its manifest lists: a changed, missing or extra row is refused with its line)\n' +
    'orgintel merge <summary.json…> --out merged.json   (measurement summaries of one log, from orgintel measure --summary;\n' +
    '       --out - writes to standard output)',
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  // Waits for its own reads and writes to settle before removing its temporary files, so
  // a signal can never race a write that would re-create one.
  stopsOnSignal: true,
  async run(parsed, context) {
    const out = requiredOption(parsed, 'out', 'the merged file to write, e.g. --out results.csv')
    const files = parsed.positionals
    if (files.length === 0) throw usageFailure('missing the shard files to merge')
    if (files.includes('-')) throw usageFailure('merge reads files, not standard input')
    for (const file of files) {
      try {
        accessSync(file, constants.R_OK)
      } catch (error) {
        throw readFailure(file, error)
      }
    }
    noteInputPaths(files)
    const summaries = files.filter(isMeasurementSummaryFile)
    if (summaries.length === files.length) return mergeMeasurementFiles(files, out)
    if (summaries.length > 0) {
      const shard = files.find((file) => !summaries.includes(file))!
      throw usageFailure(
        `merge takes the shard files of one sweep or the measurement summaries of one log, not both: ${describePath(summaries[0]!)} is a measurement summary and ${describePath(shard)} is not`,
      )
    }
    if (out === '-') throw usageFailure('--out must be a file: the merged rows need a manifest beside them')
    const target = beginResultFiles(out)
    const merged = await mergeRuns(files, target.temporary, { signal: context.signal }).catch((error: unknown) => {
      target.abandon()
      throw error
    })
    if (context.signal.aborted) {
      target.abandon()
      const reason = String(context.signal.reason ?? 'SIGINT')
      throw new CommandFailure(`stopped by ${reason}; ${describePath(out, 'output')} was not written`, exitCodeOfSignal(reason))
    }
    if (merged._tag === 'Left') {
      target.abandon()
      failWithExperimentErrors('merge', merged.left, `nothing was written: the files are not the complete shards of one experiment`, files)
    }
    target.commit()
    process.stderr.write(`wrote ${describePath(out, 'output')}: ${countOf(merged.right.rows, 'row')} from ${countOf(files.length, 'file')}\n`)
    return exitCodes.ok
  },
}
