/**
 * Exit codes of the `orgintel` command.
 * - `0`: done; no findings at or above `--fail-on`.
 * - `1`: the input is invalid (a model, spec, parameters or files to merge), there
 *   are findings at or above `--fail-on`, or a run of a sweep failed (the other runs'
 *   rows are kept).
 * - `2`: usage error (unknown command or flag, missing or bad argument) or an
 *   input/output error (a file that cannot be read or written).
 * - `130` / `143`: stopped by SIGINT / SIGTERM (128 + the signal number); no output
 *   file is left half-written.
 * @internal
 */
export const exitCodes = { ok: 0, findings: 1, usage: 2, interrupted: 130, terminated: 143 } as const

/**
 * A failure the user can fix: printed as one line on stderr, never with a stack trace.
 * @internal
 */
export class CommandFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.usage,
  ) {
    super(message)
    this.name = 'CommandFailure'
  }
}

/** A usage error (exit code 2). @internal */
export const usageFailure = (message: string): CommandFailure => new CommandFailure(message, exitCodes.usage)

/** An invalid input document (exit code 1). @internal */
export const invalidInput = (message: string): CommandFailure => new CommandFailure(message, exitCodes.findings)

/** The exit code for a run stopped by `signal`. @internal */
export const exitCodeOfSignal = (signal: string): number => (signal === 'SIGTERM' ? exitCodes.terminated : exitCodes.interrupted)

/** Quote a user-supplied word for a one-line message, cut to `limit` characters. @internal */
export const quoteArgument = (text: string, limit = 40): string =>
  JSON.stringify(text.length > limit ? `${text.slice(0, limit)}…` : text)
