import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { defineRule } from '../../src/diagnose/define-rule.js'
import { type DiagnosisConfig, parseDiagnosisConfig } from '../../src/diagnose/config.js'
import { builtinRules } from '../../src/diagnose/rules/index.js'
import { noOptions, ruleOptions } from '../../src/diagnose/rule-options.js'
import * as t from 'io-ts'
import { buildModel } from './build.js'

const ward = buildModel({
  actors: [
    ['p', 'patient'],
    ['m', 'manager'],
    ['c', 'clinician'],
  ],
  assets: [
    ['story', 'experience', 'p'],
    ['action', 'decision', 'm'],
    ['fix', 'change', 'c'],
    ['reply', 'response', 'm'],
  ],
  channels: [
    ['tell', 'p', 'm', ['story'], { latencyDays: 10 }],
    ['answer', 'm', 'p', ['reply'], { latencyDays: 10 }],
    ['agree', 'm', 'c', ['action'], { latencyDays: 10 }],
    ['treat', 'c', 'p', ['fix'], { latencyDays: 10, polarity: undefined }],
  ],
})

describe('diagnose', () => {
  it('runs every built-in rule by default and sorts defects by severity, rule and actors', () => {
    const diagnosis = diagnose(ward)
    expect(diagnosis.options.rules.map((rule) => rule.id)).toEqual(builtinRules.map((rule) => rule.id))
    const ranks = { error: 0, warning: 1, info: 2 }
    const keys = diagnosis.defects.map((defect) => [ranks[defect.severity], defect.rule, defect.actors.join(',')].join('|'))
    expect(keys).toEqual([...keys].sort())
    expect(diagnosis.summary.total).toBe(diagnosis.defects.length)
    expect(diagnosis.summary.byRule.find((entry) => entry.rule === 'acted-not-reported')?.count).toBe(1)
  })

  it('turns rules off, changes severities and options as the config says', () => {
    const diagnosis = diagnose(ward, {
      rules: { 'acted-not-reported': 'off', 'no-memory': ['info'], 'slow-loop': ['error', { maxLatencyDays: 14 }] },
    })
    expect(diagnosis.defects.some((defect) => defect.rule === 'acted-not-reported')).toBe(false)
    expect(diagnosis.summary.byRule.some((entry) => entry.rule === 'acted-not-reported')).toBe(false)
    expect(diagnosis.defects.filter((defect) => defect.rule === 'no-memory').map((defect) => defect.severity)).toEqual(['info'])
    expect(diagnosis.defects.filter((defect) => defect.rule === 'slow-loop').map((defect) => defect.severity)).toEqual(['error'])
    const slow = diagnosis.options.rules.find((rule) => rule.id === 'slow-loop')
    expect(slow).toEqual({ id: 'slow-loop', severity: 'error', options: expect.objectContaining({ maxLatencyDays: 14 }) })
  })

  it('names actors by id unless the caller opts in to names', () => {
    const byId = diagnose(ward).defects.map((defect) => defect.message).join('\n')
    expect(byId).toContain("'p'")
    expect(byId).not.toContain('Name of')
    const byName = diagnose(ward, { names: true }).defects.map((defect) => defect.message).join('\n')
    expect(byName).toContain('Name of p')
  })

  it('runs plugins, typed with defineRule', () => {
    const everyPatient = defineRule({
      id: 'my-trust/every-patient',
      description: 'Lists every patient.',
      defaultSeverity: 'info',
      options: ruleOptions('EveryPatientOptions', { prefix: t.string }, { prefix: 'Patient' }),
      check: (context, options) =>
        context.model.actors
          .filter((actor) => actor.kind === 'patient')
          .map((actor) => ({ message: `${options.prefix} ${actor.id}.`, actors: [actor.id], channels: [] })),
    })
    const diagnosis = diagnose(ward, { plugins: [everyPatient], rules: { 'my-trust/every-patient': ['warning', { prefix: 'Person' }] } })
    expect(diagnosis.defects.filter((defect) => defect.rule === 'my-trust/every-patient')).toEqual([
      { rule: 'my-trust/every-patient', severity: 'warning', message: 'Person p.', actors: ['p'], channels: [], assets: [] },
    ])
  })

  it('type-checks configs against the rules and their options (checked by tsc)', () => {
    // @ts-expect-error: no rule has this id
    const unknownRule: DiagnosisConfig = { rules: { 'no-such-rule': 'error' } }
    // @ts-expect-error: not a level
    const badLevel: DiagnosisConfig = { rules: { 'slow-loop': 'loud' } }
    // @ts-expect-error: maxLatencyDays is a number
    const badOption: DiagnosisConfig = { rules: { 'slow-loop': ['warning', { maxLatencyDays: 'soon' }] } }
    // @ts-expect-error: the plugin's id is only known when the plugin is given
    expect(() => diagnose(ward, { rules: { 'my-trust/every-patient': 'off' } })).toThrow(/no rule has the id/i)
    const good: DiagnosisConfig = { rules: { 'slow-loop': ['warning', { maxLatencyDays: 14 }], 'no-memory': 'off' } }
    expect([unknownRule, badLevel, badOption, good].length).toBe(4)
  })

  it('throws through invariant for a typed config that is wrong at run time', () => {
    const loose = { rules: { 'no-such-rule': 'error' } } as unknown as Parameters<typeof diagnose>[1]
    expect(() => diagnose(ward, loose)).toThrow(/invariant failed.*no-such-rule/)
  })

  it('rejects a rule id that is not kebab-case', () => {
    expect(() => defineRule({ id: 'Bad Rule', description: '', defaultSeverity: 'info', options: noOptions, check: () => [] })).toThrow(
      /kebab-case/,
    )
  })
})

