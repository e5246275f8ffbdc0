/**
 * Fuzzing the other front doors (issue 8): `fromCsv`, `fromGraphML` and
 * `fromFhirBundle` never throw (or reject) on what they are given: exports of valid
 * models round-trip, damaged and arbitrary input comes back as errors with known
 * codes, and no message quotes a name. FUZZ_INTEROP_DOCS sets the count per importer.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import { fromFhirBundle } from '../../src/fhir/index.js'
import { fromCsv, fromGraphML, toCsv, toGraphML } from '../../src/io/index.js'
import { decodeModel } from '../../src/index.js'
import type { Model } from '../../src/index.js'
import { errorCodes } from './check-result.js'
import { generateModel } from './generate-model.js'
import { freeTextMarker, nameMarker } from './hostile-text.js'
import { pathPointsIntoInput } from './pointer.js'
import { createRandom } from './random.js'
import { Tally, documentSeed } from './tally.js'
import { corruptText } from './text-corruption.js'

const documents = Number(process.env['FUZZ_INTEROP_DOCS'] ?? 4_000)
const runSeed = Number(process.env['FUZZ_SEED'] ?? 20_120_601)
const tally = new Tally()
const interopCodes = new Set([...errorCodes, 'invalid-csv', 'missing-column', 'unknown-column', 'extra-cell', 'invalid-xml', 'unsupported-xml', 'invalid-graphml'])

const validModel = (seed: number): Model => {
  const result = decodeModel(generateModel(createRandom(seed), { maxActors: 8, hostility: 0.15 }))
  if (!E.isRight(result)) throw new Error(`generated model ${seed} does not decode`)
  return result.right
}

type Outcome = E.Either<ReadonlyArray<{ code: string; message: string }>, Model>

/** Problems with an importer's result; `roundTrip` is the model that was exported, if any. */
const interopProblems = (result: Outcome, roundTrip: Model | undefined): string[] => {
  if (!E.isLeft(result) && !E.isRight(result)) return ['result is not an Either']
  if (E.isRight(result)) {
    if (roundTrip !== undefined && JSON.stringify(result.right.actors.map((a) => a.id)) !== JSON.stringify(roundTrip.actors.map((a) => a.id))) {
      return ['round trip changed the actor ids']
    }
    return []
  }
  if (roundTrip !== undefined) return [`export of a valid model re-imports with ${result.left[0]?.code}: ${result.left[0]?.message.slice(0, 200)}`]
  return result.left.flatMap((error) => [
    ...(interopCodes.has(error.code) ? [] : [`unknown code ${error.code}`]),
    ...(typeof error.message === 'string' && error.message.length > 0 ? [] : [`${error.code}: empty message`]),
    ...((error.message.includes(nameMarker) || error.message.includes(freeTextMarker))
      ? [`${error.code}: message quotes a name`]
      : []),
  ])
}

const attempt = (category: string, seed: number, run: () => { result: Outcome; roundTrip?: Model }): void => {
  const started = performance.now()
  try {
    const { result, roundTrip } = run()
    tally.record(category, E.isRight(result) ? 'valid' : 'invalid', performance.now() - started, seed, interopProblems(result, roundTrip))
  } catch (error) {
    tally.record(category, 'invalid', performance.now() - started, seed, [`threw: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`])
  }
}

const failuresIn = (prefix: string): string[] =>
  tally.failures.filter((f) => f.category.startsWith(prefix)).map((f) => `${f.category} seed ${f.seed}: ${f.problems.join('; ')}`)

