import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { countOf } from '../../diagnose/format-text.js'
import { fromFhirBundle } from '../../fhir/bundle.js'
import { importCsv } from '../../io/csv-read.js'
import { type InteropError, formatInteropErrors } from '../../io/errors.js'
import { fromGraphML } from '../../io/graphml-read.js'
import type { Model } from '../../model/codecs.js'
import { encodeModel } from '../../model/decode.js'
import { choiceOption, type ParsedCommand, stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { CommandFailure, exitCodes, quoteArgument, usageFailure } from '../failure.js'
import { describePath, readFailure, readText, writeTextAtomically } from '../files.js'
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

/**
 * A CSV file's bytes, so the library can tell its encoding (UTF-8, UTF-16 with a byte
 * order mark) and refuse Windows-1252 at its row instead of reading mistaken characters.
 */
const readCsvBytes = (path: string): Uint8Array => {
  try {
    return readFileSync(path === '-' ? 0 : path)
  } catch (error) {
    throw readFailure(path, error)
  }
}

const importCsvFiles = (parsed: ParsedCommand): Model => {
  const actors = stringOption(parsed, 'actors')
  const channels = stringOption(parsed, 'channels')
  if (actors === undefined || channels === undefined) throw usageFailure('import --from csv needs --actors FILE and --channels FILE')
  if (parsed.positionals.length > 0) throw usageFailure(`unexpected argument ${quoteArgument(parsed.positionals[0]!)} (CSV files are named by --actors, --channels, --assets and --loops)`)
  const assets = stringOption(parsed, 'assets')
  const loops = stringOption(parsed, 'loops')
  if ([actors, channels, assets, loops].filter((path) => path === '-').length > 1) throw usageFailure('only one input can come from standard input (-)')
  const paths = { actors, channels, ...(assets === undefined ? {} : { assets }), ...(loops === undefined ? {} : { loops }) }
  const result = importCsv(
    {
      actors: readCsvBytes(actors),
      channels: readCsvBytes(channels),
      ...(assets === undefined ? {} : { assets: readCsvBytes(assets) }),
      ...(loops === undefined ? {} : { loops: readCsvBytes(loops) }),
    },
    { ...header(parsed), files: Object.fromEntries(Object.entries(paths).map(([table, path]) => [table, describePath(path)])) },
  )
  // Each line starts with the file it is about (`actors.csv row 3, column kind: …`).
  for (const line of formatInteropErrors(result.warnings).split('\n')) if (line !== '') process.stderr.write(`warning: ${line}\n`)
  if (result.model !== undefined) return result.model
  for (const line of formatInteropErrors(result.errors).split('\n')) process.stderr.write(`${line}\n`)
  throw new CommandFailure('the CSV files could not be imported', exitCodes.findings)
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
export const givenPseudonymKey = (keyFile: string | undefined): string | undefined => {
  if (keyFile !== undefined) {
    const key = readText(keyFile).trim()
    if (key === '') throw usageFailure(`the pseudonym key file is empty (or only whitespace): ${describePath(keyFile)}`)
    return key
  }
  const key = process.env['ORGINTEL_PSEUDONYM_KEY']
  if (key !== undefined && key.trim() === '') throw usageFailure('ORGINTEL_PSEUDONYM_KEY is set but empty (or only whitespace)')
  return key
}

/**
 * The key to pseudonymise with: the given one; none only when `--keep-ids` asks for the
 * real ids; otherwise a random key for this run alone, said on stderr, because a bundle's
 * ids (a Patient id can be an NHS number) must not reach the model by default.
 */
const pseudonymKey = (parsed: ParsedCommand, keyFile: string | undefined): string | Uint8Array | undefined => {
  const keepIds = parsed.values['keep-ids'] === true
  const key = givenPseudonymKey(keyFile)
  if (keepIds) {
    if (key !== undefined) throw usageFailure(`--keep-ids cannot be used with a pseudonym key (${keyFile === undefined ? 'ORGINTEL_PSEUDONYM_KEY is set' : '--key-file'})`)
    process.stderr.write('orgintel import: --keep-ids: the model keeps the bundle\'s resource ids, which may identify people\n')
    return undefined
  }
  if (key !== undefined) return key
  process.stderr.write(
    'orgintel import: no pseudonym key given, so resource ids are replaced by pseudonyms from a random key for this run only ' +
      '(they cannot be linked to other imports; give --key-file or ORGINTEL_PSEUDONYM_KEY to link them, or --keep-ids to keep the real ids)\n',
  )
  return new Uint8Array(randomBytes(32))
}

const importFhir = async (parsed: ParsedCommand): Promise<Model> => {
  const input = onlyInput(parsed, 'fhir')
  const keyFile = stringOption(parsed, 'key-file')
  if (keyFile === '-' && input === '-') throw usageFailure('only one input can come from standard input (-)')
  const key = pseudonymKey(parsed, keyFile)
  const bundle = readJson(input, 'the bundle')
  const imported = await fromFhirBundle(bundle, {
    ...header(parsed),
    ...(key === undefined ? {} : { pseudonymKey: key }),
    ...(parsed.values['no-organisation-names'] === true ? { organisationNames: false } : {}),
  })
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
    '       orgintel import --from fhir <bundle.json|-> [--key-file secret.txt | --keep-ids] [--no-organisation-names] -o model.json\n' +
    '       (--id and --name set the model id and name. FHIR resource ids become pseudonyms: keyed by --key-file or\n' +
    '        ORGINTEL_PSEUDONYM_KEY, else by a random key for this run only; --keep-ids keeps the real ids.\n' +
    '        --no-organisation-names numbers organisations and services instead of keeping their names)',
  options: {
    from: { type: 'string' },
    actors: { type: 'string' },
    channels: { type: 'string' },
    assets: { type: 'string' },
    loops: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
    'key-file': { type: 'string' },
    'keep-ids': { type: 'boolean' },
    'no-organisation-names': { type: 'boolean' },
    ...outputOption,
  },
  async run(parsed) {
    if (stringOption(parsed, 'from') === undefined) throw usageFailure('--from is required (csv, graphml or fhir)')
    const format = choiceOption(parsed, 'from', ['csv', 'graphml', 'fhir'], 'csv')
    const out = stringOption(parsed, 'out')
    if (out === undefined) throw usageFailure('-o FILE is required (use -o - for standard output)')
    const model = format === 'csv' ? importCsvFiles(parsed) : format === 'graphml' ? importGraphml(parsed) : await importFhir(parsed)
    writeTextAtomically(out, `${JSON.stringify(encodeModel(model), null, 2)}\n`)
    if (out !== '-') process.stderr.write(`wrote ${out}: ${countOf(model.actors.length, 'actor')}, ${countOf(model.channels.length, 'channel')}\n`)
    return exitCodes.ok
  },
}
