import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseModel } from '../../../src/model/decode.js'
import { diagnose } from '../../../src/diagnose/diagnose.js'

const voiceRules = [
  'experience-excluded',
  'learning-stuck',
  'missing-level-loop',
  'no-lay-voice',
  'no-memory',
  'no-sensemaking',
  'single-loop-trap',
  'single-point-of-failure',
  'tokenistic-participation',
  'unused-knowledge',
]

const bundled = (name: string) => {
  const parsed = parseModel(readFileSync(new URL(`../../../examples/models/${name}.json`, import.meta.url), 'utf8'))
  if (E.isLeft(parsed)) throw new Error(name)
  return diagnose(parsed.right).defects.filter((defect) => voiceRules.includes(defect.rule))
}

describe('the voice and learning rules on bundled models', () => {
  it('keep the healthy reference quiet: no warning, and at most one note per lay actor', () => {
    const defects = bundled('healthy-reference')
    expect(defects.filter((defect) => defect.severity !== 'info')).toEqual([])
    expect(defects.every((defect) => defect.rule === 'single-point-of-failure')).toBe(true)
  })

  it('on the acute ward: the level only learns in the single loop, and the themes report and the "you said, we did" board go nowhere', () => {
    const defects = bundled('acute-ward-fft')
    expect(defects.filter((defect) => defect.rule === 'single-loop-trap').map((defect) => defect.level)).toEqual(['delivery'])
    // Said once: the broken declared loop brings both back, so unused-knowledge gives way;
    // the board's performance report, which no finding delivers, is still said to go nowhere.
    const model = parseModel(readFileSync(new URL('../../../examples/models/acute-ward-fft.json', import.meta.url), 'utf8'))
    const broken = E.isRight(model) ? diagnose(model.right).defects.find((defect) => defect.rule === 'declared-loop-broken') : undefined
    expect(broken?.repair?.flatMap((channel) => channel.carries)).toEqual(expect.arrayContaining(['themes-report', 'you-said-we-did']))
    expect(defects.filter((defect) => defect.rule === 'unused-knowledge').flatMap((defect) => defect.assets)).toEqual(['performance-report'])
    // Changes made at the bedside act where they are made: not unused.
    expect(defects.some((defect) => defect.assets.includes('bedside-fix' as never) && defect.rule === 'unused-knowledge')).toBe(false)
    expect(defects.filter((defect) => defect.severity === 'error')).toEqual([])
  })

  it('report the level rules once per level and learning-stuck once per model', () => {
    for (const name of ['acute-ward-fft', 'commissioning-cycle', 'health-and-wellbeing-board', 'healthy-reference', 'ward-you-said-we-did']) {
      const keys = bundled(name)
        .filter((defect) => ['learning-stuck', 'missing-level-loop', 'no-memory', 'single-loop-trap'].includes(defect.rule))
        .map((defect) => (defect.rule === 'learning-stuck' ? defect.rule : `${defect.rule}|${defect.level}`))
      expect(new Set(keys).size).toBe(keys.length)
    }
  })
})
