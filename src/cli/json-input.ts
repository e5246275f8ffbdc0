import * as t from 'io-ts'
import { withoutByteOrderMark } from '../model/decode.js'
import { specErrors } from '../node/errors.js'
import { invalidInput } from './failure.js'
import { describePath, readText } from './files.js'

/** One problem in an input document: a JSON Pointer path and a message. @internal */
export interface InputProblem {
  readonly path: string
  readonly message: string
  readonly code?: string
}

/** Print problems on stderr, one line each: `source: /path: message [code]`. @internal */
export const reportProblems = (source: string, problems: ReadonlyArray<InputProblem>): void => {
  for (const problem of problems) {
    const code = problem.code === undefined ? '' : ` [${problem.code}]`
    process.stderr.write(`${source}: ${problem.path === '' ? '(document)' : problem.path}: ${problem.message}${code}\n`)
  }
}

/**
 * Read and parse a JSON file (or `-`). Invalid JSON fails with exit code 1 and the
 * position, never quoting the text itself (it may hold names). @internal
 */
export const readJson = (path: string, what: string): unknown => {
  const text = readText(path)
  try {
    return JSON.parse(withoutByteOrderMark(text)) as unknown
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1]
    throw invalidInput(`${describePath(path)}: ${what} is not valid JSON${position === undefined ? '' : ` (at character ${position})`}`)
  }
}

/**
 * Read a JSON file and decode it with `codec`; every problem is printed with its JSON
 * Pointer path and `code`, and the command ends with exit code 1. `noun` names the
 * document without an article ("list of interventions"). @internal
 */
export const readDecoded = <A>(path: string, codec: t.Decoder<unknown, A>, noun: string, code: string): A => {
  const decoded = codec.decode(readJson(path, `the ${noun}`))
  if (decoded._tag === 'Right') return decoded.right
  reportProblems(describePath(path), specErrors(decoded.left, [], 'The document').map(({ path: pointer, message }) => ({ path: pointer, message, code })))
  throw invalidInput(`${describePath(path)} is not a valid ${noun}`)
}
