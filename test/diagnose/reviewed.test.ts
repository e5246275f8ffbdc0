import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildModel } from './build.js'
import { diagnose } from '../../src/diagnose/diagnose.js'
import { applyRepairs } from '../../src/graph/apply-repairs.js'
import { traceLoops } from '../../src/graph/trace.js'
import type { Model } from '../../src/model/codecs.js'
import { parseModel } from '../../src/model/decode.js'
import { modelWarnings } from '../../src/model/warnings.js'

// Models a reviewer wrote by hand from descriptions of real kinds of service (see
// reviewed/README.md: what each describes, and what a domain expert expected before the
// diagnosis ran), kept as the regressions their review found.

const load = (file: string): Model => {
  const parsed = parseModel(readFileSync(new URL(`reviewed/${file}`, import.meta.url), 'utf8'))
  if (parsed._tag === 'Left') throw new Error(`${file} does not decode`)
  return parsed.right
}

const reviewed = readdirSync(new URL('reviewed/', import.meta.url)).filter((file) => file.endsWith('.json')).sort()

describe('a hospice unit whose "you said, we did" loop takes 65 days against a 30-day budget', () => {
  const model = load('hospice-unit-feedback.json')
  it('traces the loop round its real route, whatever order the actors are listed in', () => {
    const loop = traceLoops(model).loops.find((entry) => entry.source === 'care-experience')!
    expect([loop.outcome, loop.latencyDays, loop.closedBy, loop.steps.length]).toEqual(['did', 65, 'unit-board', 5])
  })
  it('reports the loop as slow', () => {
    const slow = diagnose(model).defects.filter((defect) => defect.rule === 'slow-loop')
    expect(slow).toHaveLength(1)
    expect(slow[0]!.assets).toContain('care-experience' as never)
    expect(slow[0]!.message).toContain('65 days')
  })
})

describe('an MNVP whose meeting with the safety champions has lapsed', () => {
  const defects = diagnose(load('mnvp-champions-lapsed.json')).defects
  it('blames the lapsed meeting, not the promise: the change declared from the themes would keep it once the meeting runs', () => {
    expect(defects.filter((defect) => defect.rule === 'promise-not-kept')).toEqual([])
    const broken = defects.find((defect) => defect.rule === 'declared-loop-broken' && defect.assets.includes('birth-stories' as never))
    expect(broken?.message).toContain("'champions-meeting' is not active")
  })
})

describe("a CAMHS youth participation group that writes its own 'you said, we did' wall from the decisions its manager brings back", () => {
  const model = load('ra-camhs-youth-participation.json')
  it('traces the loop as closed by the wall, and does not call the declared loop broken', () => {
    expect(traceLoops(model).loops.find((loop) => loop.source === 'ypg-ideas')).toMatchObject({ outcome: 'did', closedBy: 'ysyd-wall' })
    expect(diagnose(model).defects.filter((defect) => defect.rule === 'declared-loop-broken')).toEqual([])
  })
})

describe('healthy co-produced services written by a reviewer (recovery college, MNVP, GP practice and PPG, community mental health team)', () => {
  for (const file of ['ra-recovery-college-council.json', 'ra-mnvp.json', 'ra-gp-ppg.json', 'ra-cmht-care-plans.json', 'rc-ld-coproduced.json', 'rd-crisis-house.json']) {
    it(`${file}: no error, at most 3 warnings and at most 10 notes`, () => {
      const { bySeverity } = diagnose(load(file)).summary
      expect(bySeverity.error).toBe(0)
      expect(bySeverity.warning).toBeLessThanOrEqual(3)
      expect(bySeverity.info).toBeLessThanOrEqual(10)
    })
  }
})

describe("wards whose FFT comments stop at the patient experience team, written by a reviewer", () => {
  const wards = [
    ['rb-surgical-ward-fft.json', 'fft-comments', 'pe-team'],
    ['rb-community-hospital-fft.json', 'fft-cards', 'experience-team'],
    ['rb-elderly-care-ward-online-fft.json', 'fft-comments', 'pe-team'],
  ] as const
  for (const [file, source, team] of wards) {
    it(`${file}: the comments loop is open, stops at the team, a finding names it, and the ward does not read as a double or triple loop`, () => {
      const model = load(file)
      const loop = traceLoops(model).loops.find((entry) => entry.source === source)!
      expect([loop.outcome, loop.stopsAt?.actor]).toEqual(['open', team])
      const diagnosis = diagnose(model)
      expect(diagnosis.defects.some((defect) => defect.rule === 'open-loop' && defect.assets.includes(source as never) && defect.actors.includes(team as never))).toBe(true)
      expect(['double', 'triple']).not.toContain(diagnosis.scorecard.overall.highestLearningOrder)
    })
  }
})

