import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/diagnose/diagnose.js'
import { applyRepairs } from '../../../src/graph/apply-repairs.js'
import type { Model } from '../../../src/model/codecs.js'
import { parseModel } from '../../../src/model/decode.js'
import { type TracedSpec, tracedModel, wardSpec } from './traced-model.js'

const defectsOf = (model: Model) => diagnose(model).defects.filter((defect) => defect.rule === 'stories-stop')

describe('stories-stop', () => {
  it('names the team where comments stop, with the idle channel, and passes what it made on to who acts on it', () => {
    const model = tracedModel(wardSpec(['themes-to-ward']))
    const [defect, ...rest] = defectsOf(model)
    expect(rest).toEqual([])
    expect(defect).toMatchObject({ severity: 'warning', actors: ['patients', 'team'], channels: ['comment-box', 'themes-to-ward'] })
    expect(defect!.message).toBe(
      "Stories from 'patients' ('comments') reach 'team' and go no further: the channel that would pass them on ('themes-to-ward') is not active, so nothing is decided or done with what people said, and nobody tells them.",
    )
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'team', to: 'manager', carries: ['themes'] })])
    expect(defectsOf(applyRepairs(model, defect!.repair!))).toEqual([])
  })

  it('reports once per actor, counting the stories of each holder', () => {
    const spec: TracedSpec = {
      actors: [['patients', 'patient'], ['carers', 'carer'], ['team', 'staff']],
      assets: [['comments', 'experience', 'patients'], ['complaints', 'experience', 'patients'], ['concerns', 'experience', 'carers']],
      channels: [['box', 'patients', 'team', ['comments', 'complaints']], ['call', 'carers', 'team', ['concerns']]],
    }
    const found = defectsOf(tracedModel(spec))
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain("Stories from 'patients' (2) and 'carers' ('concerns') reach 'team' and go no further: no channel passes them")
    // Nobody is named as making anything of them: the repair answers each story instead.
    expect(found[0]!.repair?.map((channel) => `${channel.from}->${channel.to}`)).toEqual(['team->patients', 'team->patients', 'team->carers'])
    expect(defectsOf(applyRepairs(tracedModel(spec), found[0]!.repair!))).toEqual([])
  })

  it('is silent when what stops is a reply that is not delivered, or stories that never left their holder', () => {
    expect(defectsOf(tracedModel(wardSpec(['ysywd-board'])))).toEqual([])
    expect(defectsOf(tracedModel(wardSpec(['comment-box'])))).toEqual([])
  })

  it('is about lay experience only', () => {
    const spec: TracedSpec = {
      actors: [['lab', 'clinician'], ['team', 'staff']],
      assets: [['results', 'evidence', 'lab']],
      channels: [['send', 'lab', 'team', ['results']]],
    }
    expect(defectsOf(tracedModel(spec))).toEqual([])
  })

  it('names the patient experience team in the acute ward FFT model', () => {
    const parsed = parseModel(readFileSync(new URL('../../../examples/models/acute-ward-fft.json', import.meta.url), 'utf8'))
    if (E.isLeft(parsed)) throw new Error('the bundled model does not parse')
    const found = defectsOf(parsed.right)
    expect(found).toHaveLength(1)
    expect(found[0]!.actors).toContain('experience-team')
    expect(found[0]!.message).toContain("reach 'experience-team' and go no further")
    expect(found[0]!.repair).toEqual([expect.objectContaining({ from: 'experience-team', to: 'ward-manager', carries: ['themes-report'] })])
  })
})

describe('stories-stop: the score goes on, the comments do not', () => {
  it('names the team where FFT cards stop when only the % score counted from them goes on, and brings the themes back', () => {
    // Each card is a rating and a comment; the % score is counted from the cards and goes to the
    // ward sister, whose "you said, we did" display has lapsed; the themes report to her has lapsed too.
    const model = tracedModel({
      actors: [['patients', 'patient'], ['pe-team', 'manager'], ['sister', 'manager']],
      assets: [
        ['cards', 'experience', 'patients'],
        ['score', 'data', 'pe-team', ['cards']],
        ['themes', 'insight', 'pe-team', ['cards']],
        ['actions', 'decision', 'sister'],
        ['display', 'response', 'sister', ['actions']],
      ],
      channels: [
        ['card-box', 'patients', 'pe-team', ['cards']],
        ['score-to-sister', 'pe-team', 'sister', ['score']],
        ['themes-to-sister', 'pe-team', 'sister', ['themes'], { status: 'inactive' }],
        ['ysyd', 'sister', 'patients', ['display'], { status: 'inactive' }],
      ],
    })
    const [defect, ...rest] = defectsOf(model)
    expect(rest).toEqual([])
    expect(defect!.actors).toEqual(['patients', 'pe-team'])
    expect(defect!.channels).toEqual(['card-box', 'themes-to-sister'])
    expect(defect!.message).toContain("Stories from 'patients' ('cards') reach 'pe-team' and go no further: the channel that would pass them on ('themes-to-sister') is not active")
    expect(defect!.repair).toEqual([expect.objectContaining({ from: 'pe-team', to: 'sister', carries: ['themes'], activates: 'themes-to-sister' })])
    expect(defectsOf(applyRepairs(model, defect!.repair!))).toEqual([])
  })
})
