/**
 * Fuzzing the front door (issue 8): at least 100,000 documents per run, split across
 * valid, mutated-valid, arbitrary JSON and raw text. `decodeModel` and `parseModel`
 * must never throw and must always return a model or errors that point into the input.
 *
 * FUZZ_DOCS sets the number of documents (`npm run fuzz` runs 2,000,000), FUZZ_SEED the
 * run seed. A failure prints its category and document seed; `generateModel(createRandom(seed))`
 * rebuilds the document.
 */
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import { compileGraph, decodeModel, parseModel } from '../../src/index.js'
import { checkDecodeResult } from './check-result.js'
import { type JsonObject, generateModel } from './generate-model.js'
import { type Expectation, mutations } from './mutate.js'
import { createRandom } from './random.js'
import { Tally, documentSeed } from './tally.js'
import { corruptText, nonJsonValues } from './text-corruption.js'
import { fuzzArbitraryJson } from './arbitrary-json.js'

const totalDocuments = Number(process.env['FUZZ_DOCS'] ?? 100_000)
const runSeed = Number(process.env['FUZZ_SEED'] ?? 20_120_601)
const shares = { valid: 0.25, mutated: 0.4, arbitrary: 0.2, text: 0.15 } as const
const count = (share: number): number => Math.ceil(totalDocuments * share)
const tally = new Tally()
const textMutations = mutations.filter((mutation) => mutation.name !== 'deep nesting')

/** Decode, time and check one value; throws never escape. */
const tryDecode = (category: string, seed: number, input: unknown, expectation: Expectation | undefined, namesPlanted: boolean): boolean => {
  const started = performance.now()
  let problems: ReadonlyArray<string>
  let outcome: 'valid' | 'invalid' = 'invalid'
  try {
    const result = decodeModel(input)
    outcome = E.isRight(result) ? 'valid' : 'invalid'
    problems = checkDecodeResult(input, result, { namesPlanted, expectation })
    if (E.isRight(result)) {
      const graph = compileGraph(result.right)
      if (graph.edgeCount > result.right.channels.length) problems = [...problems, 'compileGraph made more edges than channels']
    }
  } catch (error) {
    problems = [`threw: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`]
  }
  tally.record(category, outcome, performance.now() - started, seed, problems)
  return problems.length === 0
}

const failuresIn = (prefix: string): ReadonlyArray<string> =>
  tally.failures.filter((f) => f.category.startsWith(prefix)).map((f) => `${f.category} seed ${f.seed}: ${f.problems.join('; ')}`)

describe(`fuzzing decodeModel and parseModel (${totalDocuments} documents, seed ${runSeed})`, () => {
  afterAll(() => {
    console.log(tally.format('front-door fuzz'))
  })

  it('decodes every generated valid document', () => {
    for (let i = 0; i < count(shares.valid); i++) {
      const seed = documentSeed(runSeed, 0, i)
      const random = createRandom(seed)
      const document = generateModel(random, { maxActors: 12, hostility: 0.15 })
      tryDecode('valid', seed, document, { kind: 'valid' }, true)
    }
    expect(failuresIn('valid')).toEqual([])
  })

  it('reports mutated documents with errors that point into them', () => {
    for (let i = 0; i < count(shares.mutated); i++) {
      const seed = documentSeed(runSeed, 1, i)
      const random = createRandom(seed)
      const document = generateModel(random, { maxActors: 8, hostility: 0.15 })
      const stacked = random.chance(0.25) ? random.between(2, 4) : 1
      let root: unknown = document
      let expectation: Expectation | undefined
      const names: string[] = []
      for (let k = 0; k < stacked && root === document; k++) {
        const mutation = random.pick(mutations)
        const applied = mutation.apply(random, document)
        if (applied === undefined) continue
        root = applied.root
        expectation = stacked === 1 ? applied.expectation : { kind: 'any' }
        names.push(mutation.name)
      }
      if (random.chance(0.05) && root === document) {
        root = nonJsonValues(random, document)
        names.push('non-JSON value')
        expectation = { kind: 'any' }
      }
      const category =
        names.length === 0 ? 'mutated: none applied' : names.length === 1 ? `mutated: ${names[0]}` : 'mutated: several at once'
      tryDecode(category, seed, root, expectation, true)
    }
    expect(failuresIn('mutated')).toEqual([])
  })

  it('never throws on arbitrary JSON values', () => {
    fuzzArbitraryJson(count(shares.arbitrary), runSeed, (category, seed, value) => tryDecode(category, seed, value, undefined, false))
    expect(failuresIn('arbitrary')).toEqual([])
  })

  it('parses text: syntax errors have a line and column, valid JSON agrees with decodeModel', () => {
    for (let i = 0; i < count(shares.text); i++) {
      const seed = documentSeed(runSeed, 3, i)
      const random = createRandom(seed)
      const document: JsonObject = generateModel(random, { maxActors: 6, hostility: 0.15 })
      // Deep nesting is left to corruptText: JSON.stringify itself would overflow.
      if (random.chance(0.3)) random.pick(textMutations).apply(random, document)
      const { text, category } = corruptText(random, JSON.stringify(document, null, random.pick([undefined, 2, '\t'])))
      const started = performance.now()
      let problems: string[] = []
      let outcome: 'valid' | 'invalid' = 'invalid'
      try {
        const result = parseModel(text)
        outcome = E.isRight(result) ? 'valid' : 'invalid'
        // parseModel skips one leading byte order mark (documented); the oracle does too.
        const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
        let parsed: { ok: true; value: unknown } | { ok: false }
        try {
          parsed = { ok: true, value: JSON.parse(body) }
        } catch {
          parsed = { ok: false }
        }
        if (parsed.ok) {
          problems = [...checkDecodeResult(parsed.value, result, { namesPlanted: true })]
          if (JSON.stringify(result) !== JSON.stringify(decodeModel(parsed.value))) problems.push('parseModel and decodeModel(JSON.parse) disagree')
        } else problems = syntaxErrorProblems(body, result)
      } catch (error) {
        problems = [`threw: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`]
      }
      tally.record(`text: ${category}`, outcome, performance.now() - started, seed, problems)
    }
    expect(failuresIn('text')).toEqual([])
  })
})

/** A syntax error must be one `invalid-json` error with a line and column inside the text. */
const syntaxErrorProblems = (text: string, result: ReturnType<typeof parseModel>): string[] => {
  if (!E.isLeft(result)) return ['invalid JSON decoded']
  const [error, ...rest] = result.left
  if (error === undefined || error.code !== 'invalid-json' || rest.length > 0) return ['invalid JSON not reported as one invalid-json error']
  const lines = text.split('\n')
  const line = error.line ?? 0
  const column = error.column ?? 0
  if (line < 1 || line > lines.length) return [`line ${line} outside 1..${lines.length}`]
  if (column < 1 || column > lines[line - 1]!.length + 1) return [`column ${column} outside line ${line}`]
  if (error.message.length > 300) return ['syntax error message too long (does it quote the input?)']
  return []
}
