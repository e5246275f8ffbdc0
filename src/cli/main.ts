import { closestName } from '../model/suggest.js'
import { defaultMaxInputBytes } from '../node/read-text.js'
import { maxInputBytesOption, parseCommandArguments } from './args.js'
import type { Command, CommandContext } from './command.js'
import { commands } from './commands/index.js'
import { CommandFailure, exitCodeOfSignal, exitCodes, quoteArgument } from './failure.js'
import { removePendingTemporaryFiles, setMaxInputBytes } from './files.js'
import { beginFileSession } from './output-target.js'

declare const __ORGINTEL_VERSION__: string | undefined

const version = typeof __ORGINTEL_VERSION__ === 'string' ? __ORGINTEL_VERSION__ : 'development'

const helpText = (): string =>
  [
    'orgintel: find broken and missing feedback and learning loops in health and care organisations',
    '',
    'Usage: orgintel <command> [options]',
    '',
    ...commands.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`),
    '',
    'Run "orgintel <command> --help" for a command\'s options. "-" reads standard input or writes standard output.',
    'Output files are written atomically: a failed or interrupted run leaves the old file (or none), never half a file;',
    'a replaced file keeps its mode, a device or FIFO is written as it is, and a file the command reads is not',
    'overwritten unless --force is given. Every command reads at most 256 MiB from one input (--max-input-bytes N).',
    'Exit codes: 0 done; 1 invalid input or findings at or above --fail-on; 2 usage or input/output error;',
    '130/143 stopped by SIGINT/SIGTERM.',
    '',
  ].join('\n')

const commandHelp = (command: Command): string => `${command.summary}\n\nUsage: ${command.usage}\n`

const reportUnexpected = (error: unknown): void => {
  const detail = error instanceof Error ? error.message : String(error)
  process.stderr.write(`orgintel: internal error: ${detail.split('\n')[0]} (set ORGINTEL_DEBUG=1 for details, and please report it)\n`)
  if (process.env['ORGINTEL_DEBUG'] === '1' && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`)
}

const neverAborted: CommandContext = { signal: new AbortController().signal }

/**
 * Run the command line and resolve to the exit code (see `exitCodes`). User errors
 * print one line on stderr; only a bug prints more, and its stack only with
 * ORGINTEL_DEBUG=1.
 * @internal
 */
export const main = async (argv: ReadonlyArray<string>, context: CommandContext = neverAborted): Promise<number> => {
  const [name, ...rest] = argv
  if (name === undefined) {
    process.stderr.write(helpText())
    return exitCodes.usage
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(helpText())
    return exitCodes.ok
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version}\n`)
    return exitCodes.ok
  }
  const command = commands.find((candidate) => candidate.name === name)
  try {
    if (command === undefined) {
      const closest = closestName(name, commands.map((candidate) => candidate.name))
      throw new CommandFailure(`unknown command ${quoteArgument(name)}${closest === undefined ? '; run' : `; did you mean "${closest}"? Run`} "orgintel --help"`)
    }
    const parsed = parseCommandArguments(rest, command.options)
    if (parsed.values['help'] === true) {
      process.stdout.write(commandHelp(command))
      return exitCodes.ok
    }
    beginFileSession({ force: parsed.values['force'] === true })
    setMaxInputBytes(maxInputBytesOption(parsed, defaultMaxInputBytes))
    return await command.run(parsed, context)
  } catch (error) {
    if (error instanceof CommandFailure) {
      process.stderr.write(`orgintel${command === undefined ? '' : ` ${command.name}`}: ${error.message}\n`)
      return error.exitCode
    }
    reportUnexpected(error)
    return exitCodes.usage
  }
}

const stopNow = (signal: string): never => {
  removePendingTemporaryFiles()
  process.stderr.write(`orgintel: stopped by ${signal}; no output file was left half-written\n`)
  process.exit(exitCodeOfSignal(signal))
}

/** How long a command that stops on signals may take to clean up before the process ends anyway. */
const graceMilliseconds = 5000

/**
 * The executable's entry: wires signals (SIGINT/SIGTERM abort the running command;
 * a second signal, or a command that does not watch for them, ends the process at
 * once after removing temporary files), runs `main`, sets the exit code.
 * @internal
 */
export const runCli = async (): Promise<void> => {
  const controller = new AbortController()
  const argv = process.argv.slice(2)
  const watchesSignals = commands.find((command) => command.name === argv[0])?.stopsOnSignal === true
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!watchesSignals || controller.signal.aborted) stopNow(signal)
    controller.abort(signal)
    setTimeout(() => stopNow(signal), graceMilliseconds).unref()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  process.on('uncaughtException', (error) => {
    removePendingTemporaryFiles()
    reportUnexpected(error)
    process.exit(exitCodes.usage)
  })
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe (orgintel … | head) is not an error worth a message.
    if (error.code === 'EPIPE') process.exit(exitCodes.ok)
  })
  process.exitCode = await main(argv, { signal: controller.signal, signalsArrive: true })
}
