import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseDiagnosisConfig } from '../../src/diagnose/config.js'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { formatDiagnosis } from '../../src/diagnose/format.js'
import { buildModel } from './build.js'

const messagesOf = (config: unknown): ReadonlyArray<string> => {
  const parsed = parseDiagnosisConfig(config)
  return E.isLeft(parsed) ? parsed.left.map((error) => error.message) : []
}

describe('config errors in plain words', () => {
  it('names what a field accepts, never an io-ts type', () => {
    expect(messagesOf({ names: 'yes' })).toEqual(['The config value at /names must be true or false, but it is "yes".'])
    expect(messagesOf({ rules: 5 })).toEqual(['The config value at /rules must be an object, but it is 5.'])
    expect(messagesOf({ plugins: [{ id: 1, description: 'd', defaultSeverity: 'error', options: { decode: () => null } }] })).toEqual([
      'The config value at /plugins/0/id must be text, but it is 1.',
      'The config value at /plugins/0/check must be a function, but it is nothing.',
    ])
    expect(messagesOf({ plugins: 'none' })).toEqual(['The config value at /plugins must be a list, but it is "none".'])
  })

  it('keeps the words a codec was named with', () => {
    expect(messagesOf({ loops: { budget: 0.5 } })).toEqual(['The config value at /loops/budget must be a whole number, 1 or more, but it is 0.5.'])
    expect(messagesOf({ rules: { 'slow-loop': 'loud' } })).toEqual([
      "The config value at /rules/slow-loop must be 'error', 'warning', 'info' or 'off', but it is \"loud\".",
    ])
  })
})

describe('text report counts', () => {
  it('says "1 day" for a loop latency of one day', () => {
    const model = buildModel({
      actors: [['p', 'patient'], ['m', 'manager']],
      assets: [['story', 'experience', 'p'], ['answer', 'response', 'm', undefined, { derivedFrom: ['story'] }]],
      channels: [
        ['tell', 'p', 'm', ['story'], { latencyDays: 0.5 }],
        ['reply', 'm', 'p', ['answer'], { latencyDays: 0.5 }],
      ],
    })
    const text = formatDiagnosis(diagnose(model), 'text')
    expect(text).toContain('round trip median 1 day, worst 1 day')
    // Rule messages are their rules' own; the summary and scorecard lines are the formatter's.
    expect(text.slice(text.indexOf('Scorecard'))).not.toMatch(/\b1 days\b/)
  })
})
