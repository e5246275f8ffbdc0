import { accessSync, constants } from 'node:fs'
import { mergeRuns } from '../../node/files.js'
import { requiredOption } from '../args.js'
import type { Command } from '../command.js'
import { beginResultFiles, failWithExperimentErrors } from '../experiment-output.js'
import { exitCodes, usageFailure } from '../failure.js'
import { readFailure } from '../files.js'
import { countOf } from '../../diagnose/format-text.js'

/** `orgintel merge`: join the shards of one experiment into the unsharded output. @internal */
export const mergeCommand: Command = {
  name: 'merge',
  summary: 'join the shard files of one sweep into one file, identical to an unsharded run',
  usage:
    'orgintel merge <shard files…> --out results.csv\n' +
    '       (each shard file needs its .manifest.json beside it; every shard must be present once and complete)',
  options: { out: { type: 'string', short: 'o' } },
  async run(parsed) {
    const out = requiredOption(parsed, 'out', 'the merged file to write, e.g. --out results.csv')
    if (out === '-') throw usageFailure('--out must be a file: the merged rows need a manifest beside them')
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
    const target = beginResultFiles(out)
    const merged = await mergeRuns(files, target.temporary).catch((error: unknown) => {
      target.abandon()
      throw error
    })
    if (merged._tag === 'Left') {
      target.abandon()
      failWithExperimentErrors('merge', merged.left, `nothing was written: the files are not the complete shards of one experiment`, files)
    }
    target.commit()
    process.stderr.write(`wrote ${out}: ${countOf(merged.right.rows, 'row')} from ${countOf(files.length, 'file')}\n`)
    return exitCodes.ok
  },
}