describe(`fuzzing the interop importers (${documents} documents each)`, () => {
  afterAll(() => console.log(tally.format('interop fuzz')))

  it('fromCsv: exports round-trip, damaged tables are errors, nothing throws', () => {
    for (let i = 0; i < documents; i++) {
      const seed = documentSeed(runSeed, 10, i)
      const random = createRandom(seed)
      const model = validModel(seed)
      const tables = toCsv(model)
      if (random.chance(0.3)) {
        attempt('csv: round trip', seed, () => ({ result: fromCsv(tables), roundTrip: model }))
        continue
      }
      const table = random.pick(['actors', 'channels', 'assets', 'loops'] as const)
      const { text, category } = corruptText(random, tables[table])
      attempt(`csv: ${table} ${category}`, seed, () => ({ result: fromCsv({ ...tables, [table]: text }) }))
    }
    expect(failuresIn('csv')).toEqual([])
  })

  // When a header row holds data (a row merged into it, or no header at all), the
  // cell may be a person's name: the unknown-column message must not quote it.
  it('fromCsv: an unknown-column message does not quote a header cell that holds a name', () => {
    const result = fromCsv({ actors: `id,${nameMarker} Jane Smith,kind,levels\na1,x,patient,delivery`, channels: 'id,from,to,carries,level' })
    expect(E.isLeft(result)).toBe(true)
    if (E.isLeft(result)) for (const error of result.left) expect(error.message).not.toContain(nameMarker)
  })

  it('fromGraphML: exports round-trip, damaged XML is an error, nothing throws', () => {
    const hostileXml = [
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><graphml><graph edgedefault="directed"><node id="&lol4;"/></graph></graphml>',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><graphml><graph><node id="&xxe;"/></graph></graphml>',
      `<graphml>${'<graph>'.repeat(20_000)}`,
      '<graphml><graph><node id="__proto__"/><node id="constructor"/><edge source="__proto__" target="constructor"/></graph></graphml>',
    ]
    hostileXml.forEach((text, i) => attempt('graphml: hostile XML', i, () => ({ result: fromGraphML(text) })))
    for (let i = 0; i < documents; i++) {
      const seed = documentSeed(runSeed, 11, i)
      const random = createRandom(seed)
      const model = validModel(seed)
      const xml = toGraphML(model)
      if (random.chance(0.3)) {
        attempt('graphml: round trip', seed, () => ({ result: fromGraphML(xml), roundTrip: model }))
        continue
      }
      const { text, category } = corruptText(random, xml)
      attempt(`graphml: ${category}`, seed, () => ({ result: fromGraphML(text) }))
    }
    expect(failuresIn('graphml')).toEqual([])
  })

  it('fromFhirBundle: never rejects; diagnostics have known severities and paths into the bundle', async () => {
    const bundleShaped = fc.record({
      resourceType: fc.constantFrom('Bundle', 'Patient', 'bundle'),
      type: fc.constantFrom('collection', 'transaction', 'searchset'),
      entry: fc.array(
        fc.record({
          fullUrl: fc.oneof(fc.constantFrom('urn:uuid:1', 'Patient/__proto__', 'Practitioner/constructor'), fc.string()),
          resource: fc.dictionary(
            fc.constantFrom('resourceType', 'id', 'name', 'sender', 'recipient', 'subject', 'author', 'payload', 'code', 'item', 'managingOrganization', '__proto__'),
            fc.oneof(fc.constantFrom('Patient', 'Practitioner', 'Organization', 'Communication', 'QuestionnaireResponse', 'RelatedPerson', 'CareTeam'), fc.jsonValue({ maxDepth: 3 })),
          ),
        }, { requiredKeys: [] }),
        { maxLength: 8 },
      ),
    }, { requiredKeys: ['resourceType'] })
    await fc.assert(
      fc.asyncProperty(fc.oneof(bundleShaped, fc.jsonValue({ maxDepth: 4 })), async (bundle) => {
        const started = performance.now()
        const problems: string[] = []
        let outcome: 'valid' | 'invalid' = 'invalid'
        try {
          const imported = await fromFhirBundle(bundle)
          outcome = imported.model === undefined ? 'invalid' : 'valid'
          for (const diagnostic of imported.diagnostics) {
            if (!['error', 'warning', 'info'].includes(diagnostic.severity)) problems.push(`severity ${diagnostic.severity}`)
            if (!pathPointsIntoInput(bundle, diagnostic.path, 'missing-field')  && !pathPointsIntoInput(bundle, diagnostic.path, diagnostic.code)) {
              problems.push(`${diagnostic.code}: path '${diagnostic.path}' does not point into the bundle`)
            }
          }
          if (imported.model !== undefined && !E.isRight(decodeModel(imported.model))) problems.push('imported model does not decode')
        } catch (error) {
          problems.push(`rejected: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`)
        }
        tally.record('fhir: arbitrary bundles', outcome, performance.now() - started, 0, problems)
        return problems.length === 0
      }),
      { seed: runSeed, numRuns: documents },
    )
  })
})