describe('an elderly care ward whose ratings lead to changes patients only meet as care', () => {
  it('says the change reaches them as care, not as a reply, rather than that the ratings stay with them', () => {
    const open = diagnose(load('rb-elderly-care-ward-online-fft.json')).defects.find((defect) => defect.rule === 'open-loop' && defect.assets[0] === 'fft-ratings')
    expect(open?.message).toBe(
      "'fft-ratings' from 'patients' leads to 'ward-changes', which 'patients' receive as care, not as a reply telling them it came from what they said: nothing comes back to 'patients'.",
    )
    expect(open?.severity).toBe('warning')
  })

  it('notes, rather than warns, when what reaches them is a decision such as a support plan, and says how to model it as their answer', () => {
    // A memory service: people living with dementia say what they need; the team's support plan made from it is given to them.
    const model = buildModel({
      actors: [['pwd', 'patient'], ['team', 'clinician']],
      assets: [['needs', 'experience', 'pwd'], ['support-plan', 'decision', 'team', undefined, { derivedFrom: ['needs'] }]],
      channels: [['assessment', 'pwd', 'team', ['needs']], ['plan-copy', 'team', 'pwd', ['support-plan']]],
    })
    const open = diagnose(model).defects.find((defect) => defect.rule === 'open-loop')
    expect(open?.severity).toBe('info')
    expect(open?.message).toContain("which 'pwd' receive as a decision about them, not as a reply telling them it came from what they said (where the plan they are given is their answer")
  })
})

describe('ICBs whose quality committee receives and notes Healthwatch reports, written by a reviewer', () => {
  const icbs = [
    ['rb-icb-healthwatch-noted.json', 'resident-experiences', 'icb-board'],
    ['rb-icb-healthwatch-inferred.json', 'stories', 'board'],
  ] as const
  for (const [file, source, board] of icbs) {
    it(`${file}: residents are heard, not acted on; the board never hears them; no triple loop`, () => {
      const model = load(file)
      expect(traceLoops(model).loops.find((entry) => entry.source === source)!.outcome).toBe('heard')
      const diagnosis = diagnose(model)
      expect(diagnosis.defects.some((defect) => defect.rule === 'heard-not-acted' && defect.assets.includes(source as never))).toBe(true)
      expect(diagnosis.defects.some((defect) => defect.rule === 'experience-excluded' && defect.actors.includes(board as never))).toBe(true)
      expect(diagnosis.scorecard.overall.highestLearningOrder).not.toBe('triple')
    })
  }
})

describe('repairs of the reviewed models', () => {
  it('never propose a channel the model already runs: one between the same actors, active, carrying all it would', () => {
    const copies = reviewed.flatMap((file) => {
      const model = load(file)
      return diagnose(model)
        .defects.flatMap((defect) => defect.repair ?? [])
        .filter((proposal) => (proposal.creates ?? []).length === 0)
        .filter((proposal) => model.channels.some((channel) => channel.status === 'active' && channel.from === proposal.from && channel.to === proposal.to && proposal.carries.every((id) => channel.carries.includes(id))))
        .map((proposal) => `${file}: ${proposal.from} -> ${proposal.to} ${proposal.carries.join(', ')}`)
    })
    expect(copies).toEqual([])
  })
  for (const file of reviewed) {
    it(`${file}: applied together, they make a valid model with no error, no open loop, no channel carrying what its sender lacks and no new one at a level one of its actors is not at`, () => {
      const model = load(file)
      const repaired = applyRepairs(model, diagnose(model).defects.flatMap((defect) => defect.repair ?? []))
      const left = diagnose(repaired).defects.filter((defect) => defect.severity === 'error' || defect.rule === 'open-loop')
      // A repair may repeat a mismatch the modeller made (a declared planning loop back to
      // patients who take part only in delivery, as their survey channel to it already is),
      // never add one: warnings compared without the channel's id.
      const withoutChannel = (message: string) => message.replace(/^Channel '[^']*'/, 'Channel')
      const before = new Set(modelWarnings(model).map((warning) => withoutChannel(warning.message)))
      const warnings = modelWarnings(repaired).filter((warning) => (warning.code === 'asset-not-available' || warning.code === 'level-mismatch') && !before.has(withoutChannel(warning.message)))
      // Nor a new note that a repair channel has no polarity, in a model that records it.
      const polarity = diagnose(repaired).defects.filter((defect) => defect.rule === 'unknown-polarity' && defect.channels.some((id) => id.startsWith('repair-')))
      expect({ left, warnings, polarity }).toEqual({ left: [], warnings: [], polarity: [] })
    })
  }
})

