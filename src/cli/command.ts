import type { OptionSpec, ParsedCommand } from './args.js'

/** What a running command may need from the process around it. @internal */
export interface CommandContext {
  /** Aborted on SIGINT or SIGTERM; the reason is the signal's name. */
  readonly signal: AbortSignal
  /**
   * `true` in the executable, where SIGINT and SIGTERM abort `signal`. A signal reaches
   * JavaScript only between tasks, so a command then moves long synchronous work (a
   * simulation) to a worker thread it can stop; called in-process it need not.
   */
  readonly signalsArrive?: boolean
}

/** One `orgintel` sub-command. `run` resolves to the exit code. @internal */
export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  readonly options: OptionSpec
  /**
   * `true` when `run` watches `context.signal` and cleans up itself; otherwise a
   * signal removes pending temporary files and ends the process at once.
   */
  readonly stopsOnSignal?: boolean
  run(parsed: ParsedCommand, context: CommandContext): Promise<number>
}

/**
 * Options shared by commands that write a file: `-o FILE`, and `--force` to let it
 * overwrite a file the command reads. @internal
 */
export const outputOption = { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } } as const
