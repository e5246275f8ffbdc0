import { countOf } from '../../diagnose/format-text.js'
import { fromFhirBundle } from '../../fhir/bundle.js'
import { fromCsv } from '../../io/csv-read.js'
import { type InteropError, formatInteropErrors } from '../../io/errors.js'
import { fromGraphML } from '../../io/graphml-read.js'
import type { Model } from '../../model/codecs.js'
import { encodeModel } from '../../model/decode.js'
import { choiceOption, type ParsedCommand, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { CommandFailure, exitCodes, quoteArgument, usageFailure } from '../failure.js'
import { describePath, readText, writeTextAtomically } from '../files.js'
import { readJson } from '../json-input.js'

const failWith = (source: string, errors: ReadonlyArray<InteropError>): never => {
  for (const line of formatInteropErrors(errors).split('\n')) process.stderr.write(`${source}: ${line}\n`)
  throw new CommandFailure(`${source} could not be imported`, exitCodes.findings)
}

const header = (parsed: ParsedCommand) => {
  const id = stringOption(parsed, 'id')
  const name = stringOption(parsed, 'name')
  return { ...(id === undefined ? {} : { id }), ...(name === undefined ? {} : { name }) }
}

const onlyInput = (parsed: ParsedCommand, format: string): string => {
  const [input, ...rest] = parsed.positionals
  if (input === undefined) throw usageFailure(`import --from ${format} needs an input file (or - for standard input)`)
  if (rest.length > 0) throw usageFailure(`unexpected argument ${quoteArgument(rest[0]!)}`)
  return input
}

const importCsv = (parsed: ParsedCommand): Model => {
  const actors = stringOption(parsed, 'actors')
  const channels = stringOption(parsed, 'channels')
  if (actors === undefined || channels === undefined) throw usageFailure('import --from csv needs --actors FILE and --channels FILE')
  if (parsed.positionals.length > 0) throw usageFailure(`unexpected argument ${quoteArgument(parsed.positionals[0]!)} (CSV files are named by --actors, --channels, --assets and --loops)`)
  const assets = stringOption(parsed, 'assets')
  const loops = stringOption(parsed, 'loops')
  if ([actors, channels, assets, loops].filter((path) => path === '-').length > 1) throw usageFailure('only one input can come from standard input (-)')
  const result = fromCsv(
    {
      actors: readText(actors),
      channels: readText(channels),
      ...(assets === undefined ? {} : { assets: readText(assets) }),
      ...(loops === undefined ? {} : { loops: readText(loops) }),
    },
    header(parsed),
  )
  return result._tag === 'Right' ? result.right : failWith('csv', result.left)
}

const importGraphml = (parsed: ParsedCommand): Model => {
  const input = onlyInput(parsed, 'graphml')
  const result = fromGraphML(readText(input))
  return result._tag === 'Right' ? result.right : failWith(describePath(input), result.left)
}

/**
 * The pseudonym key: the key file's text without surrounding whitespace (so a final
 * newline does not change the pseudonyms), else ORGINTEL_PSEUDONYM_KEY as it is, else
 * none. A key that is empty or only whitespace is a usage error, never "no key": asking
 * for pseudonyms must not quietly give real ids. @internal
 */
export const pseudonymKey = (keyFile: string | undefined): string | undefined => {
  if (keyFile !== undefined) {
    const key = readText(keyFile).trim()
    if (key === '') throw usageFailure(`the pseudonym key file is empty (or only whitespace): ${describePath(keyFile)}`)
    return key
  }
  const key = process.env['ORGINTEL_PSEUDONYM_KEY']
  if (key !== undefined && key.trim() === '') throw usageFailure('ORGINTEL_PSEUDONYM_KEY is set but empty (or only whitespace)')
  return key
}

const importFhir = async (parsed: ParsedCommand): Promise<Model> => {
  const input = onlyInput(parsed, 'fhir')
  const keyFile = stringOption(parsed, 'key-file')
  if (keyFile === '-' && input === '-') throw usageFailure('only one input can come from standard input (-)')
  const key = pseudonymKey(keyFile)
  const bundle = readJson(input, 'the bundle')
  const imported = await fromFhirBundle(bundle, { ...header(parsed), ...(key === undefined ? {} : { pseudonymKey: key }) })
  for (const diagnostic of imported.diagnostics) {
    process.stderr.write(`${describePath(input)}: ${diagnostic.severity}: ${diagnostic.path || '(bundle)'}: ${diagnostic.message} [${diagnostic.code}]\n`)
  }
  if (imported.model === undefined) throw new CommandFailure(`${describePath(input)} could not be imported`, exitCodes.findings)
  return imported.model
}

/** `orgintel import`: build a model from CSV, GraphML or a FHIR bundle. @internal */
export const importCommand: Command = {
  name: 'import',
  summary: 'build a model from spreadsheets (CSV), GraphML or a FHIR R4 bundle',
  usage:
    'orgintel import --from csv --actors a.csv --channels c.csv [--assets s.csv] [--loops l.csv] -o model.json\n' +
    '       orgintel import --from graphml <file.graphml|-> -o model.json\n' +
    '       orgintel import --from fhir <bundle.json|-> [--key-file secret.txt] -o model.json\n' +
    '       (--id and --name set the model id and name; the FHIR pseudonym key may also come from ORGINTEL_PSEUDONYM_KEY)',
  options: {
    from: { type: 'string' },
    actors: { type: 'string' },
    channels: { type: 'string' },
    assets: { type: 'string' },
    loops: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
    'key-file': { type: 'string' },
    ...outputOption,
  },
  async run(parsed) {
    if (stringOption(parsed, 'from') === undefined) throw usageFailure('--from is required (csv, graphml or fhir)')
    const format = choiceOption(parsed, 'from', ['csv', 'graphml', 'fhir'], 'csv')
    const out = stringOption(parsed, 'out')
    if (out === undefined) throw usageFailure('-o FILE is required (use -o - for standard output)')
    const model = format === 'csv' ? importCsv(parsed) : format === 'graphml' ? importGraphml(parsed) : await importFhir(parsed)
    writeTextAtomically(out, `${JSON.stringify(encodeModel(model), null, 2)}\n`)
    if (out !== '-') process.stderr.write(`wrote ${out}: ${countOf(model.actors.length, 'actor')}, ${countOf(model.channels.length, 'channel')}\n`)
    return exitCodes.ok
  },
}