describe('an ICB committee that decides an access plan from what patients say and never tells them (third review)', () => {
  const diagnosis = diagnose(load('rc-icb-pccc.json'))
  const about = (source: string) => diagnosis.defects.filter((defect) => defect.assets[0] === source || (defect.rule !== 'declared-loop-broken' && defect.assets.includes(source as never) && ['open-loop', 'acted-not-reported'].includes(defect.rule)))
  it('reports each source once: acted on, and nobody reports back', () => {
    for (const source of ['gpps-answers', 'access-experiences', 'community-views']) {
      const rules = about(source).filter((defect) => defect.rule === 'open-loop' || defect.rule === 'acted-not-reported')
      expect(rules.map((defect) => `${defect.rule} ${defect.severity}`), source).toEqual(['acted-not-reported error'])
      expect(rules[0]!.message).toContain("stops there, because nobody reports back what was done")
    }
  })
  it('files the survey under planning, where its loop runs, and repairs the declared step back at the loop\'s level', () => {
    const survey = diagnosis.defects.find((defect) => defect.rule === 'acted-not-reported' && defect.message.startsWith("'gpps-answers'"))
    expect(survey?.level).toBe('planning')
    const broken = diagnosis.defects.find((defect) => defect.rule === 'declared-loop-broken')
    expect(broken?.repair?.find((channel) => channel.from === 'pccc' && channel.to === 'registered-patients')?.level).toBe('planning')
  })
})

describe("a district nursing carers' survey that only reaches the board's quality committee (third review)", () => {
  const diagnosis = diagnose(load('rc-district-nursing.json'))
  it('says learning-stuck needs no channel: the committee hears the carers in the quarterly report, and its strategy is declared to be made from nothing', () => {
    // Review 8: carrying one more of the carers' sources up each round changes nothing while
    // the strategy declares what it is made from; only the strategy can change.
    const stuck = diagnosis.defects.find((defect) => defect.rule === 'learning-stuck')
    expect(stuck?.repair).toBeUndefined()
    expect(stuck?.message).toContain("It reaches 'quality-committee' as 'quarterly-report', but 'quality-strategy' is declared to be made from nothing: no channel is missing, only a plan made from it.")
  })
  it('does not send the unused quality strategy back to the analysts who report to the committee', () => {
    const unused = diagnosis.defects.find((defect) => defect.rule === 'unused-knowledge' && defect.assets.includes('quality-strategy' as never))
    expect(unused?.repair?.map((channel) => channel.to)).toEqual(['dn-team-lead'])
  })
})

describe('an ICB committee whose "received and noted" letter stops with Healthwatch while its referral lapsed (fourth review)', () => {
  const diagnosis = diagnose(load('rd-icb-care-homes.json'))
  it('says the referral lapsed, and never proposes delivering the "noted" letter', () => {
    for (const source of ['relative-experiences', 'resident-experiences']) {
      const open = diagnosis.defects.find((defect) => defect.rule === 'open-loop' && defect.message.startsWith(`'${source}'`))
      expect(open?.message, source).toContain("'enter-view-report' would reach 'care-homes-quality-team' over 'referral-to-chqt', which is not active")
    }
    const delivered = diagnosis.defects.flatMap((defect) => defect.repair ?? []).filter((channel) => channel.carries.includes('committee-ack' as never))
    expect(delivered).toEqual([])
  })
  it("files the quality team's monitoring loop at planning, and says once that residents' experience never makes a plan", () => {
    expect(diagnosis.defects.find((defect) => defect.rule === 'no-memory')?.level).toBe('planning')
    expect(diagnosis.defects.filter((defect) => defect.rule === 'single-loop-trap' || defect.rule === 'learning-stuck').map((defect) => defect.rule)).toEqual(['learning-stuck'])
  })
})
