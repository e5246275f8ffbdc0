import { constants as bufferConstants } from 'node:buffer'
import { parseArgs } from 'node:util'
import { closestName } from '../model/suggest.js'
import { quoteArgument, usageFailure } from './failure.js'

/** The flags a command accepts. @internal */
export type OptionSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string; readonly multiple?: boolean }>>

/** A command's parsed flags and positional arguments. @internal */
export interface ParsedCommand {
  readonly positionals: ReadonlyArray<string>
  readonly values: Readonly<Record<string, string | boolean | ReadonlyArray<string> | undefined>>
}

/** Flags every command takes. */
const commonOptions = { help: { type: 'boolean', short: 'h' }, 'max-input-bytes': { type: 'string' } } as const

const optionNameIn = (message: string): string => /'(?:-[^-' ], )?(-[^' <]+)/.exec(message)?.[1] ?? 'an option'

/** `" (did you mean --format?)"` for a flag close to one of `names`, else `""`. */
const didYouMeanFlag = (flag: string, names: ReadonlyArray<string>): string => {
  const closest = flag.startsWith('--') ? closestName(flag.slice(2), names) : undefined
  return closest === undefined ? '' : ` (did you mean --${closest}?)`
}

/** Turn `parseArgs`' multi-sentence errors into one short line. */
const describeParseError = (error: unknown, names: ReadonlyArray<string>): string => {
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : ''
  const name = optionNameIn(message)
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${name}${didYouMeanFlag(name, names)}`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (message.includes('does not take an argument')) return `${name} takes no value`
      if (message.includes('ambiguous')) return `${name} needs a value (to pass one that starts with "-", write ${name}=VALUE)`
      return `${name} needs a value`
    default:
      return message.split('\n')[0] || 'bad arguments'
  }
}

/**
 * Parse a command's arguments strictly: an unknown flag, a flag without its value and
 * a flag given twice are usage errors, not ignored. `-` is a positional (standard
 * input or output); `--` ends the flags.
 * @internal
 */
export const parseCommandArguments = (argv: ReadonlyArray<string>, options: OptionSpec): ParsedCommand => {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, ...commonOptions },
      allowPositionals: true,
      strict: true,
      tokens: true,
    })
  } catch (error) {
    throw usageFailure(`${describeParseError(error, [...Object.keys(options), ...Object.keys(commonOptions)])}; see --help`)
  }
  const seen = new Set<string>()
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue
    if (seen.has(token.name) && options[token.name]?.multiple !== true) throw usageFailure(`--${token.name} is given more than once`)
    seen.add(token.name)
  }
  return { values: parsed.values as ParsedCommand['values'], positionals: parsed.positionals }
}

/** A string option, or `undefined`. @internal */
export const stringOption = (parsed: ParsedCommand, name: string): string | undefined => {
  const value = parsed.values[name]
  return typeof value === 'string' ? value : undefined
}

/** Every value of a repeatable option (`multiple: true`), in the order given; none when absent. @internal */
export const repeatedOption = (parsed: ParsedCommand, name: string): ReadonlyArray<string> => {
  const value = parsed.values[name]
  return typeof value === 'string' ? [value] : Array.isArray(value) ? (value as ReadonlyArray<string>) : []
}

/** A string option the command cannot do without. @internal */
export const requiredOption = (parsed: ParsedCommand, name: string, hint: string): string => {
  const value = stringOption(parsed, name)
  if (value === undefined) throw usageFailure(`--${name} is required (${hint})`)
  return value
}

/**
 * Parse a whole number written in plain digits (no sign, exponent, hex or spaces), at
 * least `minimum`. `what` names it in the error. @internal
 */
export const parseWholeNumber = (text: string, what: string, minimum = 0): number => {
  const value = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw usageFailure(`${what} must be a whole number, ${minimum} or more (got ${quoteArgument(text, 20)})`)
  }
  return value
}

/** A whole-number option within bounds, or the fallback when absent. @internal */
export const integerOption = (parsed: ParsedCommand, name: string, fallback: number, minimum = 0): number => {
  const text = stringOption(parsed, name)
  return text === undefined ? fallback : parseWholeNumber(text, `--${name}`, minimum)
}

/** A seed: any safe integer, negative included, in plain digits. @internal */
export const seedOption = (parsed: ParsedCommand, name: string): number => {
  const text = requiredOption(parsed, name, 'a whole number; the same seed gives the same result')
  const value = /^-?\d{1,16}$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value)) throw usageFailure(`--${name} must be a whole number (got ${quoteArgument(text, 20)})`)
  return value
}

/** An option whose value must be one of `choices`. @internal */
export const choiceOption = <C extends string>(parsed: ParsedCommand, name: string, choices: ReadonlyArray<C>, fallback: C): C =>
  optionalChoiceOption(parsed, name, choices) ?? fallback

/** An option that may be left out, whose value must otherwise be one of `choices`. @internal */
export const optionalChoiceOption = <C extends string>(parsed: ParsedCommand, name: string, choices: ReadonlyArray<C>): C | undefined => {
  const text = stringOption(parsed, name)
  if (text === undefined) return undefined
  if (!(choices as ReadonlyArray<string>).includes(text)) {
    const closest = closestName(text, choices)
    throw usageFailure(`--${name} must be one of ${choices.join(', ')} (got ${quoteArgument(text, 20)}${closest === undefined ? '' : `; did you mean ${closest}?`})`)
  }
  return text as C
}

/** The single positional argument a command needs. @internal */
export const onePositional = (parsed: ParsedCommand, what: string): string => {
  const [first, ...rest] = parsed.positionals
  if (first === undefined) throw usageFailure(`missing ${what}`)
  if (rest.length > 0) throw usageFailure(`unexpected argument ${quoteArgument(rest[0]!)}`)
  return first
}

/** Fail when a command that takes no positional arguments is given one. @internal */
export const noPositionals = (parsed: ParsedCommand): void => {
  const [first] = parsed.positionals
  if (first !== undefined) throw usageFailure(`unexpected argument ${quoteArgument(first)}`)
}

/**
 * `--max-input-bytes N`: the most bytes one input file may have, from 1 to the largest
 * buffer Node.js can hold; `fallback` when absent. @internal
 */
export const maxInputBytesOption = (parsed: ParsedCommand, fallback: number): number => {
  const text = stringOption(parsed, 'max-input-bytes')
  if (text === undefined) return fallback
  const value = parseWholeNumber(text, '--max-input-bytes', 1)
  if (value > bufferConstants.MAX_LENGTH) throw usageFailure(`--max-input-bytes must be at most ${bufferConstants.MAX_LENGTH} (got ${quoteArgument(text, 20)})`)
  return value
}