describe('parseDiagnosisConfig', () => {
  it('accepts a good config', () => {
    expect(E.isRight(parseDiagnosisConfig({ rules: { 'slow-loop': ['warning', { maxLatencyDays: 14 }], 'no-memory': 'off' }, names: true }))).toBe(true)
    expect(E.isRight(parseDiagnosisConfig(undefined))).toBe(true)
  })

  it('returns every problem with a JSON Pointer path, never a throw', () => {
    const result = parseDiagnosisConfig({
      rules: {
        'slow-loop': ['warning', { maxLatencyDays: -1, speed: 3 }],
        'no-such-rule': 'error',
        'no-memory': 'loud',
      },
      loops: { maxLength: 0, depth: 3 },
      colour: true,
    })
    expect(E.isLeft(result)).toBe(true)
    if (E.isRight(result)) return
    // A shape error stops the check before rules are looked at.
    expect(result.left.map((error) => [error.code, error.path])).toEqual([['invalid-config', '/loops/maxLength']])
    expect(result.left[0]!.message).toContain('/loops/maxLength')
    const second = parseDiagnosisConfig({
      rules: { 'slow-loop': ['warning', { maxLatencyDays: -1, speed: 3 }], 'no-such-rule': 'error', 'no-memory': 'loud' },
      loops: { depth: 3 },
      colour: true,
    })
    expect(E.isLeft(second) ? second.left.map((error) => [error.code, error.path]).sort() : []).toEqual(
      [
        ['invalid-options', '/rules/slow-loop/1/maxLatencyDays'],
        ['invalid-options', '/rules/slow-loop/1/speed'],
        ['unknown-rule', '/rules/no-such-rule'],
        ['invalid-setting', '/rules/no-memory'],
        ['unknown-field', '/loops/depth'],
        ['unknown-field', '/colour'],
      ].sort(),
    )
  })

  it('treats a rule id such as __proto__ as data', () => {
    const result = parseDiagnosisConfig(JSON.parse('{"rules":{"__proto__":"off"}}'))
    expect(E.isLeft(result) ? result.left.map((error) => [error.code, error.path]) : []).toEqual([['unknown-rule', '/rules/__proto__']])
  })

  it('rejects a config that is not an object, and a plugin that clashes with a built-in rule', () => {
    expect(E.isLeft(parseDiagnosisConfig(42))).toBe(true)
    const clash = { ...builtinRules[0] }
    const result = parseDiagnosisConfig({ plugins: [clash] })
    expect(E.isLeft(result) ? result.left.map((error) => [error.code, error.path]) : []).toEqual([['duplicate-rule', '/plugins/0/id']])
  })
})
