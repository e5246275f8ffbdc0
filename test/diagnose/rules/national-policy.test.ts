import { describe, expect, it } from 'vitest'
import { traceLoops } from '../../../src/graph/trace.js'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { buildModel } from '../build.js'

/**
 * An ICB board sends its performance returns and its joint forward plan to NHS England,
 * which answers with an oversight letter and its planning guidance; residents' experience
 * reaches the quality committee through Healthwatch and is noted. With `regulator` the
 * national guidance is national policy: not inferred to be made from the board's returns.
 */
const icb = (nhse: 'regulator' | 'commissioner') =>
  buildModel({
    actors: [
      ['residents', 'citizen'],
      ['healthwatch', 'intermediary', ['delivery', 'planning']],
      ['committee', 'board', ['planning']],
      ['planning-team', 'commissioner', ['planning']],
      ['icb-board', 'board', ['planning', 'strategy']],
      ['nhse', nhse, ['strategy']],
    ],
    assets: [
      ['views', 'experience', 'residents'],
      ['hw-report', 'insight', 'healthwatch', undefined, { derivedFrom: ['views'] }],
      ['noted', 'response', 'committee', undefined, { derivedFrom: ['hw-report'] }],
      ['returns', 'data', 'icb-board'],
      ['guidance', 'strategy', 'nhse'],
      ['oversight-letter', 'response', 'nhse'],
      ['jfp', 'plan', 'planning-team', undefined, { derivedFrom: ['guidance'] }],
    ],
    channels: [
      ['tell', 'residents', 'healthwatch', ['views']],
      ['report', 'healthwatch', 'committee', ['hw-report'], { level: 'planning' }],
      ['reply', 'committee', 'healthwatch', ['noted'], { level: 'planning' }],
      ['publish', 'healthwatch', 'residents', ['noted']],
      ['referral', 'committee', 'planning-team', ['hw-report'], { level: 'planning', status: 'inactive' }],
      ['returns-up', 'icb-board', 'nhse', ['returns'], { level: 'strategy' }],
      ['letter-down', 'nhse', 'icb-board', ['oversight-letter', 'guidance'], { level: 'strategy' }],
      ['guidance-on', 'icb-board', 'planning-team', ['guidance'], { level: 'planning' }],
    ],
  })

describe("a regulator's national policy", () => {
  it('is not inferred to be made from what one organisation sends the regulator: the board ↔ NHS England returns are no triple loop', () => {
    const returns = traceLoops(icb('regulator')).loops.find((loop) => loop.source === 'returns')!
    expect(returns.outcome).toBe('heard')
    expect(returns.order).toBe('single')
    expect(diagnose(icb('regulator')).scorecard.overall.highestLearningOrder).not.toBe('triple')
    // A body the model calls a commissioner is inferred to make its strategy from what it hears.
    expect(traceLoops(icb('commissioner')).loops.find((loop) => loop.source === 'returns')!.order).toBe('triple')
  })

  it('is not where residents should be heard: the findings are about the ICB, not NHS England', () => {
    const defects = diagnose(icb('regulator')).defects
    const about = (rule: string) => defects.filter((defect) => defect.rule === rule).flatMap((defect) => defect.actors)
    expect(about('experience-excluded')).not.toContain('nhse')
    expect(about('no-lay-voice')).not.toContain('nhse')
    const stuck = defects.find((defect) => defect.rule === 'learning-stuck')!
    expect(stuck.message).toContain("such as 'jfp', held by 'planning-team'")
    expect((stuck.repair ?? []).map((channel) => channel.to)).not.toContain('nhse')
  })
})
