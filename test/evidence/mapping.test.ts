import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { careOpinionMapping } from '../../src/evidence/care-opinion.js'
import { formatEvidenceErrors } from '../../src/evidence/errors.js'
import { parseTimestamp, parseTimestampByPattern } from '../../src/evidence/events.js'
import { decodeStageMapping } from '../../src/evidence/mapping.js'
import { wardMappingInput, wardModel } from './ward-log.js'

const model = wardModel()

describe('decodeStageMapping', () => {
  it('accepts the ward mapping and the Care Opinion preset', () => {
    expect(E.isRight(decodeStageMapping(wardMappingInput, model))).toBe(true)
    const decoded = decodeStageMapping({ ...careOpinionMapping, actors: { 'Ward 7 manager': 'ward-manager' } }, model)
    expect(E.isRight(decoded) && decoded.right.stageOf.get('change made')).toBe('changed')
  })

  it('reports unknown fields with a path and a suggestion, and every shape error, in one pass', () => {
    const result = decodeStageMapping({ stages: { raised: ['a'], replyed: ['b'] }, colums: {}, toleranceDays: -1, ignore: 'x' }, model)
    expect(E.isLeft(result) && result.left).toEqual([
      { code: 'unknown-field', path: '/colums', message: 'The stage mapping has no field "colums" at /colums (did you mean "columns"?).' },
      { code: 'unknown-field', path: '/stages/replyed', message: 'The stage mapping has no field "replyed" at /stages/replyed (did you mean "replied"?).' },
      expect.objectContaining({ code: 'invalid-mapping', path: '/ignore' }),
      expect.objectContaining({ code: 'invalid-mapping', path: '/toleranceDays' }),
    ])
  })

  it('reports unknown actors and assets with a suggestion and activities mapped twice', () => {
    const result = decodeStageMapping(
      { stages: { raised: ['Story posted'], replied: ['Story posted'] }, actors: { Manager: 'ward-manger' }, sources: { 'Story posted': 'patient-story' }, outcomes: { yes: 'done' } },
      model,
    )
    expect(E.isLeft(result) && result.left.map((error) => [error.code, error.path])).toEqual([
      ['duplicate-activity', '/stages/replied/0'],
      ['unknown-reference', '/actors/Manager'],
      ['unknown-reference', '/sources/Story posted'],
      ['invalid-mapping', '/outcomes/yes'],
    ])
    expect(E.isLeft(result) && formatEvidenceErrors(result.left)).toContain('/actors/Manager: The model has no actor "ward-manger" (did you mean "ward-manager"?).')
    expect(E.isLeft(result) && result.left[2]!.message).toContain('did you mean "patient-stories"?')
  })

  it('keeps names such as __proto__ as names', () => {
    const result = decodeStageMapping(JSON.parse('{"stages":{"raised":["__proto__"]},"actors":{"__proto__":"pals"}}'), model)
    expect(E.isRight(result) && [result.right.stageOf.get('__proto__'), result.right.actorOf.get('__proto__')]).toEqual(['raised', 'pals'])
  })
})

describe('parseTimestamp', () => {
  it('reads ISO 8601 dates and times as days since 1970 in UTC', () => {
    expect(parseTimestamp('1970-01-02')).toBe(1)
    expect(parseTimestamp('2026-01-01')).toBe(20_454)
    expect(parseTimestamp('2026-01-01T12:00')).toBe(20_454.5)
    expect(parseTimestamp('2026-01-01 13:00:00+01:00')).toBe(20_454.5)
    expect(parseTimestamp('2026-01-01T06:00:00.000Z')).toBe(20_454.25)
    expect(parseTimestamp('2024-02-29')).toBe(19_782)
  })

  it('refuses what is not a date', () => {
    for (const text of ['yesterday', '2026-02-30', '2025-02-29', '2026-13-01', '2026-01-01T24:00', '01/02/2026', '']) expect(parseTimestamp(text)).toBeUndefined()
  })

  it('reads every text as the pattern does, to the last bit, whether or not it takes the digit-by-digit path', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((value) => String(value).padStart(2, '0'))
    const nearlyIso = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }).map((value) => String(value).padStart(4, '0')),
        month: two(13),
        day: two(32),
        time: fc.option(fc.record({ separator: fc.constantFrom('T', ' ', 't', '_'), hour: two(25), minute: two(61), second: fc.option(two(61)), fraction: fc.option(fc.stringMatching(/^[0-9]{0,11}$/)) })),
        zone: fc.constantFrom('', 'Z', 'z', ' Z', '+01:00', '-02:30', '+0530', '-00:00', '+1:00', '+01:0', '+99:99', ' ', '\u00a0', 'x'),
      })
      .map(({ year, month, day, time, zone }) => {
        const clock = time === null ? '' : `${time.separator}${time.hour}:${time.minute}${time.second === null ? '' : `:${time.second}${time.fraction === null ? '' : `.${time.fraction}`}`}`
        return `${year}-${month}-${day}${clock}${zone}`
      })
    const noise = fc.array(fc.constantFrom('0', '1', '9', '-', ':', 'T', ' ', 'Z', '+', '.'), { maxLength: 26 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(nearlyIso, noise, nearlyIso.chain((text) => fc.integer({ min: 0, max: text.length }).map((end) => text.slice(0, end)))), (text) => {
        expect(Object.is(parseTimestamp(text), parseTimestampByPattern(text))).toBe(true)
      }),
      { numRuns: 5000 },
    )
  })
})
