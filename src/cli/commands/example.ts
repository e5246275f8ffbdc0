import { closestName } from '../../model/suggest.js'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseModel } from '../../model/decode.js'
import { stringOption } from '../args.js'
import { type Command, outputOption } from '../command.js'
import { exitCodes, quoteArgument, usageFailure } from '../failure.js'
import { readText, writeTextAtomically } from '../files.js'

/**
 * The bundled example models, shipped in the package as `examples/models/*.json`. The
 * folder is found by walking up from this file, which sits in `src/cli/commands/` in a
 * clone and in `dist/` in an installed package.
 */
const examplesFolder = (): string | undefined => {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(folder, 'examples', 'models')
    if (existsSync(candidate)) return candidate
    const parent = dirname(folder)
    if (parent === folder) break
    folder = parent
  }
  return undefined
}

const exampleNames = (folder: string): ReadonlyArray<string> =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort()

/** One line per example: its name and the model's own name. */
const listing = (folder: string): string =>
  exampleNames(folder)
    .map((name) => {
      const parsed = parseModel(readText(join(folder, `${name}.json`)))
      return `${name}${parsed._tag === 'Right' ? `  ${parsed.right.name}` : ''}\n`
    })
    .join('')

/** `orgintel example`: list the bundled example models, or write one out to start from. @internal */
export const exampleCommand: Command = {
  name: 'example',
  summary: 'list the bundled example models, or write one (to standard output or -o file)',
  usage: 'orgintel example [name] [-o model.json]',
  options: outputOption,
  async run(parsed) {
    const [name, extra] = parsed.positionals
    if (extra !== undefined) throw usageFailure(`unexpected argument ${quoteArgument(extra)}`)
    const folder = examplesFolder()
    if (folder === undefined) throw usageFailure('the example models are missing from this installation (examples/models)')
    if (name === undefined) {
      writeTextAtomically(stringOption(parsed, 'out') ?? '-', listing(folder))
      return exitCodes.ok
    }
    const names = exampleNames(folder)
    if (!names.includes(name)) {
      const close = names.filter((candidate) => candidate.includes(name.toLowerCase()))
      const likely = close.length === 1 ? close[0] : closestName(name, names)
      const hint = likely === undefined ? '' : ` (did you mean ${likely}?)`
      throw usageFailure(`there is no example called ${quoteArgument(name)}${hint}; the examples are ${names.join(', ')}`)
    }
    writeTextAtomically(stringOption(parsed, 'out') ?? '-', readText(join(folder, `${name}.json`)))
    return exitCodes.ok
  },
}
