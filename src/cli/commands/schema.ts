import { modelJsonSchema } from '../../model/json-schema.js'
import { stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { exitCodes, usageFailure } from '../failure.js'
import { writeTextAtomically } from '../files.js'

/** `orgintel schema`: print the JSON Schema of the document format. @internal */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema (2020-12) of the orgintel/v2 document format',
  usage: 'orgintel schema [-o schema.json]',
  options: outputOption,
  async run(parsed) {
    if (parsed.positionals.length > 0) throw usageFailure('schema takes no arguments')
    writeTextAtomically(stringOption(parsed, 'out') ?? '-', `${JSON.stringify(modelJsonSchema, null, 2)}\n`)
    return exitCodes.ok
  },
}
