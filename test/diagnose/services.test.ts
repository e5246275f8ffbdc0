import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { traceLoops } from '../../src/graph/trace.js'
import type { Model } from '../../src/model/codecs.js'
import { parseModel } from '../../src/model/decode.js'

// Models written from descriptions of real kinds of service (see each model's
// description), not made to fit the rules: what a ward manager, a commissioner or a
// co-production lead would say about them.

const load = (file: string): Model => {
  const parsed = parseModel(readFileSync(new URL(`../../examples/models/${file}`, import.meta.url), 'utf8'))
  if (parsed._tag === 'Left') throw new Error(`${file} does not decode`)
  return parsed.right
}

describe('an acute ward whose FFT comments stop at the patient experience team', () => {
  const model = load('acute-ward-fft.json')
  it('traces the comments loop as open, stopping at the experience team', () => {
    const comments = traceLoops(model).loops.find((loop) => loop.source === 'fft-comments')!
    expect(comments.outcome).toBe('open')
    expect(comments.stopsAt?.actor).toBe('experience-team')
  })
  it('has a finding that names the team where the comments stop', () => {
    const defects = diagnose(model).defects
    const naming = defects.filter((defect) => defect.assets.includes('fft-comments' as never) && defect.actors.includes('experience-team' as never))
    expect(naming.map((defect) => defect.rule)).toEqual(expect.arrayContaining(['open-loop', 'stories-stop']))
    expect(naming.find((defect) => defect.rule === 'open-loop')!.message).toContain("'experience-team'")
  })
  it('does not call the ward healthy because nurses deliver care to patients', () => {
    const { overall } = diagnose(model).scorecard
    expect(overall.outcomes.open).toBeGreaterThan(0.5)
    expect(overall.highestLearningOrder).toBe('single')
  })
})

describe('an ICB quality committee that receives and notes Healthwatch reports', () => {
  const model = load('icb-quality-committee.json')
  it("traces residents' loop as heard, not did", () => {
    expect(traceLoops(model).loops.find((loop) => loop.source === 'resident-stories')!.outcome).toBe('heard')
  })
  it('flags hearing without acting', () => {
    expect(diagnose(model).defects.some((defect) => defect.rule === 'heard-not-acted' && defect.assets.includes('resident-stories' as never))).toBe(true)
  })
  it('reports the plan holder as never hearing resident experience', () => {
    const excluded = diagnose(model).defects.filter((defect) => defect.rule === 'experience-excluded')
    expect(excluded.some((defect) => defect.actors.includes('icb-board' as never))).toBe(true)
  })
  it('does not call the board and NHS England a triple loop', () => {
    expect(traceLoops(model).loops.every((loop) => loop.order !== 'triple')).toBe(true)
  })
})

describe('a co-produced recovery college', () => {
  const model = load('recovery-college.json')
  it('has no error, at most 3 warnings and at most 10 notes', () => {
    const { bySeverity } = diagnose(model).summary
    expect(bySeverity.error).toBe(0)
    expect(bySeverity.warning).toBeLessThanOrEqual(3)
    expect(bySeverity.info).toBeLessThanOrEqual(10)
  })
  it('closes every loop, and the council is answered', () => {
    const loops = traceLoops(model).loops
    expect(loops.filter((loop) => loop.outcome === 'open')).toEqual([])
    expect(loops.find((loop) => loop.source === 'council-experience')!.outcome).toBe('did')
  })
})

describe('the healthy reference', () => {
  it('stays healthy: no error and no warning', () => {
    const { bySeverity } = diagnose(load('healthy-reference.json')).summary
    expect([bySeverity.error, bySeverity.warning]).toEqual([0, 0])
  })
})
