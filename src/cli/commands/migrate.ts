import { schemaVersion } from '../../model/codecs.js'
import { parseModelDocument, withoutByteOrderMark } from '../../model/decode.js'
import { formatModelErrors } from '../../model/errors.js'
import { onePositional, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { exitCodes, invalidInput } from '../failure.js'
import { describePath, readText, writeTextAtomically } from '../files.js'
import { reportErrors } from '../model-input.js'

/**
 * `orgintel migrate`: rewrite a model document in the current format. The document is
 * checked first (a v1 document that would not decode is not migrated), then written as
 * its author wrote it with only `schema` changed, so the change is one line of a diff;
 * defaults are not written out. Notices, such as `upgraded-from-v1`, go to stderr.
 * @internal
 */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: `rewrite an orgintel/v1 model as ${schemaVersion}; nothing else changes`,
  usage: 'orgintel migrate <model.json|-> [-o out.json]   (without -o the result goes to standard output)',
  options: outputOption,
  async run(parsed) {
    const path = onePositional(parsed, 'model file')
    const source = path === '-' ? 'stdin' : path
    const text = readText(path)
    const result = parseModelDocument(text)
    if (result._tag === 'Left') {
      reportErrors(source, result.left)
      throw invalidInput(`${describePath(path)} is not a valid orgintel model, so it was not migrated`)
    }
    const out = stringOption(parsed, 'out') ?? '-'
    // The text parsed above, so this cannot fail; it keeps the author's fields and their order.
    const document = JSON.parse(withoutByteOrderMark(text)) as Record<string, unknown>
    writeTextAtomically(out, `${JSON.stringify({ ...document, schema: schemaVersion }, null, 2)}\n`)
    for (const line of formatModelErrors(result.right.notices).split('\n')) {
      if (line !== '') process.stderr.write(`${source}: ${line}\n`)
    }
    if (result.right.notices.length === 0) process.stderr.write(`${source}: already ${schemaVersion}; nothing to change\n`)
    if (out !== '-') process.stderr.write(`wrote ${out}\n`)
    return exitCodes.ok
  },
}
